package io.sanctionsmonitor.benchmarks.coldstart;

import io.sanctionsmonitor.benchmarks.coldstart.probe.ColdStartProbe;
import java.util.HashMap;
import java.util.Map;

/**
 * What one probe JVM reported: wall milliseconds since the launcher's timestamp just before it started the JVM, and
 * the CPU milliseconds the JVM had used when the first event was handled, and the wall milliseconds of a second
 * event handled afterwards by the same handler (warm).
 */
record ProbeResult(double mainMillis, double constructedMillis, double handledMillis, double cpuMillis, int classes,
                   double againMillis, String outcome) {

    /**
     * Wall time to the first event less the warm event's: what being cold cost, without the work (calls to moto)
     * that the event costs warm as well.
     */
    double coldMillis() {
        return handledMillis - againMillis;
    }

    /** Reads the probe's {@code COLDSTART key=value ...} line. */
    static ProbeResult parse(String line) {
        if (!line.startsWith(ColdStartProbe.LINE_PREFIX)) {
            throw new IllegalArgumentException("not a probe line: " + line);
        }
        Map<String, String> fields = new HashMap<>();
        for (String pair : line.substring(ColdStartProbe.LINE_PREFIX.length()).trim().split(" ")) {
            int eq = pair.indexOf('=');
            fields.put(pair.substring(0, eq), pair.substring(eq + 1));
        }
        return new ProbeResult(Double.parseDouble(fields.get("main_ms")), Double.parseDouble(fields.get("constructed_ms")),
                Double.parseDouble(fields.get("handled_ms")), Double.parseDouble(fields.get("cpu_ms")),
                Integer.parseInt(fields.get("classes")), Double.parseDouble(fields.getOrDefault("again_ms", "NaN")),
                fields.get("outcome"));
    }
}
