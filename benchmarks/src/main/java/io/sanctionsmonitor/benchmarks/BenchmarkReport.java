package io.sanctionsmonitor.benchmarks;

import java.util.Collection;
import java.util.Map;
import java.util.TreeMap;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.RunnerException;
import org.openjdk.jmh.runner.options.OptionsBuilder;

/**
 * Runs the JMH benchmarks and prints throughput in MB/s next to the baseline measured in the same run, and
 * their ratio. Usage: {@code bin/bench [extraction|parsing]...} (both by default).
 */
public final class BenchmarkReport {
    private static final double MB = 1_000_000.0;

    private BenchmarkReport() {}

    public static void main(String[] args) throws RunnerException {
        boolean all = args.length == 0;
        for (String arg : args) {
            if (!arg.equals("extraction") && !arg.equals("parsing")) {
                System.err.println("usage: bench [extraction|parsing]...");
                System.exit(2);
            }
        }
        if (all || java.util.List.of(args).contains("extraction")) {
            extraction();
        }
        if (all || java.util.List.of(args).contains("parsing")) {
            parsing();
        }
    }

    private static void extraction() throws RunnerException {
        Map<String, Double> opsPerSecond = scores(run(ExtractionBenchmark.class), false);
        double extract = opsPerSecond.get("extract") * ExtractionBenchmark.TEXT_CHARS / MB;
        double baseline = opsPerSecond.get("baselineTokenize") * ExtractionBenchmark.TEXT_CHARS / MB;
        System.out.printf("%nextraction on one core, %d-character text:%n", ExtractionBenchmark.TEXT_CHARS);
        System.out.printf("  extract           %8.2f MB/s%n", extract);
        System.out.printf("  baseline tokenize %8.2f MB/s%n", baseline);
        System.out.printf("  ratio extract/baseline %.3f%n", extract / baseline);
    }

    private static void parsing() throws RunnerException {
        Map<String, Double> opsPerSecond = scores(run(ParseBenchmark.class), true);
        System.out.printf("%nparsing on one core, files carrying a %d-character text:%n", ParseBenchmark.TEXT_CHARS);
        System.out.printf("  %-6s %10s %12s %12s %14s %8s%n", "format", "file bytes", "parse MB/s", "text MB/s",
                "baseline MB/s", "ratio");
        for (String format : new String[] {"text", "html", "pdf", "docx"}) {
            double parses = opsPerSecond.get("parse:" + format);
            double baseline = opsPerSecond.get("baselineDecode:" + format) * ParseBenchmark.TEXT_CHARS / MB;
            int bytes = ParseBenchmark.fileBytes(format);
            double fileRate = parses * bytes / MB;
            double textRate = parses * ParseBenchmark.TEXT_CHARS / MB;
            System.out.printf("  %-6s %10d %12.2f %12.2f %14.2f %8.4f%n", format, bytes, fileRate, textRate, baseline,
                    textRate / baseline);
        }
    }

    private static Collection<RunResult> run(Class<?> benchmark) throws RunnerException {
        return new Runner(new OptionsBuilder().include(benchmark.getName() + "\\.").build()).run();
    }

    private static Map<String, Double> scores(Collection<RunResult> results, boolean byFormat) {
        Map<String, Double> scores = new TreeMap<>();
        for (RunResult result : results) {
            String method = result.getParams().getBenchmark();
            String name = method.substring(method.lastIndexOf('.') + 1);
            if (byFormat) {
                name += ":" + result.getParams().getParam("format");
            }
            scores.put(name, result.getPrimaryResult().getScore());
        }
        return scores;
    }
}
