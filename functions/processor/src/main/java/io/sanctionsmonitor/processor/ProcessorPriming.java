package io.sanctionsmonitor.processor;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.sanctionsmonitor.extract.FindingExtractor;
import io.sanctionsmonitor.ingest.ReportParser;
import io.sanctionsmonitor.ingest.UnreadableReportException;
import io.sanctionsmonitor.model.Finding;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.crac.Resource;

/**
 * Warms the parse and extraction path before a SnapStart snapshot, on a made-up report, so the first real
 * report after restore does not pay for class loading and JIT warm-up. Touches no real data, no clients and
 * no credentials, so nothing captured in the snapshot goes stale.
 */
final class ProcessorPriming implements Resource {
    static final String PRIMING_REPORT = """
            Title: Priming report
            Published: 2025-01-15

            According to the monitoring team, Russia may have delivered two air defence systems to North Korea \
            since late 2024. Officials estimate that about 1,000 workers were sent abroad last year.
            """;

    private final ObjectMapper json;
    private final ReportParser parser;
    private final Runnable parserWarmUp;
    private final FindingExtractor extractor;
    private volatile int primedFindings = -1;

    ProcessorPriming(ObjectMapper json, ReportParser parser, Runnable parserWarmUp, FindingExtractor extractor) {
        this.json = json;
        this.parser = parser;
        this.parserWarmUp = parserWarmUp;
        this.extractor = extractor;
    }

    @Override
    public void beforeCheckpoint(org.crac.Context<? extends Resource> context) throws UnreadableReportException,
            com.fasterxml.jackson.core.JsonProcessingException {
        parserWarmUp.run();
        List<Finding> findings = extractor.extract(
                parser.parse("priming.txt", PRIMING_REPORT.getBytes(StandardCharsets.UTF_8)));
        json.writeValueAsString(findings);
        primedFindings = findings.size();
    }

    @Override
    public void afterRestore(org.crac.Context<? extends Resource> context) {
        // Nothing to refresh: the SDK clients resolve credentials per request from the restored environment.
    }

    /** How many findings the priming report gave at the last checkpoint; -1 before any checkpoint. */
    int primedFindings() {
        return primedFindings;
    }
}
