package io.sanctionsmonitor.processor;

import com.amazonaws.services.lambda.runtime.events.SQSBatchResponse;
import com.amazonaws.services.lambda.runtime.events.SQSEvent;
import io.sanctionsmonitor.ingest.IngestOutcome;
import io.sanctionsmonitor.ingest.ReportIngestor;
import java.util.ArrayList;
import java.util.List;

/**
 * Handles a batch of SQS messages carrying S3 notifications, message by message, so that one failing message
 * is reported in {@code batchItemFailures} and retried alone while the others are acknowledged.
 */
final class ReportEventsConsumer {
    private final S3Notifications notifications;
    private final ReportIngestor ingestor;
    private final int maxReceiveCount;

    /** @param maxReceiveCount the queue's redrive setting: the receive after which a failure goes to the DLQ */
    ReportEventsConsumer(S3Notifications notifications, ReportIngestor ingestor, int maxReceiveCount) {
        this.notifications = notifications;
        this.ingestor = ingestor;
        this.maxReceiveCount = maxReceiveCount;
    }

    SQSBatchResponse consume(List<SQSEvent.SQSMessage> messages, ProcessorLog log) {
        List<SQSBatchResponse.BatchItemFailure> failures = new ArrayList<>();
        for (SQSEvent.SQSMessage message : messages) {
            if (!consume(message, log)) {
                failures.add(new SQSBatchResponse.BatchItemFailure(message.getMessageId()));
            }
        }
        return new SQSBatchResponse(failures);
    }

    /** @return whether the message may be deleted from the queue */
    private boolean consume(SQSEvent.SQSMessage message, ProcessorLog log) {
        List<S3ObjectEvent> events;
        try {
            events = notifications.parse(message.getBody());
        } catch (MalformedNotificationException e) {
            log.messageRejected(message.getMessageId(), e.getMessage());
            return false;
        }
        for (S3ObjectEvent event : events) {
            long started = System.nanoTime();
            try {
                IngestOutcome outcome = event.kind() == S3ObjectEvent.Kind.CREATED
                        ? ingestor.ingest(event.ref())
                        : ingestor.remove(event.ref());
                log.outcome(message.getMessageId(), event, outcome, System.nanoTime() - started);
            } catch (RuntimeException e) {
                // Transient, or an error not known to pass (a request the backend rejects, a bug in an adapter)
                // that is still not the report's fault: either way only this message fails; the queue retries it
                // and moves it to the dead-letter queue, where it can be redriven once the cause is fixed.
                boolean lastAttempt = receiveCount(message) >= maxReceiveCount;
                log.failure(message.getMessageId(), event, e, lastAttempt);
                if (lastAttempt) {
                    giveUp(event, e, log);
                }
                return false;
            }
        }
        return true;
    }

    private void giveUp(S3ObjectEvent event, RuntimeException cause, ProcessorLog log) {
        try {
            ingestor.giveUp(event.ref(), "gave up after " + maxReceiveCount + " attempts, message moved to the "
                    + "dead-letter queue for redrive: " + cause.getMessage());
        } catch (RuntimeException e) {
            log.failure("give-up", event, e, true);
        }
    }

    private static int receiveCount(SQSEvent.SQSMessage message) {
        String count = message.getAttributes() == null ? null : message.getAttributes().get("ApproximateReceiveCount");
        try {
            return count == null ? 1 : Integer.parseInt(count);
        } catch (NumberFormatException e) {
            return 1;
        }
    }
}
