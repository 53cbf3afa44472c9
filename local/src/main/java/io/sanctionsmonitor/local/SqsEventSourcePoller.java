package io.sanctionsmonitor.local;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.SQSBatchResponse;
import com.amazonaws.services.lambda.runtime.events.SQSEvent;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import java.util.function.Supplier;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.DeleteMessageBatchRequestEntry;
import software.amazon.awssdk.services.sqs.model.Message;
import software.amazon.awssdk.services.sqs.model.MessageAttributeValue;
import software.amazon.awssdk.services.sqs.model.MessageSystemAttributeName;

/**
 * Feeds a queue's messages to a handler the way Lambda's SQS event source mapping does: long-polls a batch
 * (up to the batch size, gathering for at most the batching window), invokes the handler with an
 * {@link SQSEvent}, deletes the messages that succeeded and leaves the failed ones in the queue, where they
 * reappear after the visibility timeout and, after the queue's maxReceiveCount, move to its dead-letter queue.
 */
public final class SqsEventSourcePoller implements AutoCloseable {
    /** Long-poll wait per receive; short enough for Ctrl-C to stop the poller promptly. */
    static final int POLL_WAIT_SECONDS = 2;

    /** What one poll did: messages handed to the handler, deleted, and left for redelivery. */
    public record BatchResult(int received, int deleted, int kept) {
        static final BatchResult EMPTY = new BatchResult(0, 0, 0);
    }

    private final SqsClient sqs;
    private final String queueUrl;
    private final String queueArn;
    private final SqsEventSource source;
    private final RequestHandler<SQSEvent, SQSBatchResponse> handler;
    private final Supplier<Context> contexts;
    private final Consumer<String> log;
    private volatile boolean running;
    private Thread thread;

    public SqsEventSourcePoller(SqsClient sqs, String queueUrl, String queueArn, SqsEventSource source,
                                RequestHandler<SQSEvent, SQSBatchResponse> handler, Supplier<Context> contexts,
                                Consumer<String> log) {
        this.sqs = sqs;
        this.queueUrl = queueUrl;
        this.queueArn = queueArn;
        this.source = source;
        this.handler = handler;
        this.contexts = contexts;
        this.log = log;
    }

    /** Polls in a background thread until {@link #close()}. */
    public synchronized void start() {
        running = true;
        thread = Thread.ofPlatform().name("sqs-event-source-", 1).daemon(true).unstarted(() -> {
            String lastError = null;
            while (running) {
                try {
                    pollOnce(POLL_WAIT_SECONDS);
                    lastError = null;
                } catch (SdkException e) {
                    if (running && !String.valueOf(e.getMessage()).equals(lastError)) {
                        log.accept("poller: " + e.getMessage() + " (retrying every second)");
                    }
                    lastError = String.valueOf(e.getMessage());
                    sleep(1000);
                }
            }
        });
        thread.start();
    }

    /** Receives one batch and hands it to the handler; returns at once with nothing when the queue stays empty. */
    public BatchResult pollOnce(int waitSeconds) {
        List<Message> batch = new ArrayList<>(receive(Math.min(10, source.batchSize()), waitSeconds));
        if (batch.isEmpty()) {
            return BatchResult.EMPTY;
        }
        long deadline = System.nanoTime() + source.maximumBatchingWindowSeconds() * 1_000_000_000L;
        while (batch.size() < source.batchSize() && System.nanoTime() < deadline && (running || thread == null)) {
            long remainingSeconds = Math.max(1, (deadline - System.nanoTime()) / 1_000_000_000L);
            batch.addAll(receive(Math.min(10, source.batchSize() - batch.size()),
                    (int) Math.min(POLL_WAIT_SECONDS, remainingSeconds)));
        }
        Set<String> failed = invoke(batch);
        List<DeleteMessageBatchRequestEntry> done = new ArrayList<>();
        for (Message message : batch) {
            if (!failed.contains(message.messageId())) {
                done.add(DeleteMessageBatchRequestEntry.builder().id(message.messageId())
                        .receiptHandle(message.receiptHandle()).build());
            }
        }
        for (int from = 0; from < done.size(); from += 10) {
            List<DeleteMessageBatchRequestEntry> chunk = done.subList(from, Math.min(done.size(), from + 10));
            sqs.deleteMessageBatch(b -> b.queueUrl(queueUrl).entries(chunk));
        }
        return new BatchResult(batch.size(), done.size(), batch.size() - done.size());
    }

    /** The ids of the messages to keep: those reported failed, or all of them when the invocation failed. */
    private Set<String> invoke(List<Message> batch) {
        Set<String> all = new HashSet<>();
        batch.forEach(m -> all.add(m.messageId()));
        SQSBatchResponse response;
        try {
            response = handler.handleRequest(event(batch), contexts.get());
        } catch (RuntimeException e) {
            log.accept("poller: the function failed (" + e + "); the batch of " + batch.size() + " returns to the queue");
            return all;
        }
        if (!source.reportBatchItemFailures() || response == null || response.getBatchItemFailures() == null) {
            return Set.of();
        }
        Set<String> failed = new HashSet<>();
        for (SQSBatchResponse.BatchItemFailure failure : response.getBatchItemFailures()) {
            String id = failure.getItemIdentifier();
            if (id == null || !all.contains(id)) {
                // Lambda treats an unknown or empty identifier as a failure of the whole batch.
                log.accept("poller: batchItemFailures names an unknown message '" + id + "'; the whole batch returns");
                return all;
            }
            failed.add(id);
        }
        return failed;
    }

    private List<Message> receive(int max, int waitSeconds) {
        return sqs.receiveMessage(b -> b.queueUrl(queueUrl).maxNumberOfMessages(max).waitTimeSeconds(waitSeconds)
                .messageSystemAttributeNames(MessageSystemAttributeName.ALL).messageAttributeNames("All")).messages();
    }

    private SQSEvent event(List<Message> batch) {
        List<SQSEvent.SQSMessage> records = new ArrayList<>();
        for (Message message : batch) {
            SQSEvent.SQSMessage record = new SQSEvent.SQSMessage();
            record.setMessageId(message.messageId());
            record.setReceiptHandle(message.receiptHandle());
            record.setBody(message.body());
            record.setMd5OfBody(message.md5OfBody());
            record.setMd5OfMessageAttributes(message.md5OfMessageAttributes());
            Map<String, String> attributes = new HashMap<>();
            message.attributes().forEach((name, value) -> attributes.put(name.toString(), value));
            record.setAttributes(attributes);
            Map<String, SQSEvent.MessageAttribute> messageAttributes = new HashMap<>();
            message.messageAttributes().forEach((name, value) -> messageAttributes.put(name, attribute(value)));
            record.setMessageAttributes(messageAttributes);
            record.setEventSource("aws:sqs");
            record.setEventSourceArn(queueArn);
            record.setAwsRegion(queueArn.split(":")[3]);
            records.add(record);
        }
        SQSEvent event = new SQSEvent();
        event.setRecords(records);
        return event;
    }

    private static SQSEvent.MessageAttribute attribute(MessageAttributeValue value) {
        SQSEvent.MessageAttribute attribute = new SQSEvent.MessageAttribute();
        attribute.setDataType(value.dataType());
        attribute.setStringValue(value.stringValue());
        if (value.binaryValue() != null) {
            attribute.setBinaryValue(value.binaryValue().asByteBuffer());
        }
        return attribute;
    }

    @Override
    public void close() {
        running = false;
        Thread current = thread;
        if (current != null) {
            try {
                current.join((POLL_WAIT_SECONDS + 5) * 1000L);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
