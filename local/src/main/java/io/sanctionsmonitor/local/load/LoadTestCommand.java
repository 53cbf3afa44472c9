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
                                 [--stacks K]
              N                 reports to upload (default 1000)
              --concurrency C   processor instances polling the queue in parallel (own stack only)
              --own-stack       start a fresh moto_server and stack even when bin/local up is running
              --stacks K        own stack only: the N uploads in K fresh moto stacks one after another, N/K each,
                                every check made in each, the totals at the end (default: 100 uploads a stack).
                                moto 5.2 copies the whole table for each item of a TransactWriteItems and keeps
                                the copies: its time and memory grow with the square of the uploads into one table
            """;

    private static final PrintStream OUT = System.out;
    private static final ObjectMapper JSON = new ObjectMapper();
    /** How often the wait for terminal statuses looks: the throughput it prints is late by at most this. */
    private static final long POLL_MILLIS = 5_000;
    /** Uploads per moto stack unless --stacks says otherwise: 100 took 2 to 4 minutes and 4 GB of moto (2026-11-27). */
    private static final int UPLOADS_PER_STACK = 100;

    public static void main(String[] args) throws Exception {
        Map<String, String> options = new HashMap<>(Map.of("n", "1000", "concurrency", "2", "seed", "1",
                "corrupt", "0.01", "timeout-minutes", "90", "stacks", "auto"));
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
        ReportGenerator generator = new ReportGenerator(Long.parseLong(options.get("seed")),
                Double.parseDouble(options.get("corrupt")));
        List<GeneratedReport> reports = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            reports.add(generator.next(i));
        }
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
                return load(target, reports, options, null, () -> { }).passed();
            }
        }
        int stacks = options.get("stacks").equals("auto") ? (n + UPLOADS_PER_STACK - 1) / UPLOADS_PER_STACK
                : Integer.parseInt(options.get("stacks"));
        stacks = Math.max(1, Math.min(n, stacks));
        if (stacks == 1) {
            return inFreshStack(root, reports, options).passed();
        }
        long started = System.nanoTime();
        List<Outcome> outcomes = new ArrayList<>();
        for (int s = 0; s < stacks; s++) {
            List<GeneratedReport> share = reports.subList(s * n / stacks, (s + 1) * n / stacks);
            OUT.printf(Locale.ROOT, "%n=== stack %d of %d: uploads %d to %d%n", s + 1, stacks, s * n / stacks, (s + 1) * n / stacks - 1);
            outcomes.add(inFreshStack(root, share, options));
        }
        Outcome total = Outcome.sum(outcomes);
        OUT.printf(Locale.ROOT, "%n=== all %d stacks: %d uploads in %.1f min, stacks made and removed included%n", stacks, n,
                seconds(started) / 60);
        total.print();
        return total.passed();
    }

    /** A fresh moto_server and stack, this command's processors polling, for {@code reports}; stopped after the checks. */
    private static Outcome inFreshStack(Path root, List<GeneratedReport> reports, Map<String, String> options) throws Exception {
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
            return load(target, reports, options, stack, () -> pollers.forEach(SqsEventSourcePoller::close));
        }
    }

    record Target(LocalClients clients, String bucket, String prefix, String queueUrl, String deadLetterQueueUrl, String table) {}

    /** @param quiesce stops this command's own processing, so the final counts are not taken mid-write */
    private static Outcome load(Target target, List<GeneratedReport> reports, Map<String, String> options, ProcessingStack own,
            Runnable quiesce) throws Exception {
        String run = "load-" + UUID.randomUUID().toString().substring(0, 8);
        int n = reports.size();
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
            Thread.sleep(POLL_MILLIS);
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

        Map<String, Integer> counters = table.counterItemBytes();
        Boolean statsEqual = null;
        long served = -1;
        if (own != null) {
            JsonNode stats = own.api().stats();
            served = stats.path("findings").asLong();
            statsEqual = served == table.findings().size()
                    && ServedStats.counts(stats.path("documents_by_status")).equals(table.documentsByStatus());
        }
        Outcome outcome = new Outcome(n, ours.size(), byStatus, reasons, expectedFailed, failedWithoutReason, table.findings().size(),
                duplicates, table.pendingIntents(), table.size(), table.largestItemBytes(), counters.size(),
                largest(counters, "COUNTS#"), deadLetters, served, statsEqual, terminal, minutes);
        outcome.print();
        return outcome;
    }

    /** What one load run found; {@link #sum} adds the runs of several stacks. */
    record Outcome(int uploads, int documents, Map<String, Long> byStatus, Map<String, Long> reasons, long expectedFailed,
            int failedWithoutReason, int findings, int duplicates, int intents, int tableItems, int largestItem,
            int counterItems, int largestCounter, int deadLetters, long served,
            Boolean statsEqual, long terminal, double minutes) {

        static Outcome sum(List<Outcome> outcomes) {
            Map<String, Long> byStatus = new TreeMap<>();
            Map<String, Long> reasons = new TreeMap<>();
            outcomes.forEach(o -> o.byStatus.forEach((k, v) -> byStatus.merge(k, v, Long::sum)));
            outcomes.forEach(o -> o.reasons.forEach((k, v) -> reasons.merge(k, v, Long::sum)));
            Boolean statsEqual = outcomes.stream().allMatch(o -> o.statsEqual == null) ? null
                    : outcomes.stream().allMatch(o -> o.statsEqual == null || o.statsEqual);
            return new Outcome(outcomes.stream().mapToInt(Outcome::uploads).sum(),
                    outcomes.stream().mapToInt(Outcome::documents).sum(), byStatus, reasons,
                    outcomes.stream().mapToLong(Outcome::expectedFailed).sum(),
                    outcomes.stream().mapToInt(Outcome::failedWithoutReason).sum(),
                    outcomes.stream().mapToInt(Outcome::findings).sum(), outcomes.stream().mapToInt(Outcome::duplicates).sum(),
                    outcomes.stream().mapToInt(Outcome::intents).sum(), outcomes.stream().mapToInt(Outcome::tableItems).sum(),
                    outcomes.stream().mapToInt(Outcome::largestItem).max().orElse(0),
                    outcomes.stream().mapToInt(Outcome::counterItems).sum(),
                    outcomes.stream().mapToInt(Outcome::largestCounter).max().orElse(0),
                    outcomes.stream().mapToInt(Outcome::deadLetters).sum(),
                    outcomes.stream().allMatch(o -> o.served >= 0) ? outcomes.stream().mapToLong(Outcome::served).sum() : -1,
                    statsEqual, outcomes.stream().mapToLong(Outcome::terminal).sum(),
                    outcomes.stream().mapToDouble(Outcome::minutes).sum());
        }

        boolean passed() {
            return documents == uploads && terminal == uploads && failedWithoutReason == 0 && duplicates == 0 && !Boolean.FALSE.equals(statsEqual)
                    && byStatus.getOrDefault("FAILED", 0L) == expectedFailed;
        }

        void print() {
            OUT.println();
            OUT.println("documents    " + documents + " of " + uploads + " uploads: " + byStatus);
            OUT.println("failed       " + byStatus.getOrDefault("FAILED", 0L) + " (corrupt on purpose: " + expectedFailed + ")"
                    + (failedWithoutReason > 0 ? ", " + failedWithoutReason + " WITHOUT a reason" : ", each with its reason"));
            reasons.forEach((reason, count) -> OUT.println("             " + count + " x " + reason));
            OUT.println("findings     " + findings + " stored in the table");
            OUT.println("duplicates   " + duplicates + " (findings with the same document, category, evidence, items and states stored twice)");
            OUT.println("intents left " + intents);
            OUT.println("table        " + tableItems + " items; largest " + largestItem + " bytes; " + counterItems
                    + " counter items, largest " + largestCounter + " bytes");
            OUT.println("dead letters " + deadLetters);
            if (statsEqual != null) {
                OUT.println("/stats       " + served + " findings served, and documents by status, "
                        + (statsEqual ? "= stored" : "!= stored (" + findings + " findings)"));
            }
            OUT.printf(Locale.ROOT, "throughput   %.0f documents/minute (%d documents in %.1f min, upload to last terminal status)%n",
                    terminal / minutes, terminal, minutes);
            OUT.println(passed() ? "PASSED"
                    : "FAILED: not every upload ended PROCESSED or FAILED with a reason, or something was doubled");
        }
    }

    /**
     * Documents of this run per status: one Query of the all-documents index (gsi2), filtered to the run's keys.
     * One, and not often ({@link #POLL_MILLIS}): moto answers every Query by sorting the whole table, so polling
     * four status partitions every second took most of moto's time once the table held 5,000 items.
     */
    private static Map<String, Long> countByStatus(Target target, String run) {
        Map<String, Long> counts = new TreeMap<>();
        target.clients().dynamoDb().queryPaginator(b -> b.tableName(target.table()).indexName("gsi2")
                        .keyConditionExpression("gsi2pk = :all").filterExpression("contains(#doc, :run)")
                        .projectionExpression("#status")
                        .expressionAttributeNames(Map.of("#doc", "doc", "#status", "status"))
                        .expressionAttributeValues(Map.of(":all", AttributeValue.fromS("DOCS"),
                                ":run", AttributeValue.fromS("/" + run + "/"))))
                .items().forEach(item -> counts.merge(item.get("status").s(), 1L, Long::sum));
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
