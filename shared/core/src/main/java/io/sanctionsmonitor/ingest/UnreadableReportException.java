package io.sanctionsmonitor.ingest;

/**
 * A permanent failure: the report can never be read as it is (corrupt, empty, encrypted, too large, ...).
 * The document is marked FAILED with {@link #getMessage()} as its reason, and the message is not retried.
 */
public class UnreadableReportException extends Exception {
    public UnreadableReportException(String reason) {
        super(reason);
    }

    public UnreadableReportException(String reason, Throwable cause) {
        super(reason, cause);
    }
}
