package io.sanctionsmonitor.benchmarks;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.SQSBatchResponse;
import com.amazonaws.services.lambda.runtime.events.SQSEvent;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.sanctionsmonitor.api.ApiHandler;
import io.sanctionsmonitor.aws.AwsClients;
import io.sanctionsmonitor.benchmarks.coldstart.BenchmarkStacks;
import io.sanctionsmonitor.local.CloudFormationTemplate;
import io.sanctionsmonitor.local.HttpApiServer;
import io.sanctionsmonitor.local.LocalClients;
import io.sanctionsmonitor.local.LocalStack;
import io.sanctionsmonitor.local.MotoServer;
import io.sanctionsmonitor.local.SqsEventSourcePoller;
import io.sanctionsmonitor.processor.ProcessorHandler;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * {@code bin/throughput}: documents per minute through the local stack (upload to S3 in moto, notification to the
 * queue, the SQS event source poller running the processor, findings in the table, the document listed PROCESSED
 * by the HTTP API), next to the bare moto round trip of the same uploads (put, and the notification received by
 * the same poller with a handler that does nothing), measured in the same run on stacks of their own.
 *
 * <p>Usage: {@code ThroughputBenchmark [--docs 20] [--chars 6000] [--moto URL] [--root .]}; without {@code --moto} it
 * runs a moto_server of its own (see {@link BenchmarkStacks#moto}).
 */
public final class ThroughputBenchmark {
    private static final ObjectMapper JSON = new ObjectMapper();
    /** Longest a phase may take before the run is called failed. */
    private static final Duration PHASE_LIMIT = Duration.ofMinutes(10);

    private ThroughputBenchmark() {}

    public static void main(String[] args) throws Exception {
        Map<String, String> options = options(args);
        int docs = Integer.parseInt(options.get("docs"));
        int chars = Integer.parseInt(options.get("chars"));
        Path root = Path.of(options.get("root"));
        CloudFormationTemplate template = CloudFormationTemplate.read(root.resolve("template.yaml"));
        byte[][] reports = new byte[docs][];
        for (int i = 0; i < docs; i++) {
            reports[i] = SyntheticReports.text(chars, 1000 + i).getBytes(StandardCharsets.UTF_8);
        }
        try (MotoServer moto = BenchmarkStacks.moto(options.get("moto"), root.resolve("target/throughput/moto_server.log"));
             LocalClients clients = LocalClients.at(moto.endpoint())) {
            double bare = bareRoundTrip(clients, BenchmarkStacks.provision(template, "tput-bare", clients), reports);
            OperationTimer timer = new OperationTimer();
            double processed;
            try (S3Client s3 = timedS3(moto.endpoint(), timer); DynamoDbClient dynamoDb = timedDynamoDb(moto.endpoint(), timer)) {
                processed = uploadToQueryable(clients, s3, dynamoDb, BenchmarkStacks.provision(template, "tput", clients), reports);
            }
            System.out.printf(Locale.ROOT, "%nEnd to end through the local stack (moto), %d reports of about %d characters,"
                    + " event source batch/window from template.yaml:%n%n", docs, chars);
            System.out.println("| path | seconds | documents per minute |");
            System.out.println("|---|---:|---:|");
            System.out.printf(Locale.ROOT, "| bare moto round trip (put, notification received) | %.1f | %.0f |%n", bare, docs * 60 / bare);
            System.out.printf(Locale.ROOT, "| upload to queryable (processed, listed PROCESSED by the API) | %.1f | %.0f |%n",
                    processed, docs * 60 / processed);
            System.out.printf(Locale.ROOT, "%nratio upload-to-queryable / bare round trip (time): %.2f%n", processed / bare);
            System.out.println("\nThe processor's calls to moto during the upload-to-queryable run:\n");
            System.out.println("| operation | calls | seconds | share of the run |");
            System.out.println("|---|---:|---:|---:|");
            timer.totals().forEach((operation, totals) -> System.out.printf(Locale.ROOT, "| %s | %d | %.1f | %.0f%% |%n",
                    operation, totals.calls(), totals.nanos() / 1e9, 100 * totals.nanos() / 1e9 / processed));
        }
    }

    /** Seconds from the first put until the poller has handed over a notification of every upload. */
    static double bareRoundTrip(LocalClients clients, LocalStack stack, byte[][] reports) throws InterruptedException {
        AtomicInteger notified = new AtomicInteger();
        RequestHandler<SQSEvent, SQSBatchResponse> counter = (event, context) -> {
            for (SQSEvent.SQSMessage message : event.getRecords()) {
                if (message.getBody().contains("ObjectCreated")) {
                    notified.incrementAndGet();
                }
            }
            return new SQSBatchResponse(List.of());
        };
        SqsEventSourcePoller poller = new SqsEventSourcePoller(clients.sqs(), stack.queueUrl(), stack.queueArn(),
                stack.eventSource(), counter, QuietContext::new, line -> { });
        poller.start();
        try {
            long started = System.nanoTime();
            upload(clients, stack, reports);
            awaitCount(() -> notified.get(), reports.length, "notifications");
            return (System.nanoTime() - started) / 1e9;
        } finally {
            poller.close();
        }
    }

    /** An S3 client as {@link AwsClients#s3(URI)} builds it, with {@code timer} on every call. */
    private static S3Client timedS3(URI endpoint, OperationTimer timer) {
        return S3Client.builder().httpClientBuilder(UrlConnectionHttpClient.builder()).endpointOverride(endpoint)
                .forcePathStyle(true).credentialsProvider(AwsClients.localCredentials()).region(Region.US_EAST_1)
                .overrideConfiguration(o -> o.addExecutionInterceptor(timer)).build();
    }

    /** A DynamoDB client as {@link AwsClients#dynamoDb(URI)} builds it, with {@code timer} on every call. */
    private static DynamoDbClient timedDynamoDb(URI endpoint, OperationTimer timer) {
        return DynamoDbClient.builder().httpClientBuilder(UrlConnectionHttpClient.builder()).endpointOverride(endpoint)
                .credentialsProvider(AwsClients.localCredentials()).region(Region.US_EAST_1)
                .overrideConfiguration(o -> o.addExecutionInterceptor(timer)).build();
    }

    /**
     * Seconds from the first put until the API lists every upload as PROCESSED. The processor uses {@code s3} and
     * {@code dynamoDb} (timed); the uploads and the API use the plain clients.
     */
    static double uploadToQueryable(LocalClients clients, S3Client s3, DynamoDbClient dynamoDb, LocalStack stack,
                                    byte[][] reports) throws Exception {
        Supplier<Context> contexts = QuietContext::new;
        SqsEventSourcePoller poller = new SqsEventSourcePoller(clients.sqs(), stack.queueUrl(), stack.queueArn(),
                stack.eventSource(), new ProcessorHandler(s3, dynamoDb, stack.tableName()),
                contexts, line -> System.err.println(line));
        byte[] cursorKey = new byte[32];
        new SecureRandom().nextBytes(cursorKey);
        HttpApiServer api = new HttpApiServer(new InetSocketAddress("127.0.0.1", 0), stack.routes(),
                new ApiHandler(clients.dynamoDb(), stack.tableName(), cursorKey), QuietContext::new, line -> { });
        api.start();
        poller.start();
        try (HttpClient http = HttpClient.newHttpClient()) {
            URI base = URI.create("http://127.0.0.1:" + api.port());
            long started = System.nanoTime();
            upload(clients, stack, reports);
            awaitCount(() -> processedDocuments(http, base), reports.length, "documents listed PROCESSED");
            return (System.nanoTime() - started) / 1e9;
        } finally {
            poller.close();
            api.close();
        }
    }

    private static void upload(LocalClients clients, LocalStack stack, byte[][] reports) {
        for (int i = 0; i < reports.length; i++) {
            String key = stack.uploadPrefix() + "throughput-" + i + ".txt";
            clients.s3().putObject(b -> b.bucket(stack.bucket()).key(key), RequestBody.fromBytes(reports[i]));
        }
    }

    /** Counts the documents the HTTP API lists as processed, page by page. */
    private static int processedDocuments(HttpClient http, URI base) {
        int count = 0;
        String cursor = null;
        try {
            do {
                String query = "status=processed&limit=100" + (cursor == null ? "" : "&cursor=" + URLEncoder.encode(cursor, StandardCharsets.UTF_8));
                HttpResponse<String> response = http.send(HttpRequest.newBuilder(base.resolve("/documents?" + query)).GET().build(),
                        HttpResponse.BodyHandlers.ofString());
                if (response.statusCode() != 200) {
                    throw new IllegalStateException("GET /documents answered " + response.statusCode() + ": " + response.body());
                }
                JsonNode body = JSON.readTree(response.body());
                count += body.path("items").size();
                cursor = body.path("next_cursor").isTextual() ? body.path("next_cursor").asText() : null;
            } while (cursor != null);
        } catch (IOException e) {
            throw new IllegalStateException("GET /documents failed: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
        return count;
    }

    private static void awaitCount(Supplier<Integer> count, int expected, String what) throws InterruptedException {
        long deadline = System.nanoTime() + PHASE_LIMIT.toNanos();
        while (count.get() < expected) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("only " + count.get() + " of " + expected + " " + what + " after " + PHASE_LIMIT);
            }
            Thread.sleep(100);
        }
    }

    private static Map<String, String> options(String[] args) {
        Map<String, String> options = new LinkedHashMap<>(Map.of("docs", "20", "chars", "6000",
                "moto", "", "root", "."));
        for (int i = 0; i < args.length; i++) {
            String name = args[i].startsWith("--") ? args[i].substring(2) : "";
            if (!options.containsKey(name) || i + 1 >= args.length) {
                System.err.println("usage: throughput [--docs 20] [--chars 6000] [--moto URL] [--root .]");
                System.exit(2);
            }
            options.put(name, args[++i]);
        }
        return options;
    }
}
