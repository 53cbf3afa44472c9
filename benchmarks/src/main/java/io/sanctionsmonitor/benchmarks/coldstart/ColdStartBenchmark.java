package io.sanctionsmonitor.benchmarks.coldstart;

import io.sanctionsmonitor.benchmarks.coldstart.probe.ColdStartProbe;
import io.sanctionsmonitor.benchmarks.coldstart.probe.ProbeContext;
import io.sanctionsmonitor.benchmarks.coldstart.probe.ProbeEvents;
import io.sanctionsmonitor.local.CloudFormationTemplate;
import io.sanctionsmonitor.local.LocalClients;
import io.sanctionsmonitor.local.LocalStack;
import io.sanctionsmonitor.local.MotoServer;
import io.sanctionsmonitor.processor.ProcessorHandler;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * {@code bin/coldstart}: for each function, the wall time from JVM start to the first handled event, launched from
 * its own deployment jar against moto, next to a baseline handler launched the same way that only builds the same
 * SDK clients and makes the unavoidable calls. Rounds alternate the order of function and baseline; the first
 * round warms the page cache and is not counted. Prints medians and the ratio function/baseline.
 *
 * <p>Usage: {@code ColdStartBenchmark [--runs 5] [--moto http://127.0.0.1:5000] [--root .] [--class-log]}; without
 * {@code --moto} it runs a moto_server of its own (see {@link BenchmarkStacks#moto}); with
 * {@code --class-log} each JVM writes the classes it loads to target/coldstart/FUNCTION-ROLE.classes.txt (which
 * slows every run: for finding out why, not for the numbers).
 */
public final class ColdStartBenchmark {
    static final double API_GOAL = 1.3;
    static final double PROCESSOR_GOAL = 1.5;

    private ColdStartBenchmark() {}

    public static void main(String[] args) throws Exception {
        Map<String, String> options = options(args);
        int runs = Integer.parseInt(options.get("runs"));
        Path root = Path.of(options.get("root")).toAbsolutePath().normalize();
        CloudFormationTemplate template = CloudFormationTemplate.read(root.resolve("template.yaml"));
        Path processorJar = existing(root.resolve("functions/processor/target/processor.jar"));
        Path apiJar = existing(root.resolve("functions/api/target/api.jar"));
        byte[] report = Files.readAllBytes(root.resolve("samples/sample-report.txt"));

        try (MotoServer motoServer = BenchmarkStacks.moto(options.get("moto"), root.resolve("target/coldstart/moto_server.log"));
             LocalClients clients = LocalClients.at(motoServer.endpoint()); ProbeClasses probe = ProbeClasses.extract()) {
            URI moto = motoServer.endpoint();
            List<Variant> variants = List.of(
                    new Variant("processor", "function", processorJar, "io.sanctionsmonitor.processor.ProcessorHandler",
                            "sqs", memory(template, LocalStack.PROCESSOR_FUNCTION)),
                    new Variant("processor", "baseline", processorJar, ProbeClasses.PROCESSOR_BASELINE, "sqs",
                            memory(template, LocalStack.PROCESSOR_FUNCTION)),
                    new Variant("api", "function", apiJar, "io.sanctionsmonitor.api.ApiHandler", "http",
                            memory(template, LocalStack.API_FUNCTION)),
                    new Variant("api", "baseline", apiJar, ProbeClasses.API_BASELINE, "http",
                            memory(template, LocalStack.API_FUNCTION)));

            Map<Variant, List<ProbeResult>> results = new LinkedHashMap<>();
            variants.forEach(v -> results.put(v, new ArrayList<>()));
            for (int round = 0; round <= runs; round++) {
                // A fresh stack each round, seeded alike: every round measures the same work against the same table.
                // On one table, each round's documents would make the next rounds' commits slower on moto only
                // (its TransactWriteItems copies the whole table per item), a drift that grows with --runs.
                LocalStack stack = BenchmarkStacks.provision(template, "coldstart", clients);
                seed(clients, stack, report);
                JvmLauncher launcher = new JvmLauncher(Path.of(System.getProperty("java.home"), "bin", "java"),
                        probe.directory(), moto, stack, root.resolve("target/coldstart"), options.containsKey("class-log"));
                List<Variant> order = new ArrayList<>(variants);
                if (round % 2 == 1) {
                    // function, baseline on even rounds; baseline, function on odd ones: drift hits both alike.
                    order = List.of(variants.get(1), variants.get(0), variants.get(3), variants.get(2));
                }
                for (Variant variant : order) {
                    String key = stack.uploadPrefix() + "coldstart-" + round + "-" + variant.function() + "-" + variant.role() + ".txt";
                    if (variant.eventKind().equals("sqs")) {
                        for (String upload : List.of(key, ColdStartProbe.againKey(key))) {
                            clients.s3().putObject(b -> b.bucket(stack.bucket()).key(upload),
                                    software.amazon.awssdk.core.sync.RequestBody.fromBytes(report));
                        }
                    }
                    ProbeResult result = launcher.launch(variant, key);
                    System.err.printf(Locale.ROOT, "%s %-9s %-8s handled %7.1f ms  (main %.1f, constructed %.1f; cpu %.0f ms; %d classes)%n",
                            round == 0 ? "warm-up" : "round " + round, variant.function(), variant.role(),
                            result.handledMillis(), result.mainMillis(), result.constructedMillis(), result.cpuMillis(),
                            result.classes());
                    if (round > 0) {
                        results.get(variant).add(result);
                    }
                }
            }
            System.out.print(ColdStartReport.markdown(results, runs, System.getProperty("java.version")));
        }
    }

    /** One uploaded report, processed in this JVM, so the API's first list request has findings to return. */
    private static void seed(LocalClients clients, LocalStack stack, byte[] report) {
        String key = stack.uploadPrefix() + "coldstart-seed.txt";
        clients.s3().putObject(b -> b.bucket(stack.bucket()).key(key), software.amazon.awssdk.core.sync.RequestBody.fromBytes(report));
        ProbeContext context = new ProbeContext();
        Object response = new ProcessorHandler(clients.s3(), clients.dynamoDb(), stack.tableName())
                .handleRequest(ProbeEvents.sqs(stack.bucket(), key), context);
        String outcome = ProbeEvents.outcome(response, context.lines());
        if (!outcome.equals("ok")) {
            throw new IllegalStateException("seeding the table failed: " + outcome);
        }
    }

    static int memory(CloudFormationTemplate template, String function) {
        return template.properties(function).path("MemorySize").asInt(128);
    }

    private static Path existing(Path jar) {
        if (!Files.isRegularFile(jar)) {
            throw new IllegalStateException(jar + " is missing; build it with ./mvnw -q -B package -DskipTests");
        }
        return jar;
    }

    private static Map<String, String> options(String[] args) throws IOException {
        Map<String, String> options = new LinkedHashMap<>(Map.of("runs", "5",
                "moto", "", "root", "."));
        for (int i = 0; i < args.length; i++) {
            if (args[i].equals("--class-log")) {
                options.put("class-log", "true");
                continue;
            }
            String name = args[i].startsWith("--") ? args[i].substring(2) : "";
            if (!options.containsKey(name) || i + 1 >= args.length) {
                System.err.println("usage: coldstart [--runs 5] [--moto URL] [--root .] [--class-log]");
                System.exit(2);
            }
            options.put(name, args[++i]);
        }
        return options;
    }
}
