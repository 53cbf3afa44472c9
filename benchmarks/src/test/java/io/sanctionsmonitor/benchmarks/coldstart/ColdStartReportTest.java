package io.sanctionsmonitor.benchmarks.coldstart;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ColdStartReportTest {
    private static final Variant API = new Variant("api", "function", Path.of("api.jar"), "ApiHandler", "http", 1024);
    private static final Variant API_BASELINE = new Variant("api", "baseline", Path.of("api.jar"), "ApiBaseline", "http", 1024);

    private static ProbeResult handled(double millis) {
        return new ProbeResult(50, 500, millis, millis * 0.9, 4000, millis / 10, "ok");
    }

    @Test
    void theProbeLineIsReadBack() {
        ProbeResult result = ProbeResult.parse(
                "COLDSTART main_ms=52.5 constructed_ms=612.0 handled_ms=1203.4 cpu_ms=1570 classes=4455 again_ms=88.5 outcome=ok");
        assertEquals(new ProbeResult(52.5, 612.0, 1203.4, 1570, 4455, 88.5, "ok"), result);
    }

    @Test
    void mediansOfOddAndEvenCounts() {
        assertEquals(3.0, ColdStartReport.median(List.of(handled(5), handled(1), handled(3)), ProbeResult::handledMillis));
        assertEquals(2.5, ColdStartReport.median(List.of(handled(4), handled(1), handled(3), handled(2)), ProbeResult::handledMillis));
    }

    @Test
    void pairedRatiosCancelDriftThatHitsBothHandlersOfARound() {
        Map<Variant, List<ProbeResult>> results = new LinkedHashMap<>();
        // Round 2 ran on a busy machine: both slow, ratio still 1.2.
        results.put(API, List.of(handled(1200), handled(3600), handled(1260)));
        results.put(API_BASELINE, List.of(handled(1000), handled(3000), handled(1050)));

        assertEquals(1.2, ColdStartReport.pairedRatio(results, "api"), 1e-9);
        assertEquals(1260.0 / 1050.0, ColdStartReport.ratio(results, "api", ProbeResult::handledMillis), 1e-9);
        String markdown = ColdStartReport.markdown(results, 3, "25");
        assertTrue(markdown.contains("| api | 1.20 | 1.20 | 1.20 | 1.20 | <= 1.3 (met) |"), markdown);
        assertTrue(markdown.contains("| api | function | 1024 MB | 50 | 500 | 1260 | 1134 | 4000 | 126 |"), markdown);
    }
}
