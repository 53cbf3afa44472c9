package io.sanctionsmonitor.local;

import com.amazonaws.services.lambda.runtime.Context;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.sanctionsmonitor.api.ApiHandler;
import io.sanctionsmonitor.ingest.IngestSettings;
import io.sanctionsmonitor.processor.ProcessorHandler;
import java.io.IOException;
import java.io.PrintStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.function.Supplier;

/**
 * {@code bin/local up}: the whole stack on this machine. Starts moto_server, creates the template's bucket,
 * queues, notifications and table in it, runs the processor on the queue and serves the API on port 3000,
 * uploads the sample report, and stops everything on Ctrl-C. {@code bin/local drop FILE} uploads a file into
 * the running stack.
 */
public final class LocalCommand {
    static final String USAGE = """
            usage: bin/local up [--moto-port 4566] [--api-port 3000] [--stack-name sanctions-local] [--no-sample]
                   bin/local drop FILE...
            """;

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final PrintStream OUT = System.out;

    public static void main(String[] args) throws Exception {
        Deque<String> rest = new ArrayDeque<>(List.of(args));
        String command = rest.pollFirst();
        Path root = Path.of(System.getProperty("sanctions.root", ".")).toAbsolutePath().normalize();
        try {
            if ("up".equals(command)) {
                up(root, options(rest));
            } else if ("drop".equals(command) && !rest.isEmpty()) {
                drop(root, rest);
            } else {
                System.err.print(USAGE);
                System.exit(2);
            }
        } catch (IllegalArgumentException | IllegalStateException | IOException e) {
            System.err.println("error: " + e.getMessage());
            System.exit(1);
        }
    }

    private static Map<String, String> options(Deque<String> args) {
        Map<String, String> options = new HashMap<>(Map.of("moto-port", "4566", "api-port", "3000",
                "stack-name", "sanctions-local", "host", "127.0.0.1"));
        while (!args.isEmpty()) {
            String arg = args.pollFirst();
            if (arg.equals("--no-sample")) {
                options.put("no-sample", "true");
            } else if (arg.startsWith("--") && options.containsKey(arg.substring(2)) && !args.isEmpty()) {
                options.put(arg.substring(2), args.pollFirst());
            } else {
                throw new IllegalArgumentException("unknown option " + arg + "\n" + USAGE);
            }
        }
        return options;
    }

    private static void up(Path root, Map<String, String> options) throws Exception {
        String host = options.get("host");
        Path stateDir = root.resolve(".local");
        Path motoLog = stateDir.resolve("moto_server.log");
        CloudFormationTemplate template = CloudFormationTemplate.read(root.resolve("template.yaml"));
        StackIdentity identity = StackIdentity.local(options.get("stack-name"));

        MotoServer moto = MotoServer.start(host, Integer.parseInt(options.get("moto-port")), motoLog);
        Running running;
        try {
            running = start(template, identity, moto, new InetSocketAddress(host, Integer.parseInt(options.get("api-port"))));
        } catch (IOException | RuntimeException e) {
            moto.close(); // nothing else holds it yet
            throw e;
        }
        LocalStack stack = running.stack();
        LocalClients clients = running.clients();
        List<SqsEventSourcePoller> pollers = running.pollers();
        HttpApiServer server = running.server();

        CountDownLatch stopped = new CountDownLatch(1);
        Path stateFile = stateDir.resolve("stack.json");
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            OUT.println("stopping: poller, HTTP API" + (moto.started() ? ", moto_server" : ""));
            pollers.forEach(SqsEventSourcePoller::close);
            server.close();
            clients.close();
            moto.close();
            try {
                Files.deleteIfExists(stateFile);
            } catch (IOException ignored) {
                // Nothing to clean up then.
            }
            stopped.countDown();
        }, "local-stack-shutdown"));

        server.start();
        pollers.forEach(SqsEventSourcePoller::start);
        String apiUrl = "http://" + host + ":" + server.port();
        writeState(stateFile, moto.endpoint(), stack, apiUrl);

        OUT.println("moto_server  " + moto.endpoint() + (moto.started() ? "  (log: " + root.relativize(motoLog) + ")" : "  (already running, left as is)"));
        OUT.println("bucket       s3://" + stack.bucket() + "/" + stack.uploadPrefix());
        OUT.println("queue        " + stack.queueUrl() + "  (batch " + stack.eventSource().batchSize()
                + ", window " + stack.eventSource().maximumBatchingWindowSeconds() + " s, "
                + stack.eventSource().maximumConcurrency() + " at once)");
        OUT.println("dead letters " + stack.deadLetterQueueUrl());
        OUT.println("table        " + stack.tableName());
        OUT.println("HTTP API     " + apiUrl + "  (authorization is not enforced locally)");
        stack.routes().forEach(route -> OUT.println("             " + route.routeKey()));
        if (!options.containsKey("no-sample")) {
            Path sample = root.resolve("samples/sample-report.txt");
            String key = upload(clients, stack, sample);
            OUT.println("uploaded     s3://" + stack.bucket() + "/" + key);
        }
        OUT.println("try          curl -s '" + apiUrl + "/findings' ; bin/local drop FILE ; aws --endpoint-url "
                + moto.endpoint() + " s3 cp FILE s3://" + stack.bucket() + "/" + stack.uploadPrefix());
        OUT.println("ready (Ctrl-C stops)");
        stopped.await();
    }

    private record Running(LocalStack stack, LocalClients clients, List<SqsEventSourcePoller> pollers, HttpApiServer server) {}

    /** Creates the resources and the two functions' runners (not started yet). */
    private static Running start(CloudFormationTemplate template, StackIdentity identity, MotoServer moto,
                                 InetSocketAddress apiAddress) throws IOException {
        LocalClients clients = LocalClients.at(moto.endpoint());
        IntrinsicResolver resolver = new StackProvisioner(template, identity, clients.s3(), clients.sqs(), clients.dynamoDb()).provision();
        LocalStack stack = LocalStack.from(template, identity, resolver);

        // The in-process processor reads UPLOAD_PREFIX from this JVM's environment, not from the template.
        String processorPrefix = IngestSettings.fromEnvironment(System.getenv()).uploadPrefix();
        if (!processorPrefix.equals(stack.uploadPrefix())) {
            throw new IllegalStateException("template.yaml sets UPLOAD_PREFIX=" + stack.uploadPrefix()
                    + " but the processor would use " + processorPrefix + "; export UPLOAD_PREFIX=" + stack.uploadPrefix());
        }
        Supplier<Context> processorContexts = contexts(identity, LocalStack.PROCESSOR_FUNCTION,
                template.properties(LocalStack.PROCESSOR_FUNCTION));
        Supplier<Context> apiContexts = contexts(identity, LocalStack.API_FUNCTION, template.properties(LocalStack.API_FUNCTION));

        // One poller per concurrent batch, each with a handler of its own, as Lambda runs each batch in its own
        // execution environment.
        List<SqsEventSourcePoller> pollers = new ArrayList<>();
        for (int i = 0; i < stack.eventSource().maximumConcurrency(); i++) {
            pollers.add(new SqsEventSourcePoller(clients.sqs(), stack.queueUrl(), stack.queueArn(), stack.eventSource(),
                    new ProcessorHandler(clients.s3(), clients.dynamoDb(), stack.tableName()), processorContexts, OUT::println));
        }
        // A fresh cursor key per run: cursors from an earlier run are rejected, as after a key rotation.
        byte[] cursorKey = new byte[32];
        new SecureRandom().nextBytes(cursorKey);
        HttpApiServer server = new HttpApiServer(apiAddress, stack.routes(),
                new ApiHandler(clients.dynamoDb(), stack.tableName(), cursorKey), apiContexts, OUT::println);
        return new Running(stack, clients, pollers, server);
    }

    private static void drop(Path root, Deque<String> files) throws IOException {
        Path stateFile = root.resolve(".local/stack.json");
        if (!Files.exists(stateFile)) {
            throw new IllegalStateException("no local stack is running (start one with bin/local up)");
        }
        JsonNode state = JSON.readTree(stateFile.toFile());
        URI endpoint = URI.create(state.path("endpoint").asText());
        if (!MotoServer.isUp(endpoint)) {
            throw new IllegalStateException("the local stack at " + endpoint + " does not answer; start it with bin/local up");
        }
        try (LocalClients clients = LocalClients.at(endpoint)) {
            for (String file : files) {
                Path path = Path.of(file);
                if (!Files.isRegularFile(path)) {
                    throw new IllegalArgumentException("not a file: " + file);
                }
                String key = state.path("uploadPrefix").asText() + path.getFileName();
                clients.s3().putObject(b -> b.bucket(state.path("bucket").asText()).key(key), path);
                OUT.println("uploaded s3://" + state.path("bucket").asText() + "/" + key);
            }
        }
    }

    static String upload(LocalClients clients, LocalStack stack, Path file) {
        String key = stack.uploadPrefix() + file.getFileName();
        clients.s3().putObject(b -> b.bucket(stack.bucket()).key(key), file);
        return key;
    }

    private static Supplier<Context> contexts(StackIdentity identity, String logicalId, JsonNode function) {
        String name = identity.generatedName(logicalId);
        int memory = function.path("MemorySize").asInt(128);
        int timeout = function.path("Timeout").asInt(3);
        return () -> new LocalLambdaContext(name, memory, timeout, OUT);
    }

    private static void writeState(Path stateFile, URI endpoint, LocalStack stack, String apiUrl) throws IOException {
        ObjectNode state = JSON.createObjectNode()
                .put("endpoint", endpoint.toString())
                .put("stackName", stack.identity().stackName())
                .put("bucket", stack.bucket())
                .put("uploadPrefix", stack.uploadPrefix())
                .put("queueUrl", stack.queueUrl())
                .put("deadLetterQueueUrl", stack.deadLetterQueueUrl())
                .put("tableName", stack.tableName())
                .put("apiUrl", apiUrl);
        Files.createDirectories(stateFile.getParent());
        JSON.writerWithDefaultPrettyPrinter().writeValue(stateFile.toFile(), state);
    }

    private LocalCommand() {}
}
