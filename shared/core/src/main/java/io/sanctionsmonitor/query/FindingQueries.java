package io.sanctionsmonitor.query;

import io.sanctionsmonitor.incidents.Incident;
import io.sanctionsmonitor.model.DocumentStatus;
import io.sanctionsmonitor.model.Finding;
import io.sanctionsmonitor.model.ReportDocument;
import java.util.Optional;

/**
 * Read access to stored findings and documents. Lists come in pages: a page holds at most {@code limit} items,
 * and walking the pages from a null position on returns every match exactly once. Methods throw
 * {@link io.sanctionsmonitor.ingest.TransientFailureException} when the backend could not answer now.
 */
public interface FindingQueries {

    /** Findings matching the filter, newest period first (a document's own findings in document order). */
    Page<Finding> findings(FindingFilter filter, int limit, PagePosition after);

    /**
     * Incidents that any finding matching the filter belongs to, in {@link io.sanctionsmonitor.incidents.IncidentOrder};
     * see {@link io.sanctionsmonitor.incidents.IncidentPager} for how a page ends.
     */
    Page<Incident> incidents(FindingFilter filter, int limit, PagePosition after);

    Optional<Finding> finding(String findingId);

    Optional<ReportDocument> document(String documentId);

    /** Documents, most recently updated first; {@code status} null lists every status. */
    Page<ReportDocument> documents(DocumentStatus status, int limit, PagePosition after);

    FindingStats stats();
}
