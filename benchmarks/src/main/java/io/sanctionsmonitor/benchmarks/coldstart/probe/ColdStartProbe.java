package io.sanctionsmonitor.benchmarks.coldstart.probe;

import com.amazonaws.services.lambda.runtime.RequestHandler;
import java.lang.management.ManagementFactory;
import java.time.Instant;

/**
 * The main class of one cold-start measurement, run in a fresh JVM whose class path is a function's deployment
 * jar and this package: constructs a handler with its public no-arg constructor, as Lambda does, hands it one
 * event and prints one {@code COLDSTART} line with the times since {@code -Dcoldstart.t0} (epoch microseconds
 * taken by the launching process just before it started this JVM).
 *
 * <p>Only classes of this package, the JDK and the function jar may be used here: nothing else is on the class
 * path. Usage: {@code ColdStartProbe HANDLER_CLASS sqs|http}; the event's object comes from
 * {@code -Dcoldstart.bucket} and {@code -Dcoldstart.key}. After the measurement it hands the same handler a second
 * event (the report at {@link #againKey}, or the same request) and reports how long that one took.
 */
public final class ColdStartProbe {
    public static final String LINE_PREFIX = "COLDSTART ";

    private ColdStartProbe() {}

    @SuppressWarnings({"unchecked", "rawtypes"})
    public static void main(String[] args) throws Exception {
        long t0 = Long.parseLong(System.getProperty("coldstart.t0"));
        long mainAt = nowMicros();
        String handlerClass = args[0];
        String eventKind = args[1];

        RequestHandler handler = (RequestHandler) Class.forName(handlerClass).getConstructor().newInstance();
        long constructedAt = nowMicros();
        Object event = switch (eventKind) {
            case "sqs" -> ProbeEvents.sqs(System.getProperty("coldstart.bucket"), System.getProperty("coldstart.key"));
            case "http" -> ProbeEvents.http("/findings");
            default -> throw new IllegalArgumentException("event kind must be sqs or http: " + eventKind);
        };
        ProbeContext context = new ProbeContext();
        Object response = handler.handleRequest(event, context);
        long handledAt = nowMicros();
        long cpuMillis = cpuMillis();

        // Measured; from here on nothing counts, so the management beans may load.
        int classes = ManagementFactory.getClassLoadingMXBean().getLoadedClassCount();
        String outcome = ProbeEvents.outcome(response, context.lines());

        // A second event in the same JVM: what handling costs once the classes are loaded (mostly the calls to moto).
        Object again = switch (eventKind) {
            case "sqs" -> ProbeEvents.sqs(System.getProperty("coldstart.bucket"), againKey(System.getProperty("coldstart.key")));
            default -> ProbeEvents.http("/findings");
        };
        ProbeContext againContext = new ProbeContext();
        long againStart = nowMicros();
        Object againResponse = handler.handleRequest(again, againContext);
        long againMicros = nowMicros() - againStart;
        String againOutcome = ProbeEvents.outcome(againResponse, againContext.lines());
        if (outcome.equals("ok") && !againOutcome.equals("ok")) {
            outcome = "second-event:" + againOutcome;
        }
        System.out.println(LINE_PREFIX + "main_ms=" + millis(mainAt - t0) + " constructed_ms=" + millis(constructedAt - t0)
                + " handled_ms=" + millis(handledAt - t0) + " cpu_ms=" + cpuMillis + " classes=" + classes
                + " again_ms=" + millis(againMicros) + " outcome=" + outcome);
        System.out.flush();
    }

    /** The key of the report the second event names: uploaded next to the first one by the benchmark. */
    public static String againKey(String key) {
        return key + ".again.txt";
    }

    /**
     * CPU time of this process so far (all threads: JIT, GC, class loading), from /proc/self/stat in clock ticks of
     * 10 ms; less disturbed than wall time by other work on the machine. -1 where there is no /proc.
     */
    static long cpuMillis() {
        try {
            String stat = new String(java.nio.file.Files.readAllBytes(java.nio.file.Path.of("/proc/self/stat")),
                    java.nio.charset.StandardCharsets.US_ASCII);
            String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
            // After the command: state is field 3, utime field 14 and stime field 15 of the whole line.
            return (Long.parseLong(fields[11]) + Long.parseLong(fields[12])) * 10;
        } catch (java.io.IOException | RuntimeException e) {
            return -1;
        }
    }

    static long nowMicros() {
        Instant now = Instant.now();
        return now.getEpochSecond() * 1_000_000L + now.getNano() / 1_000;
    }

    private static String millis(long micros) {
        return String.format(java.util.Locale.ROOT, "%.1f", micros / 1000.0);
    }
}
