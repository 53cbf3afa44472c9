package io.sanctionsmonitor.ingest;

/**
 * A failure that may pass on its own (throttling, a 5xx, a timeout, a backend away): the message is returned
 * to the queue to be retried, and lands in the dead-letter queue after the queue's maxReceiveCount.
 */
public class TransientFailureException extends RuntimeException {
    public TransientFailureException(String message, Throwable cause) {
        super(message, cause);
    }
}
