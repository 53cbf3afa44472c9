package io.sanctionsmonitor.local.load;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.sanctionsmonitor.local.LocalClients;
import io.sanctionsmonitor.local.MotoServer;
import io.sanctionsmonitor.local.SqsEventSourcePoller;
import java.io.IOException;
import java.io.PrintStream;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.QueryResponse;
import software.amazon.awssdk.services.dynamodb.model.Select;
import software.amazon.awssdk.services.sqs.model.QueueAttributeName;

/**
 * {@code bin/load-test [N]}: uploads N generated reports (text, HTML, PDF, DOCX; about 1% corrupt) into a local
 * stack, waits until every one is PROCESSED or FAILED, then prints the counts per status, the FAILED reasons,
 * duplicated findings (must be 0), the dead-letter queue's depth, /stats against the stored findings, and the
 * throughput in documents per minute. Uses the running {@code bin/local up} stack when there is one (its
 * poller does the processing), else starts its own moto_server on a free port with its own pollers.
 */
public final class LoadTestCommand {
    static final String USAGE = """
            usage: bin/load-test [N] [--concurrency 2] [--seed 1] [--corrupt 0.01] [--timeout-minutes 90] [--own-stack]
              N                 reports to upload (default 1000)
              --concurrency C   processor instances polling the queue in parallel (own stack only)
              --own-stack       start a fresh moto_server and stack even when bin/local up is running
            """;

    private static final PrintStream OUT = System.out;
    private static final ObjectMapper JSON = new ObjectMapper();

    public static void main(String[] args) throws Exception {
        Map<String, String> options = new HashMap<>(Map.of("n", "1000", "concurrency", "2", "seed", "1",
                "corrupt", "0.01", "timeout-minutes", "90"));
        for (int i = 0; i < args.length; i++) {
            String arg = args[i];
            if (arg.equals("--own-stack")) {
                options.put("own-stack", "true");
            } else if (arg.startsWith("--") && options.containsKey(arg.substring(2)) && i + 1 < args.length) {
                options.put(arg.substring(2), args[++i]);
            } else if (arg.matches("\\d+")) {
                options.put("n", arg);
            } else {
                System.err.print(USAGE);
                System.exit(2);
            }
        }
        Path root = Path.of(System.getProperty("sanctions.root", ".")).toAbsolutePath().normalize();
        System.exit(run(root, options) ? 0 : 1);
    }

    /** @return whether every check passed */
    static boolean run(Path root, Map<String, String> options) throws Exception {
        int n = Integer.parseInt(options.get("n"));
        Path stateFile = root.resolve(".local/stack.json");
        boolean useRunning = !options.containsKey("own-stack") && Files.exists(stateFile)
                && MotoServer.isUp(URI.create(JSON.readTree(stateFile.toFile()).path("endpoint").asText()));
        if (useRunning) {
            JsonNode state = JSON.readTree(stateFile.toFile());
            OUT.println("target       the running local stack (" + state.path("stackName").asText() + " at "
                    + state.path("endpoint").asText() + "); its poller processes");
            try (LocalClients clients = LocalClients.at(URI.create(state.path("endpoint").asText()))) {
                Target target = new Target(clients, state.path("bucket").asText(), state.path("uploadPrefix").asText(),
                        state.path("queueUrl").asText(), state.path("deadLetterQueueUrl").asText(), state.path("tableName").asText());
                return load(target, n, options, null, () -> { });
            }
        }
        int port;
        try (ServerSocket free = new ServerSocket(0)) {
            port = free.getLocalPort();
        }
        Path motoLog = root.resolve(".local/load-test-moto.log");
        try (MotoServer moto = MotoServer.start("127.0.0.1", port, motoLog);
             ProcessingStack stack = ProcessingStack.provision(moto.endpoint(), root.resolve("template.yaml"), "load", 60);
             // moto does not isolate concurrent transactions; DynamoDB does: one request at a time to moto.
             FaultyEndpoint serialized = new FaultyEndpoint(moto.endpoint()).serialize(true)) {
            // Ctrl-C must not leave a moto_server behind holding gigabytes: try-with-resources does not run then.
            Runtime.getRuntime().addShutdownHook(new Thread(moto::close, "load-test-moto-stop"));
            int concurrency = Integer.parseInt(options.get("concurrency"));
            OUT.println("target       a fresh stack in moto_server " + moto.endpoint() + " (log: " + root.relativize(motoLog)
                    + "), " + concurrency + " processor instance(s) polling");
            List<SqsEventSourcePoller> pollers = new ArrayList<>();
            for (int i = 0; i < concurrency; i++) {
                SqsEventSourcePoller poller = stack.poller(stack.processor(serialized.uri(), stack.table()));
                poller.start();
                pollers.add(poller);
            }
            Target target = new Target(stack.clients(), stack.stack().bucket(), stack.stack().uploadPrefix(),
                    stack.stack().queueUrl(), stack.stack().deadLetterQueueUrl(), stack.table());
            return load(target, n, options, stack, () -> pollers.forEach(SqsEventSourcePoller::close));
        }
    }

    record Target(LocalClients clients, String bucket, String prefix, String queueUrl, String deadLetterQueueUrl, String table) {}

    /** @param quiesce stops this command's own processing, so the final counts are not taken mid-write */
    private static boolean load(Target target, int n, Map<String, String> options, ProcessingStack own, Runnable quiesce)
            throws Exception {
        String run = "load-" + UUID.randomUUID().toString().substring(0, 8);
        ReportGenerator generator = new ReportGenerator(Long.parseLong(options.get("seed")),
                Double.parseDouble(options.get("corrupt")));
        List<GeneratedReport> reports = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            reports.add(generator.next(i));
        }
        Map<String, Long> formats = new TreeMap<>();
        reports.forEach(r -> formats.merge(r.format().name().toLowerCase(Locale.ROOT) + (r.corrupt() ? " (corrupt)" : ""), 1L, Long::sum));
        OUT.println("reports      " + n + " under s3://" + target.bucket() + "/" + target.prefix() + run + "/  " + formats);

        long started = System.nanoTime();
        ExecutorService uploaders = Executors.newFixedThreadPool(4);
        List<Future<?>> uploads = new ArrayList<>();
        for (GeneratedReport report : reports) {
            uploads.add(uploaders.submit(() -> target.clients().s3().putObject(
                    b -> b.bucket(target.bucket()).key(target.prefix() + run + "/" + report.fileName()),
                    RequestBody.fromBytes(report.content()))));
        }
        for (Future<?> upload : uploads) {
            upload.get();
        }
        uploaders.shutdown();
        OUT.printf(Locale.ROOT, "uploaded     in %.1f s%n", seconds(started));

        long deadline = System.nanoTime() + Long.parseLong(options.get("timeout-minutes")) * 60_000_000_000L;
        Map<String, Long> counts = Map.of();
        long lastPrint = 0;
        long terminalAtLastPrint = 0;
        while (System.nanoTime() < deadline) {
            counts = countByStatus(target, run);
            long terminal = counts.getOrDefault("PROCESSED", 0L) + counts.getOrDefault("FAILED", 0L);
            if (System.nanoTime() - lastPrint > 60_000_000_000L) {
                // the rate since the last line: on moto it falls as the table grows
                OUT.printf(Locale.ROOT, "  %5.0f s    %s  %.0f documents/minute since the last line%n", seconds(started),
                        counts, lastPrint == 0 ? 0.0 : (terminal - terminalAtLastPrint) / (seconds(lastPrint) / 60));
                lastPrint = System.nanoTime();
                terminalAtLastPrint = terminal;
            }
            if (terminal >= n) {
                break;
            }
            Thread.sleep(1_000);
        }
        double minutes = seconds(started) / 60;
        quiesce.run();

        TableSnapshot table = TableSnapshot.scan(target.clients().dynamoDb(), target.table());
        Map<String, JsonNode> ours = new TreeMap<>();
        table.documents().forEach((id, doc) -> {
            if (doc.path("key").asText().startsWith(target.prefix() + run + "/")) {
                ours.put(id, doc);
            }
        });
        Map<String, Long> byStatus = new TreeMap<>();
        Map<String, Long> reasons = new TreeMap<>();
        int failedWithoutReason = 0;
        for (JsonNode doc : ours.values()) {
            byStatus.merge(doc.path("status").asText(), 1L, Long::sum);
            if (doc.path("status").asText().equals("FAILED")) {
                String reason = doc.path("error").asText("");
                if (reason.isBlank()) {
                    failedWithoutReason++;
                }
                reasons.merge(reason.replaceAll("\\d[\\d,]*", "#"), 1L, Long::sum);
            }
        }
        long expectedFailed = reports.stream().filter(GeneratedReport::corrupt).count();
        int duplicates = table.duplicates();
        int deadLetters = depth(target, target.deadLetterQueueUrl());
        long terminal = byStatus.getOrDefault("PROCESSED", 0L) + byStatus.getOrDefault("FAILED", 0L);

        OUT.println();
        OUT.println("documents    " + ours.size() + " of " + n + " uploads: " + byStatus);
        OUT.println("failed       " + byStatus.getOrDefault("FAILED", 0L) + " (corrupt on purpose: " + expectedFailed + ")"
                + (failedWithoutReason > 0 ? ", " + failedWithoutReason + " WITHOUT a reason" : ", each with its reason"));
        reasons.forEach((reason, count) -> OUT.println("             " + count + " x " + reason));
        OUT.println("findings     " + table.findings().size() + " stored in the table");
        OUT.println("duplicates   " + duplicates + " (findings with the same document, category, evidence, items and states stored twice)");
        OUT.println("intents left " + table.pendingIntents());
        Map<String, Integer> counters = table.counterItemBytes();
        OUT.println("table        " + table.size() + " items; largest " + table.largestItemBytes() + " bytes; " + counters.size()
                + " counter items, largest FINDINGS " + largest(counters, "FINDINGS#") + " bytes, STATUS "
                + largest(counters, "STATUS#") + " bytes");
        OUT.println("dead letters " + deadLetters);
        boolean statsEqual = true;
        if (own != null) {
            long served = own.api().findings();
            statsEqual = served == table.findings().size();
            OUT.println("/stats       " + served + " findings served" + (statsEqual ? " = stored" : " != " + table.findings().size() + " stored"));
        }
        OUT.printf(Locale.ROOT, "throughput   %.0f documents/minute (%d documents in %.1f min, upload to last terminal status)%n",
                terminal / minutes, terminal, minutes);
        boolean passed = terminal == n && failedWithoutReason == 0 && duplicates == 0 && statsEqual
                && byStatus.getOrDefault("FAILED", 0L) == expectedFailed;
        OUT.println(passed ? "PASSED" : "FAILED: not every upload ended PROCESSED or FAILED with a reason, or something was doubled");
        return passed;
    }

    /** Documents of this run per status, from the status index (gsi1), filtered to the run's keys. */
    private static Map<String, Long> countByStatus(Target target, String run) {
        Map<String, Long> counts = new TreeMap<>();
        for (String status : List.of("PROCESSING", "PROCESSED", "FAILED", "DELETED")) {
            long count = 0;
            Map<String, AttributeValue> start = null;
            do {
                Map<String, AttributeValue> from = start;
                QueryResponse page = target.clients().dynamoDb().query(b -> b.tableName(target.table()).indexName("gsi1")
                        .keyConditionExpression("gsi1pk = :s").filterExpression("contains(#doc, :run)")
                        .expressionAttributeNames(Map.of("#doc", "doc"))
                        .expressionAttributeValues(Map.of(":s", AttributeValue.fromS("DOCSTATUS#" + status),
                                ":run", AttributeValue.fromS("/" + run + "/")))
                        .select(Select.COUNT).exclusiveStartKey(from));
                count += page.count();
                start = page.hasLastEvaluatedKey() && !page.lastEvaluatedKey().isEmpty() ? page.lastEvaluatedKey() : null;
            } while (start != null);
            if (count > 0) {
                counts.put(status, count);
            }
        }
        return counts;
    }

    private static int depth(Target target, String queueUrl) {
        Map<QueueAttributeName, String> a = target.clients().sqs().getQueueAttributes(b -> b.queueUrl(queueUrl).attributeNames(
                QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES, QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES_NOT_VISIBLE)).attributes();
        return Integer.parseInt(a.get(QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES))
                + Integer.parseInt(a.get(QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES_NOT_VISIBLE));
    }

    private static int largest(Map<String, Integer> sizes, String prefix) {
        return sizes.entrySet().stream().filter(e -> e.getKey().startsWith(prefix)).mapToInt(Map.Entry::getValue).max().orElse(0);
    }

    private static double seconds(long since) {
        return (System.nanoTime() - since) / 1e9;
    }

    private LoadTestCommand() {}
}
