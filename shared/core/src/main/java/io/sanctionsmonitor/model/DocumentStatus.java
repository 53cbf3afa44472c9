package io.sanctionsmonitor.model;

/** Where a report is in its life: every uploaded report ends PROCESSED, FAILED or DELETED. */
public enum DocumentStatus {
    PROCESSING,
    PROCESSED,
    FAILED,
    DELETED
}
