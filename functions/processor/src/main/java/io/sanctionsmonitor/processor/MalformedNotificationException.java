package io.sanctionsmonitor.processor;

/** An SQS message that is not an S3 event notification: it can never succeed, so it goes to the DLQ. */
final class MalformedNotificationException extends Exception {
    MalformedNotificationException(String reason) {
        super(reason);
    }
}
