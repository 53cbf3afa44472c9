package io.sanctionsmonitor.benchmarks.coldstart;

import io.sanctionsmonitor.benchmarks.coldstart.probe.ColdStartProbe;
import io.sanctionsmonitor.local.LocalStack;
import java.io.BufferedReader;
import java.io.File;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Starts one probe JVM the way Lambda's java21 runtime starts a function: C1 only, serial GC, CDS on, the heap
 * capped at the function's memory, and only the environment Lambda sets (region, credentials, the function's
 * variables), here with AWS_ENDPOINT_URL pointing every SDK client at moto and HOME at an empty directory so no
 * ~/.aws files are read.
 */
final class JvmLauncher {
    /** Flags of the java21 managed runtime that shape start-up; -Xmx comes from the template. */
    static final List<String> LAMBDA_FLAGS = List.of("-XX:+TieredCompilation", "-XX:TieredStopAtLevel=1",
            "-XX:+UseSerialGC", "-Xshare:auto");
    /** Signs cursors in the probe JVMs only. */
    private static final String CURSOR_SECRET = "coldstart-benchmark-cursor-secret-0123456789";

    private final Path java;
    private final Path probeClasses;
    private final URI moto;
    private final LocalStack stack;
    private final Path logDirectory;
    private final boolean classLog;

    /** @param classLog whether each JVM logs the classes it loads (with their source) next to its stderr log */
    JvmLauncher(Path java, Path probeClasses, URI moto, LocalStack stack, Path logDirectory, boolean classLog) {
        this.classLog = classLog;
        this.java = java;
        this.probeClasses = probeClasses;
        this.moto = moto;
        this.stack = stack;
        this.logDirectory = logDirectory;
    }

    static List<String> command(Path java, Variant variant, Path probeClasses, long t0Micros, String bucket, String key,
                                List<String> extraFlags) {
        List<String> command = new ArrayList<>();
        command.add(java.toString());
        command.addAll(LAMBDA_FLAGS);
        command.add("-Xmx" + variant.memoryMb() + "m");
        command.addAll(extraFlags);
        command.add("-Dcoldstart.t0=" + t0Micros);
        command.add("-Dcoldstart.bucket=" + bucket);
        command.add("-Dcoldstart.key=" + key);
        command.add("-cp");
        command.add(variant.jar() + File.pathSeparator + probeClasses);
        command.add(ColdStartProbe.class.getName());
        command.add(variant.handlerClass());
        command.add(variant.eventKind());
        return command;
    }

    ProbeResult launch(Variant variant, String key) throws IOException, InterruptedException {
        Files.createDirectories(logDirectory);
        Path home = Files.createDirectories(logDirectory.resolve("home"));
        Path log = logDirectory.resolve(variant.function() + "-" + variant.role() + ".log");
        ProcessBuilder builder = new ProcessBuilder().redirectError(log.toFile());
        Map<String, String> env = builder.environment();
        env.clear();
        env.put("PATH", System.getenv().getOrDefault("PATH", "/usr/bin:/bin"));
        env.put("HOME", home.toString());
        env.put("LANG", "C.UTF-8");
        env.put("AWS_REGION", "us-east-1");
        env.put("AWS_DEFAULT_REGION", "us-east-1");
        env.put("AWS_ACCESS_KEY_ID", "test");
        env.put("AWS_SECRET_ACCESS_KEY", "test");
        env.put("AWS_SESSION_TOKEN", "test");
        env.put("AWS_ENDPOINT_URL", moto.toString());
        env.put("AWS_LAMBDA_FUNCTION_MEMORY_SIZE", Integer.toString(variant.memoryMb()));
        env.put("TABLE_NAME", stack.tableName());
        env.put("UPLOAD_PREFIX", stack.uploadPrefix());
        env.put("CURSOR_SECRET", CURSOR_SECRET);
        List<String> flags = classLog
                ? List.of("-Xlog:class+load=info:file=" + logDirectory.resolve(variant.function() + "-" + variant.role() + ".classes.txt"))
                : List.of();
        builder.command(command(java, variant, probeClasses, nowMicros(), stack.bucket(), key, flags));
        Process process = builder.start();
        String line = null;
        try (BufferedReader out = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
            for (String l = out.readLine(); l != null; l = out.readLine()) {
                if (l.startsWith(ColdStartProbe.LINE_PREFIX)) {
                    line = l;
                }
            }
        }
        if (!process.waitFor(120, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new IllegalStateException(variant + " did not finish in 120 s; see " + log);
        }
        if (process.exitValue() != 0 || line == null) {
            throw new IllegalStateException(variant.function() + " " + variant.role() + " failed (exit "
                    + process.exitValue() + "); see " + log);
        }
        ProbeResult result = ProbeResult.parse(line);
        if (!result.outcome().equals("ok")) {
            throw new IllegalStateException(variant.function() + " " + variant.role() + " did not handle its event: "
                    + result.outcome() + "; see " + log);
        }
        return result;
    }

    private static long nowMicros() {
        Instant now = Instant.now();
        return now.getEpochSecond() * 1_000_000L + now.getNano() / 1_000;
    }
}
