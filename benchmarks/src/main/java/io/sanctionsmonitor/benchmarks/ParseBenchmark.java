package io.sanctionsmonitor.benchmarks;

import io.sanctionsmonitor.ingest.UnreadableReportException;
import io.sanctionsmonitor.model.ParsedReport;
import io.sanctionsmonitor.parsing.DetectingReportParser;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Parse throughput per format on generated files carrying the same text, next to a baseline that only decodes
 * that text from UTF-8 bytes: the cost of reading it with no format at all.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgs = {"-Xmx1g", "-XX:ActiveProcessorCount=1"})
public class ParseBenchmark {
    /** Characters of text in every generated file (a long report; the PDF runs to about 40 pages). */
    public static final int TEXT_CHARS = 200_000;

    @Param({"text", "html", "pdf", "docx"})
    public String format;

    private byte[] file;
    private byte[] plainText;
    private DetectingReportParser parser;

    @Setup
    public void setUp() {
        String text = SyntheticReports.text(TEXT_CHARS, 7);
        file = SyntheticFiles.of(format, text);
        plainText = text.getBytes(StandardCharsets.UTF_8);
        parser = new DetectingReportParser();
    }

    @Benchmark
    public ParsedReport parse() throws UnreadableReportException {
        return parser.parse("report", file);
    }

    @Benchmark
    public String baselineDecode() {
        return new String(plainText, StandardCharsets.UTF_8);
    }

    /** Size of the generated file of a format, for the report's MB/s. */
    static int fileBytes(String format) {
        return SyntheticFiles.of(format, SyntheticReports.text(TEXT_CHARS, 7)).length;
    }
}
