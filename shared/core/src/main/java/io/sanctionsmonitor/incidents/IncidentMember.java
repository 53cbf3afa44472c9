package io.sanctionsmonitor.incidents;

import io.sanctionsmonitor.model.Finding;
import io.sanctionsmonitor.model.ReportDocument;
import io.sanctionsmonitor.query.FindingFacts;

/**
 * One finding as an incident sees it, with the report that states it.
 *
 * @param reportDate   when the report appeared: its publication date, else the day it was stored
 * @param reportSource who speaks when the finding names nobody: the report's publisher, else the report itself
 */
public record IncidentMember(Finding finding, FindingFacts facts, String reportDate, String reportSource) {

    public static IncidentMember of(Finding finding, ReportDocument report) {
        return new IncidentMember(finding, FindingFacts.of(finding), reportDate(report), reportSource(report));
    }

    public static String reportDate(ReportDocument report) {
        if (report.published() != null && !report.published().isBlank()) {
            return report.published().strip();
        }
        return report.updatedAt() == null || report.updatedAt().length() < 10 ? null : report.updatedAt().substring(0, 10);
    }

    public static String reportSource(ReportDocument report) {
        return report.publisher() != null && !report.publisher().isBlank() ? report.publisher().strip()
                : unknownPublisher(report.id());
    }

    /** Stands for the publisher of a report that names none: the report itself is the source. */
    public static String unknownPublisher(String documentId) {
        return "report " + documentId;
    }
}
