package io.sanctionsmonitor.benchmarks;

import io.sanctionsmonitor.extract.RuleBasedFindingExtractor;
import io.sanctionsmonitor.model.ParsedReport;
import io.sanctionsmonitor.model.ReportMetadata;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.Blackhole;

/**
 * Extraction throughput on one core, next to a baseline that only splits the same text into word tokens:
 * the least any extractor must do.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgs = {"-Xmx1g", "-XX:ActiveProcessorCount=1"})
public class ExtractionBenchmark {
    /** Text size in characters; the report divides ops/s by this to give MB/s. */
    public static final int TEXT_CHARS = 1_000_000;

    private ParsedReport report;
    private RuleBasedFindingExtractor extractor;

    @Setup
    public void setUp() {
        report = new ParsedReport(SyntheticReports.text(TEXT_CHARS, 42),
                new ReportMetadata("text", "Synthetic", "2025-06-01", null, "en"));
        extractor = new RuleBasedFindingExtractor();
    }

    @Benchmark
    public Object extract() {
        return extractor.extract(report);
    }

    @Benchmark
    public void baselineTokenize(Blackhole sink) {
        String text = report.text();
        int start = -1;
        for (int i = 0; i < text.length(); i++) {
            boolean word = Character.isLetterOrDigit(text.charAt(i));
            if (word && start < 0) {
                start = i;
            } else if (!word && start >= 0) {
                sink.consume(text.substring(start, i));
                start = -1;
            }
        }
    }
}
