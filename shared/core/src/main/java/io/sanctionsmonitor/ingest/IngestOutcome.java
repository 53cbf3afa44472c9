package io.sanctionsmonitor.ingest;

import io.sanctionsmonitor.model.DocumentStatus;

/**
 * How one notification ended: the document's new status, how many findings it holds, and why when it failed.
 * {@code status} is null when the notification was ignored (a key outside the upload prefix).
 */
public record IngestOutcome(String documentId, DocumentStatus status, int findingCount, String reason) {

    static IngestOutcome ignored(String reason) {
        return new IngestOutcome(null, null, 0, reason);
    }
}
