package io.sanctionsmonitor.testing;

import io.sanctionsmonitor.extract.RuleBasedFindingExtractor;
import io.sanctionsmonitor.ingest.DocumentStore;
import io.sanctionsmonitor.model.DocumentIds;
import io.sanctionsmonitor.model.DocumentStatus;
import io.sanctionsmonitor.model.Finding;
import io.sanctionsmonitor.model.ParsedReport;
import io.sanctionsmonitor.model.ReportDocument;
import io.sanctionsmonitor.model.ReportMetadata;
import java.util.List;

/**
 * Short reports we wrote in the manner of the corpus, about a few activities told by several sources: the
 * fixture of the incident tests, run through the real extractor.
 */
public final class IncidentReports {

    /** A report as uploaded: its key, metadata and text. */
    public record Report(String key, String published, String publisher, String text) {

        public ReportDocument document(DocumentStatus status) {
            return new ReportDocument(DocumentIds.of("incident-bucket", key), "incident-bucket", key, "v1",
                    (long) text.length(), "text", key, published, publisher, "en", status, null, null,
                    published + "T12:00:00Z");
        }

        public List<Finding> findings() {
            return EXTRACTOR.extract(new ParsedReport(text, new ReportMetadata("text", key, published, publisher, "en")));
        }

        /** Stores the report the way the processor does: begin, then complete with its findings. */
        public void storeIn(DocumentStore store) {
            store.begin(document(DocumentStatus.PROCESSING));
            store.complete(document(DocumentStatus.PROCESSING), findings());
        }
    }

    private static final RuleBasedFindingExtractor EXTRACTOR = new RuleBasedFindingExtractor();

    /** Air defence, RUS to PRK, 2025: the monitoring team's account. */
    public static final Report MONITORING_TEAM = new Report("reports/harbour-monitor.txt", "2025-03-10", "Harbour Monitor",
            "According to the Multilateral Sanctions Monitoring Team, Russia delivered Pantsir air defence systems to "
                    + "North Korea in early 2025.");
    /** The same activity as told by Seoul, with a period that overlaps the team's. */
    public static final Report SEOUL = new Report("reports/seoul-daily.txt", "2025-06-02", "Seoul Daily",
            "South Korean intelligence said that Russia may have supplied S-400 air defence systems to North Korea "
                    + "since late 2024.");
    /** The same activity again, told by a wire service that names no source. */
    public static final Report WIRE = new Report("reports/example-wire.txt", "2025-07-01", "Example Wire",
            "Russia transferred air defence systems to North Korea in 2025.");
    /** Air defence, RUS to PRK, but years earlier: another incident. */
    public static final Report ARCHIVE = new Report("reports/archive.txt", "2017-01-20", "Archive Review",
            "The Panel of Experts alleged that Russia sold Pantsir systems to North Korea in 2016.");
    /** Shells the other way: another category and direction. */
    public static final Report SHELLS = new Report("reports/shells.txt", "2025-02-14", "Seoul Daily",
            "South Korea's defence ministry estimates that North Korea shipped 9 million artillery shells to Russia "
                    + "in 2024.");

    public static final List<Report> ALL = List.of(MONITORING_TEAM, SEOUL, WIRE, ARCHIVE, SHELLS);

    private IncidentReports() {}
}
