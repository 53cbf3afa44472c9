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
        out.append("| function | handler | -Xmx | JVM to main (ms) | handler built (ms) | first event handled (ms) | classes loaded |\n");
        out.append("|---|---|---:|---:|---:|---:|---:|\n");
        results.forEach((variant, list) -> out.append(String.format(Locale.ROOT, "| %s | %s | %d MB | %.0f | %.0f | %.0f | %.0f |%n",
                variant.function(), variant.role(), variant.memoryMb(),
                median(list, ProbeResult::mainMillis), median(list, ProbeResult::constructedMillis),
                median(list, ProbeResult::handledMillis), median(list, r -> r.classes()))));
        out.append("\n| function | function/baseline (first event handled) | goal |\n|---|---:|---:|\n");
        for (String function : List.of("processor", "api")) {
            double goal = function.equals("api") ? ColdStartBenchmark.API_GOAL : ColdStartBenchmark.PROCESSOR_GOAL;
            double ratio = ratio(results, function);
            out.append(String.format(Locale.ROOT, "| %s | %.2f | <= %.1f %s |%n", function, ratio, goal,
                    ratio <= goal ? "(met)" : "(missed)"));
        }
        return out.toString();
    }

    static double ratio(Map<Variant, List<ProbeResult>> results, String function) {
        double real = 0;
        double baseline = 0;
        for (Map.Entry<Variant, List<ProbeResult>> e : results.entrySet()) {
            if (e.getKey().function().equals(function)) {
                double m = median(e.getValue(), ProbeResult::handledMillis);
                if (e.getKey().role().equals("baseline")) {
                    baseline = m;
                } else {
                    real = m;
                }
            }
        }
        return real / baseline;
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
