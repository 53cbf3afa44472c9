package io.sanctionsmonitor.benchmarks.coldstart;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.ToDoubleFunction;

/** The medians of a cold-start run as a Markdown table, with each function's ratio to its baseline. */
final class ColdStartReport {
    private ColdStartReport() {}

    static String markdown(Map<Variant, List<ProbeResult>> results, int runs, String javaVersion) {
        StringBuilder out = new StringBuilder();
        out.append(String.format(Locale.ROOT, "%nCold start, median of %d runs (JDK %s, %s, fresh JVM per run, moto):%n%n",
                runs, javaVersion, String.join(" ", JvmLauncher.LAMBDA_FLAGS)));
        out.append("| function | handler | -Xmx | JVM to main (ms) | handler built (ms) | first event handled (ms) | CPU to first event (ms) | classes loaded | second event, warm (ms) |\n");
        out.append("|---|---|---:|---:|---:|---:|---:|---:|---:|\n");
        results.forEach((variant, list) -> out.append(String.format(Locale.ROOT, "| %s | %s | %d MB | %.0f | %.0f | %.0f | %.0f | %.0f | %.0f |%n",
                variant.function(), variant.role(), variant.memoryMb(),
                median(list, ProbeResult::mainMillis), median(list, ProbeResult::constructedMillis),
                median(list, ProbeResult::handledMillis), median(list, ProbeResult::cpuMillis), median(list, r -> r.classes()),
                median(list, ProbeResult::againMillis))));
        out.append("\n| function | ratio of medians, wall | median of per-round ratios, wall | ratio of medians, CPU "
                + "| ratio of medians, wall less the warm event | goal (on the wall ratio of medians) |\n");
        out.append("|---|---:|---:|---:|---:|---:|\n");
        for (String function : List.of("processor", "api")) {
            if (of(results, function, "function").isEmpty()) {
                continue;
            }
            double goal = function.equals("api") ? ColdStartBenchmark.API_GOAL : ColdStartBenchmark.PROCESSOR_GOAL;
            double ratio = ratio(results, function, ProbeResult::handledMillis);
            out.append(String.format(Locale.ROOT, "| %s | %.2f | %.2f | %.2f | %.2f | <= %.1f %s |%n", function, ratio,
                    pairedRatio(results, function), ratio(results, function, ProbeResult::cpuMillis),
                    ratio(results, function, ProbeResult::coldMillis), goal, ratio <= goal ? "(met)" : "(missed)"));
        }
        return out.toString();
    }

    static double ratio(Map<Variant, List<ProbeResult>> results, String function, ToDoubleFunction<ProbeResult> value) {
        return median(of(results, function, "function"), value) / median(of(results, function, "baseline"), value);
    }

    /** Function over baseline within each round (launched back to back), then the median: drift cancels out. */
    static double pairedRatio(Map<Variant, List<ProbeResult>> results, String function) {
        List<ProbeResult> real = of(results, function, "function");
        List<ProbeResult> baseline = of(results, function, "baseline");
        double[] ratios = new double[Math.min(real.size(), baseline.size())];
        for (int i = 0; i < ratios.length; i++) {
            ratios[i] = real.get(i).handledMillis() / baseline.get(i).handledMillis();
        }
        java.util.Arrays.sort(ratios);
        int mid = ratios.length / 2;
        return ratios.length == 0 ? Double.NaN : ratios.length % 2 == 1 ? ratios[mid] : (ratios[mid - 1] + ratios[mid]) / 2;
    }

    private static List<ProbeResult> of(Map<Variant, List<ProbeResult>> results, String function, String role) {
        return results.entrySet().stream()
                .filter(e -> e.getKey().function().equals(function) && e.getKey().role().equals(role))
                .findFirst().map(Map.Entry::getValue).orElse(List.of());
    }

    static double median(List<ProbeResult> results, ToDoubleFunction<ProbeResult> value) {
        double[] values = results.stream().mapToDouble(value).sorted().toArray();
        if (values.length == 0) {
            return Double.NaN;
        }
        int mid = values.length / 2;
        return values.length % 2 == 1 ? values[mid] : (values[mid - 1] + values[mid]) / 2;
    }
}
