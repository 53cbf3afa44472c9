package io.sanctionsmonitor.local;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.sanctionsmonitor.aws.AwsClients;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.sqs.SqsClient;

/** {@code bin/reprocess}: see {@link #USAGE}. */
public final class ReprocessCommand {
    static final String USAGE = """
            usage: bin/reprocess (--key KEY [--key KEY...] | --failed | --stuck MINUTES | --dlq) [TARGET]
              --key KEY   process this report again (KEY as in the bucket, e.g. reports/update.pdf)
              --failed    process every document whose status is FAILED again
              --stuck MINUTES  process again every document PROCESSING for longer than MINUTES
                          (its invocation crashed or timed out on the message's last receive)
              --dlq       move the dead-letter queue's messages back to the queue (redrive)
            TARGET: the running `bin/local up` stack by default; for a deployed stack give the values of
            its Outputs: --bucket NAME --queue-url URL [--dlq-url URL] [--table NAME] [--region REGION]
            (credentials from the usual AWS environment or profile); --endpoint URL for another emulator.
            """;

    public static void main(String[] args) {
        try {
            System.exit(run(args, Path.of(System.getProperty("sanctions.root", "."))));
        } catch (IllegalArgumentException | IllegalStateException e) {
            System.err.println("error: " + e.getMessage());
            System.exit(2);
        }
    }

    static int run(String[] args, Path root) {
        List<String> keys = new ArrayList<>();
        Map<String, String> options = new HashMap<>();
        boolean failed = false;
        boolean dlq = false;
        Integer stuckMinutes = null;
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--key" -> keys.add(value(args, ++i));
                case "--failed" -> failed = true;
                case "--stuck" -> stuckMinutes = minutes(value(args, ++i));
                case "--dlq" -> dlq = true;
                case "--bucket", "--queue-url", "--dlq-url", "--table", "--region", "--endpoint" ->
                        options.put(args[i].substring(2), value(args, ++i));
                default -> throw new IllegalArgumentException("unknown argument " + args[i] + "\n" + USAGE);
            }
        }
        if (keys.isEmpty() && !failed && !dlq && stuckMinutes == null) {
            throw new IllegalArgumentException("nothing to do\n" + USAGE);
        }
        if (!options.containsKey("bucket")) {
            fromLocalStack(root, options);
        }
        Reprocessor.Target target = new Reprocessor.Target(required(options, "bucket"), required(options, "queue-url"),
                options.get("dlq-url"), options.get("table"), options.getOrDefault("region", regionFromEnvironment()));
        URI endpoint = options.containsKey("endpoint") ? URI.create(options.get("endpoint")) : null;
        Region region = Region.of(target.region());
        AwsCredentialsProvider credentials = endpoint == null ? DefaultCredentialsProvider.builder().build()
                : AwsClients.localCredentials();
        try (S3Client s3 = S3Client.builder().httpClientBuilder(UrlConnectionHttpClient.builder()).region(region)
                     .credentialsProvider(credentials).forcePathStyle(endpoint != null)
                     .applyMutation(b -> { if (endpoint != null) b.endpointOverride(endpoint); }).build();
             SqsClient sqs = SqsClient.builder().httpClientBuilder(UrlConnectionHttpClient.builder()).region(region)
                     .credentialsProvider(credentials)
                     .applyMutation(b -> { if (endpoint != null) b.endpointOverride(endpoint); }).build();
             DynamoDbClient dynamoDb = DynamoDbClient.builder().httpClientBuilder(UrlConnectionHttpClient.builder())
                     .region(region).credentialsProvider(credentials)
                     .applyMutation(b -> { if (endpoint != null) b.endpointOverride(endpoint); }).build()) {
            Reprocessor reprocessor = new Reprocessor(s3, sqs, dynamoDb, target, System.out::println);
            if (dlq) {
                reprocessor.redriveDeadLetters();
            }
            if (failed) {
                reprocessor.reprocessFailed();
            }
            if (stuckMinutes != null) {
                reprocessor.reprocessStuck(java.time.Instant.now().minus(java.time.Duration.ofMinutes(stuckMinutes)));
            }
            int missing = keys.size() - reprocessor.reprocessKeys(keys);
            return missing == 0 ? 0 : 1;
        }
    }

    private static int minutes(String value) {
        try {
            int minutes = Integer.parseInt(value);
            if (minutes > 0) {
                return minutes;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new IllegalArgumentException("--stuck needs a whole number of minutes above 0, got " + value + "\n" + USAGE);
    }

    private static void fromLocalStack(Path root, Map<String, String> options) {
        Path stateFile = root.resolve(".local/stack.json");
        if (!Files.exists(stateFile)) {
            throw new IllegalStateException("no local stack is running (bin/local up); for AWS give --bucket and --queue-url");
        }
        try {
            JsonNode state = new ObjectMapper().readTree(stateFile.toFile());
            options.putIfAbsent("endpoint", state.path("endpoint").asText());
            options.put("bucket", state.path("bucket").asText());
            options.putIfAbsent("queue-url", state.path("queueUrl").asText());
            options.putIfAbsent("dlq-url", state.path("deadLetterQueueUrl").asText());
            options.putIfAbsent("table", state.path("tableName").asText());
            options.putIfAbsent("region", StackIdentity.LOCAL_REGION);
        } catch (IOException e) {
            throw new IllegalStateException("cannot read " + stateFile + ": " + e.getMessage(), e);
        }
    }

    private static String regionFromEnvironment() {
        String region = System.getenv("AWS_REGION");
        if (region == null || region.isBlank()) {
            region = System.getenv("AWS_DEFAULT_REGION");
        }
        return region == null || region.isBlank() ? StackIdentity.LOCAL_REGION : region;
    }

    private static String value(String[] args, int i) {
        if (i >= args.length) {
            throw new IllegalArgumentException(args[i - 1] + " needs a value");
        }
        return args[i];
    }

    private static String required(Map<String, String> options, String name) {
        String value = options.get(name);
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException("--" + name + " is required\n" + USAGE);
        }
        return value;
    }

    private ReprocessCommand() {}
}
