package io.sanctionsmonitor.local.load;

import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.SQSBatchResponse;
import com.amazonaws.services.lambda.runtime.events.SQSEvent;
import io.sanctionsmonitor.api.ApiHandler;
import io.sanctionsmonitor.aws.AwsClients;
import io.sanctionsmonitor.local.CloudFormationTemplate;
import io.sanctionsmonitor.local.LocalClients;
import io.sanctionsmonitor.local.LocalStack;
import io.sanctionsmonitor.local.SqsEventSource;
import io.sanctionsmonitor.local.SqsEventSourcePoller;
import io.sanctionsmonitor.local.StackIdentity;
import io.sanctionsmonitor.local.StackProvisioner;
import io.sanctionsmonitor.processor.ProcessorHandler;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.sqs.model.Message;
import software.amazon.awssdk.services.sqs.model.MessageSystemAttributeName;
import software.amazon.awssdk.services.sqs.model.QueueAttributeName;

/**
 * A stack created from template.yaml in moto, uniquely named, with the processor and the API function run in
 * this JVM: what the fault, idempotency and load checks drive. Uploads, the queue and the checks' reads talk to
 * moto directly (they stand for S3, SQS and the operator); a processor may be pointed at another endpoint (a
 * {@link FaultyEndpoint}) for its own S3 and DynamoDB calls, as a function whose backend goes away.
 */
public final class ProcessingStack implements AutoCloseable {
    private final URI moto;
    private final CloudFormationTemplate template;
    private final LocalClients clients;
    private final LocalStack stack;
    private final List<AutoCloseable> closeables = new ArrayList<>();
    /** The processor's log lines (JSON), from every handler this stack made. */
    private final List<String> processorLog = Collections.synchronizedList(new ArrayList<>());

    private ProcessingStack(URI moto, CloudFormationTemplate template, LocalClients clients, LocalStack stack) {
        this.moto = moto;
        this.template = template;
        this.clients = clients;
        this.stack = stack;
    }

    /**
     * Creates the template's resources under a fresh stack name, the queue's visibility timeout shortened to
     * {@code visibilitySeconds} so that failed messages come back (and reach the DLQ) within a test.
     */
    public static ProcessingStack provision(URI moto, Path templateFile, String namePrefix, int visibilitySeconds) {
        CloudFormationTemplate template = CloudFormationTemplate.read(templateFile);
        LocalClients clients = LocalClients.at(moto);
        LocalStack stack = create(template, clients, namePrefix);
        clients.sqs().setQueueAttributes(b -> b.queueUrl(stack.queueUrl())
                .attributes(Map.of(QueueAttributeName.VISIBILITY_TIMEOUT, String.valueOf(visibilitySeconds))));
        ProcessingStack created = new ProcessingStack(moto, template, clients, stack);
        created.takeMessages(Integer.MAX_VALUE, 1); // the s3:TestEvent S3 sent when the notifications were set
        return created;
    }

    private static LocalStack create(CloudFormationTemplate template, LocalClients clients, String namePrefix) {
        StackIdentity identity = StackIdentity.local(namePrefix + "-" + UUID.randomUUID().toString().substring(0, 8));
        return LocalStack.from(template, identity,
                new StackProvisioner(template, identity, clients.s3(), clients.sqs(), clients.dynamoDb()).provision());
    }

    public LocalStack stack() {
        return stack;
    }

    public LocalClients clients() {
        return clients;
    }

    public String table() {
        return stack.tableName();
    }

    /** A second, empty table with the same schema: where a reference run stores the same reports. */
    public String twinTable() {
        return create(template, clients, "twin").tableName();
    }

    /** The real processor handler on this stack's table, its S3 and DynamoDB calls going to moto. */
    public ProcessorHandler processor() {
        return processor(moto, stack.tableName());
    }

    /** The real processor handler whose S3 and DynamoDB calls go to {@code backend}, storing into {@code table}. */
    public ProcessorHandler processor(URI backend, String table) {
        S3Client s3 = AwsClients.s3(backend);
        DynamoDbClient dynamoDb = AwsClients.dynamoDb(backend);
        closeables.add(s3);
        closeables.add(dynamoDb);
        return new ProcessorHandler(s3, dynamoDb, table);
    }

    /**
     * Lambda's SQS event source for this stack's queue, invoking {@code handler}: the template's batch size and
     * batch item failures, but no batching window (it only adds latency, and checks poll often).
     */
    public SqsEventSourcePoller poller(RequestHandler<SQSEvent, SQSBatchResponse> handler) {
        SqsEventSource template = stack.eventSource();
        SqsEventSource source = new SqsEventSource(template.batchSize(), 0, template.reportBatchItemFailures());
        SqsEventSourcePoller poller = new SqsEventSourcePoller(clients.sqs(), stack.queueUrl(), stack.queueArn(),
                source, handler, () -> new LoggingContext("processor", processorLog::add), line -> { });
        closeables.add(poller);
        return poller;
    }

    /** The API function's answers over this stack's table. */
    public ServedStats api() {
        return api(stack.tableName());
    }

    public ServedStats api(String table) {
        return new ServedStats(new ApiHandler(clients.dynamoDb(), table,
                "fault-tests-cursor-key-32-bytes!".getBytes(StandardCharsets.UTF_8)));
    }

    public List<String> processorLog() {
        synchronized (processorLog) {
            return List.copyOf(processorLog);
        }
    }

    public void clearProcessorLog() {
        processorLog.clear();
    }

    /** Uploads under the stack's key; S3 notifies the queue. Returns the version id. */
    public String upload(String key, byte[] content) {
        return clients.s3().putObject(b -> b.bucket(stack.bucket()).key(key), RequestBody.fromBytes(content)).versionId();
    }

    /**
     * Deletes every version of a key. The bucket is versioned: this sends ObjectRemoved:Delete, which moto 5.2
     * does (a plain delete's DeleteMarkerCreated it does not send).
     */
    public void deleteEveryVersion(String key) {
        clients.s3().listObjectVersions(b -> b.bucket(stack.bucket()).prefix(key)).versions().stream()
                .filter(v -> v.key().equals(key))
                .forEach(v -> clients.s3().deleteObject(b -> b.bucket(stack.bucket()).key(key).versionId(v.versionId())));
    }

    /**
     * Receives (and deletes) the queue's object notifications, to deliver them by hand: at least {@code atLeast}
     * unless the queue stays empty for five receives in a row.
     */
    public List<Message> takeMessages(int atLeast) {
        return takeMessages(atLeast, 5);
    }

    private List<Message> takeMessages(int atLeast, int emptyReceives) {
        List<Message> taken = new ArrayList<>();
        for (int empty = 0; empty < emptyReceives && taken.size() < atLeast; ) {
            List<Message> batch = clients.sqs().receiveMessage(b -> b.queueUrl(stack.queueUrl()).maxNumberOfMessages(10)
                    .waitTimeSeconds(1).messageSystemAttributeNames(MessageSystemAttributeName.ALL)).messages();
            empty = batch.isEmpty() ? empty + 1 : 0;
            for (Message m : batch) {
                clients.sqs().deleteMessage(b -> b.queueUrl(stack.queueUrl()).receiptHandle(m.receiptHandle()));
                if (!m.body().contains("s3:TestEvent")) {
                    taken.add(m);
                }
            }
        }
        return taken;
    }

    /** Puts a body on the queue again: a duplicate delivery as SQS and S3 may make. */
    public void send(String body) {
        clients.sqs().sendMessage(b -> b.queueUrl(stack.queueUrl()).messageBody(body));
    }

    /** Messages in the queue, visible or in flight. */
    public int queueDepth() {
        return depth(stack.queueUrl());
    }

    public int deadLetterDepth() {
        return depth(stack.deadLetterQueueUrl());
    }

    private int depth(String queueUrl) {
        Map<QueueAttributeName, String> a = clients.sqs().getQueueAttributes(b -> b.queueUrl(queueUrl).attributeNames(
                QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES,
                QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES_NOT_VISIBLE)).attributes();
        return Integer.parseInt(a.get(QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES))
                + Integer.parseInt(a.get(QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES_NOT_VISIBLE));
    }

    /**
     * Polls until the queue is empty (failed messages come back after the visibility timeout, and move to the
     * DLQ after maxReceiveCount), at most {@code maxPolls} times. Returns the number of polls made.
     */
    public int drain(SqsEventSourcePoller poller, int maxPolls) {
        for (int polls = 1; polls <= maxPolls; polls++) {
            if (poller.pollOnce(1).received() == 0 && queueDepth() == 0) {
                return polls;
            }
        }
        throw new IllegalStateException("the queue still holds " + queueDepth() + " message(s) after " + maxPolls + " polls");
    }

    public TableSnapshot snapshot() {
        return snapshot(stack.tableName());
    }

    public TableSnapshot snapshot(String table) {
        return TableSnapshot.scan(clients.dynamoDb(), table);
    }

    @Override
    public void close() {
        for (AutoCloseable c : closeables) {
            try {
                c.close();
            } catch (Exception ignored) {
                // closing a test client: nothing to do about it
            }
        }
        clients.close();
    }
}
