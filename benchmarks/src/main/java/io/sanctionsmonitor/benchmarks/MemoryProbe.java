package io.sanctionsmonitor.benchmarks;

import io.sanctionsmonitor.extract.RuleBasedFindingExtractor;
import io.sanctionsmonitor.ingest.UnreadableReportException;
import io.sanctionsmonitor.model.Finding;
import io.sanctionsmonitor.model.ParsedReport;
import io.sanctionsmonitor.parsing.DetectingReportParser;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

/**
 * Runs the processor's core on one file in this JVM, as the function does after GetObject (the whole object in
 * a byte array, then parse, then extract), and prints one {@code MEMORY} line: outcome, seconds, and the peak
 * heap (the sum of each heap pool's peak: an upper bound, as the pools peak at different moments).
 */
public final class MemoryProbe {
    private MemoryProbe() {}

    public static void main(String[] args) throws Exception {
        Path file = Path.of(args[0]);
        long started = System.nanoTime();
        byte[] content = Files.readAllBytes(file);
        String outcome;
        try {
            ParsedReport report = new DetectingReportParser().parse(file.getFileName().toString(), content);
            List<Finding> findings = new RuleBasedFindingExtractor().extract(report);
            outcome = "processed: " + report.text().length() + " chars, " + findings.size() + " findings";
        } catch (UnreadableReportException e) {
            outcome = "refused: " + e.getMessage();
        }
        double seconds = (System.nanoTime() - started) / 1e9;
        long peak = 0;
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            if (pool.getType() == MemoryType.HEAP) {
                peak += pool.getPeakUsage().getUsed();
            }
        }
        System.out.printf(Locale.ROOT, "MEMORY peak_mb=%.0f max_mb=%.0f seconds=%.1f outcome=%s%n", peak / 1048576.0,
                Runtime.getRuntime().maxMemory() / 1048576.0, seconds, outcome);
    }
}
