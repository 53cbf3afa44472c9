package io.sanctionsmonitor.local;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.SQSBatchResponse;
import com.amazonaws.services.lambda.runtime.events.SQSEvent;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.sanctionsmonitor.ingest.IngestSettings;
import java.io.OutputStream;
import java.io.PrintStream;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.dynamodb.model.TableDescription;
import software.amazon.awssdk.services.s3.model.QueueConfiguration;
import software.amazon.awssdk.services.sqs.model.Message;
import software.amazon.awssdk.services.sqs.model.QueueAttributeName;

/**
 * Against moto_server: the local stack creates its resources from template.yaml, S3 notifications reach the
 * queue, and the poller behaves like Lambda's SQS event source (delete on success, keep on failure, then the
 * dead-letter queue after maxReceiveCount).
 */
class LocalStackRunnerTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final URI MOTO = TestMoto.ENDPOINT;

    private final CloudFormationTemplate template = CloudFormationTemplate.read(TemplateFiles.template());
    private final List<SQSEvent> invocations = new ArrayList<>();
    private LocalClients clients;
    private LocalStack stack;

    @BeforeEach
    void provision() {
        TestMoto.requireUp();
        clients = LocalClients.at(MOTO);
        StackIdentity identity = StackIdentity.local("it-" + UUID.randomUUID().toString().substring(0, 8));
        IntrinsicResolver resolver = new StackProvisioner(template, identity, clients.s3(), clients.sqs(), clients.dynamoDb()).provision();
        stack = LocalStack.from(template, identity, resolver);
    }

    @AfterEach
    void close() {
        clients.close();
    }

    @Test
    void resourcesHaveTheTemplatesProperties() {
        JsonNode queueProperties = template.properties("ReportEventsQueue");
        Map<QueueAttributeName, String> queue = clients.sqs().getQueueAttributes(b -> b.queueUrl(stack.queueUrl())
                .attributeNames(QueueAttributeName.ALL)).attributes();
        assertEquals(queueProperties.path("VisibilityTimeout").asText(), queue.get(QueueAttributeName.VISIBILITY_TIMEOUT));
        JsonNode redrive = read(queue.get(QueueAttributeName.REDRIVE_POLICY));
        assertEquals(5, redrive.path("maxReceiveCount").asInt());
        String dlqArn = clients.sqs().getQueueAttributes(b -> b.queueUrl(stack.deadLetterQueueUrl())
                .attributeNames(QueueAttributeName.QUEUE_ARN)).attributes().get(QueueAttributeName.QUEUE_ARN);
        assertEquals(dlqArn, redrive.path("deadLetterTargetArn").asText());
        assertEquals("1209600", clients.sqs().getQueueAttributes(b -> b.queueUrl(stack.deadLetterQueueUrl())
                .attributeNames(QueueAttributeName.MESSAGE_RETENTION_PERIOD)).attributes().get(QueueAttributeName.MESSAGE_RETENTION_PERIOD));

        TableDescription table = clients.dynamoDb().describeTable(b -> b.tableName(stack.tableName())).table();
        assertEquals(List.of("gsi1", "gsi2"), table.globalSecondaryIndexes().stream().map(i -> i.indexName()).sorted().toList());
        assertEquals("pk", table.keySchema().get(0).attributeName());
        assertEquals("ENABLED", clients.dynamoDb().describeContinuousBackups(b -> b.tableName(stack.tableName()))
                .continuousBackupsDescription().pointInTimeRecoveryDescription().pointInTimeRecoveryStatusAsString());

        assertEquals("Enabled", clients.s3().getBucketVersioning(b -> b.bucket(stack.bucket())).statusAsString());
        assertEquals("AES256", clients.s3().getBucketEncryption(b -> b.bucket(stack.bucket()))
                .serverSideEncryptionConfiguration().rules().get(0).applyServerSideEncryptionByDefault().sseAlgorithmAsString());
        assertTrue(clients.s3().getPublicAccessBlock(b -> b.bucket(stack.bucket())).publicAccessBlockConfiguration().restrictPublicBuckets());
        List<QueueConfiguration> notifications = clients.s3().getBucketNotificationConfiguration(b -> b.bucket(stack.bucket()))
                .queueConfigurations();
        assertEquals(2, notifications.size());
        notifications.forEach(n -> assertEquals(stack.queueArn(), n.queueArn()));
    }

    @Test
    void eventSourceSettingsComeFromTheProcessorsSqsEvent() {
        JsonNode event = template.properties(LocalStack.PROCESSOR_FUNCTION).at("/Events/ReportEvents/Properties");
        assertEquals(new SqsEventSource(event.path("BatchSize").asInt(), event.path("MaximumBatchingWindowInSeconds").asInt(), true,
                event.at("/ScalingConfig/MaximumConcurrency").asInt()), stack.eventSource());
        assertEquals("reports/", stack.uploadPrefix());
        // bin/local runs the processor in-process, where it reads UPLOAD_PREFIX from the environment or its default.
        assertEquals(IngestSettings.defaults().uploadPrefix(), stack.uploadPrefix());
    }

    @Test
    void uploadUnderThePrefixNotifiesTheQueueAndOtherKeysDoNot() throws Exception {
        clients.s3().putObject(b -> b.bucket(stack.bucket()).key("elsewhere/ignored.txt"), RequestBody.fromString("no"));
        clients.s3().putObject(b -> b.bucket(stack.bucket()).key("reports/a report+1.txt"), RequestBody.fromString("yes"));

        List<String> objectEvents = new ArrayList<>();
        for (Message message : drain(stack.queueUrl())) {
            JsonNode body = read(message.body());
            if (body.path("Event").asText().equals("s3:TestEvent")) {
                continue;
            }
            for (JsonNode record : body.path("Records")) {
                // Keys arrive URL-encoded (moto also encodes '/', AWS does not); decoded, they are the key.
                objectEvents.add(record.path("eventName").asText() + " "
                        + URLDecoder.decode(record.at("/s3/object/key").asText(), StandardCharsets.UTF_8));
            }
        }
        assertEquals(List.of("ObjectCreated:Put reports/a report+1.txt"), objectEvents);
    }

    @Test
    void pollerDeletesSucceededMessagesAndKeepsFailedOnes() {
        drain(stack.queueUrl()); // the s3:TestEvent moto sent when the notifications were configured
        send("good");
        send("poison");
        SqsEventSourcePoller poller = poller(failing("poison"), new SqsEventSource(10, 0, true));

        SqsEventSourcePoller.BatchResult result = poller.pollOnce(1);

        assertEquals(new SqsEventSourcePoller.BatchResult(2, 1, 1), result);
        SQSEvent.SQSMessage first = invocations.get(0).getRecords().get(0);
        assertEquals("aws:sqs", first.getEventSource());
        assertEquals(stack.queueArn(), first.getEventSourceArn());
        assertEquals("1", first.getAttributes().get("ApproximateReceiveCount"));
        Map<QueueAttributeName, String> counts = counts(stack.queueUrl());
        assertEquals("0", counts.get(QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES));
        assertEquals("1", counts.get(QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES_NOT_VISIBLE), "the poison message stays in flight");
    }

    @Test
    void failedMessageIsRedeliveredThenMovedToTheDeadLetterQueue() {
        drain(stack.queueUrl());
        send("poison");
        SqsEventSourcePoller poller = poller(failing("poison"), new SqsEventSource(10, 0, true));
        int maxReceiveCount = template.properties("ReportEventsQueue").at("/RedrivePolicy/maxReceiveCount").asInt();

        for (int receive = 1; receive <= maxReceiveCount; receive++) {
            assertEquals(1, poller.pollOnce(1).kept(), "receive " + receive);
            SQSEvent.SQSMessage message = invocations.getLast().getRecords().get(0);
            assertEquals(String.valueOf(receive), message.getAttributes().get("ApproximateReceiveCount"));
            expireVisibility(message); // as if the visibility timeout had passed
        }
        assertEquals(0, poller.pollOnce(1).received(), "after maxReceiveCount the queue no longer delivers it");
        List<Message> deadLetters = drain(stack.deadLetterQueueUrl());
        assertEquals(1, deadLetters.size());
        assertEquals("poison", deadLetters.get(0).body());
    }

    @Test
    void aThrowingFunctionReturnsTheWholeBatch() {
        drain(stack.queueUrl());
        send("one");
        send("two");
        SqsEventSourcePoller poller = poller((event, context) -> {
            invocations.add(event);
            throw new IllegalStateException("function crashed");
        }, new SqsEventSource(10, 0, true));

        assertEquals(new SqsEventSourcePoller.BatchResult(2, 0, 2), poller.pollOnce(1));
    }

    @Test
    void anUnknownItemIdentifierReturnsTheWholeBatch() {
        drain(stack.queueUrl());
        send("one");
        send("two");
        SqsEventSourcePoller poller = poller((event, context) -> {
            invocations.add(event);
            return new SQSBatchResponse(List.of(new SQSBatchResponse.BatchItemFailure("not-a-message-id")));
        }, new SqsEventSource(10, 0, true));

        assertEquals(new SqsEventSourcePoller.BatchResult(2, 0, 2), poller.pollOnce(1));
    }

    @Test
    void withoutReportBatchItemFailuresASuccessfulInvocationDeletesTheWholeBatch() {
        drain(stack.queueUrl());
        send("good");
        send("poison");
        SqsEventSourcePoller poller = poller(failing("poison"), new SqsEventSource(10, 0, false));

        assertEquals(new SqsEventSourcePoller.BatchResult(2, 2, 0), poller.pollOnce(1));
    }

    @Test
    void backgroundPollersShareTheQueueAndStopOnClose() throws InterruptedException {
        drain(stack.queueUrl());
        java.util.Set<String> handled = java.util.concurrent.ConcurrentHashMap.newKeySet();
        RequestHandler<SQSEvent, SQSBatchResponse> handler = (event, context) -> {
            event.getRecords().forEach(m -> handled.add(m.getBody()));
            return new SQSBatchResponse(List.of());
        };
        List<SqsEventSourcePoller> pollers = List.of(poller(handler, new SqsEventSource(2, 0, true, 2)),
                poller(handler, new SqsEventSource(2, 0, true, 2)));
        pollers.forEach(SqsEventSourcePoller::start);
        for (int i = 0; i < 6; i++) {
            send("m" + i);
        }
        for (int wait = 0; wait < 300 && handled.size() < 6; wait++) {
            Thread.sleep(100); // a bounded wait for the background threads, not a timing assertion
        }
        pollers.forEach(SqsEventSourcePoller::close);

        assertEquals(java.util.Set.of("m0", "m1", "m2", "m3", "m4", "m5"), handled);
        Map<QueueAttributeName, String> counts = counts(stack.queueUrl());
        assertEquals("0", counts.get(QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES));
        assertEquals("0", counts.get(QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES_NOT_VISIBLE));
    }

    // ------------------------------------------------------------------ helpers

    private RequestHandler<SQSEvent, SQSBatchResponse> failing(String poison) {
        return (event, context) -> {
            invocations.add(event);
            List<SQSBatchResponse.BatchItemFailure> failures = new ArrayList<>();
            for (SQSEvent.SQSMessage message : event.getRecords()) {
                if (message.getBody().equals(poison)) {
                    failures.add(new SQSBatchResponse.BatchItemFailure(message.getMessageId()));
                }
            }
            return new SQSBatchResponse(failures);
        };
    }

    private SqsEventSourcePoller poller(RequestHandler<SQSEvent, SQSBatchResponse> handler, SqsEventSource source) {
        PrintStream quiet = new PrintStream(OutputStream.nullOutputStream());
        return new SqsEventSourcePoller(clients.sqs(), stack.queueUrl(), stack.queueArn(), source, handler,
                () -> new LocalLambdaContext("processor", 1024, 60, quiet), line -> { });
    }

    private void send(String body) {
        clients.sqs().sendMessage(b -> b.queueUrl(stack.queueUrl()).messageBody(body));
    }

    private void expireVisibility(SQSEvent.SQSMessage message) {
        clients.sqs().changeMessageVisibility(b -> b.queueUrl(stack.queueUrl())
                .receiptHandle(message.getReceiptHandle()).visibilityTimeout(0));
    }

    /** Receives (and deletes) everything currently visible in a queue. */
    private List<Message> drain(String queueUrl) {
        List<Message> all = new ArrayList<>();
        while (true) {
            List<Message> batch = clients.sqs().receiveMessage(b -> b.queueUrl(queueUrl).maxNumberOfMessages(10).waitTimeSeconds(1))
                    .messages();
            if (batch.isEmpty()) {
                return all;
            }
            for (Message message : batch) {
                clients.sqs().deleteMessage(b -> b.queueUrl(queueUrl).receiptHandle(message.receiptHandle()));
            }
            all.addAll(batch);
        }
    }

    private Map<QueueAttributeName, String> counts(String queueUrl) {
        return clients.sqs().getQueueAttributes(b -> b.queueUrl(queueUrl).attributeNames(
                QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES,
                QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES_NOT_VISIBLE)).attributes();
    }

    private static JsonNode read(String json) {
        try {
            return JSON.readTree(json);
        } catch (java.io.IOException e) {
            throw new AssertionError("not JSON: " + json, e);
        }
    }
}
