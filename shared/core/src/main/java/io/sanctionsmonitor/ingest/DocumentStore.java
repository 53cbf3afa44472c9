package io.sanctionsmonitor.ingest;

import io.sanctionsmonitor.model.Finding;
import io.sanctionsmonitor.model.ReportDocument;
import java.util.List;

/**
 * Write access to documents and their findings. Every method is idempotent: calling it again with the same
 * arguments leaves the store as one call did. Methods throw {@link TransientFailureException} when the
 * backend could not answer now.
 */
public interface DocumentStore {

    /** Records that a document (status PROCESSING) is being read. */
    void begin(ReportDocument document);

    /**
     * Stores a PROCESSED document with exactly these findings (already {@code identified}), replacing
     * whatever findings an earlier version of the document had, and keeps the statistics equal to them.
     */
    void complete(ReportDocument document, List<Finding> findings);

    /** Stores a FAILED document with its reason; it keeps no findings. */
    void fail(ReportDocument document);

    /** Removes a document's findings and marks it DELETED. */
    void delete(ReportDocument document);
}
