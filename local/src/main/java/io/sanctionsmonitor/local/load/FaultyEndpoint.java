package io.sanctionsmonitor.local.load;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * An HTTP proxy on a loopback port between the processor's SDK clients and moto, to make the backend fail the
 * way AWS does: refuse (the connection closes without an answer), answer 503, forward a write and then lose the
 * answer (the write happened, the client cannot know), or answer BatchWriteItem with every item unprocessed.
 * A {@link Policy} decides per request and can be swapped at any time; with {@link Policy#FORWARD} the proxy is
 * transparent. Only for tests and the load tool: it sends traffic only to the upstream it was given.
 */
public final class FaultyEndpoint implements AutoCloseable {

    /** What to do with one request. */
    public enum Action {
        /** Pass the request on and its answer back. */
        FORWARD,
        /** Close the connection without an answer: a backend that went away. */
        REFUSE,
        /** 503: a service that is there but cannot answer now (throttling, overload). */
        UNAVAILABLE,
        /** 400: a request the service refuses for good (neither throttling nor 5xx). */
        REJECT,
        /** Pass the request on, then lose the answer: the write happened and the client cannot know. */
        FORWARD_THEN_DROP,
        /** Answer a BatchWriteItem with every item unprocessed, writing none. */
        ALL_UNPROCESSED
    }

    /** One request as the proxy saw it: the S3 path, or the DynamoDB operation and JSON body. */
    public record Request(String method, String path, String operation, String body) {
        /** The DynamoDB operation (X-Amz-Target without its prefix), or "" for S3. */
        public boolean is(String dynamoOperation) {
            return operation.equals(dynamoOperation);
        }
    }

    @FunctionalInterface
    public interface Policy {
        Policy FORWARD = request -> Action.FORWARD;

        Action decide(Request request);
    }

    private static final Set<String> UNCOPIED_HEADERS = Set.of("host", "content-length", "connection", "expect",
            "upgrade", "transfer-encoding", "keep-alive", "date");

    private final URI upstream;
    private final HttpServer server;
    private final ExecutorService threads = Executors.newCachedThreadPool(r -> {
        Thread t = new Thread(r, "faulty-endpoint");
        t.setDaemon(true);
        return t;
    });
    private final HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();
    private final AtomicInteger forwarded = new AtomicInteger();
    private final AtomicInteger faulted = new AtomicInteger();
    private volatile Policy policy = Policy.FORWARD;
    private volatile boolean serialize;
    private final java.util.concurrent.locks.ReentrantLock oneAtATime = new java.util.concurrent.locks.ReentrantLock(true);

    public FaultyEndpoint(URI upstream) throws IOException {
        this.upstream = upstream;
        this.server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 64);
        server.createContext("/", this::handle);
        server.setExecutor(threads);
        server.start();
    }

    public URI uri() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
    }

    /**
     * Passes one request at a time to the upstream. moto does not isolate concurrent DynamoDB transactions (a
     * cancelled one restores a copy of the whole table taken when it began, undoing writes made meanwhile);
     * DynamoDB does. Serialized, concurrent writers still interleave request by request, as against DynamoDB.
     */
    public FaultyEndpoint serialize(boolean serialize) {
        this.serialize = serialize;
        return this;
    }

    public void policy(Policy policy) {
        this.policy = policy;
    }

    /** Every request fails with {@code action} until {@link #restore()}. */
    public void down(Action action) {
        policy(request -> action);
    }

    public void restore() {
        policy(Policy.FORWARD);
    }

    /** Forwards the next {@code requests} requests, then fails every one with {@code action}: a backend going away mid-batch. */
    public void failAfter(int requests, Action action) {
        AtomicInteger left = new AtomicInteger(requests);
        policy(request -> left.getAndDecrement() > 0 ? Action.FORWARD : action);
    }

    /** Requests passed to the upstream, and requests failed on purpose. */
    public int forwarded() {
        return forwarded.get();
    }

    public int faulted() {
        return faulted.get();
    }

    private void handle(HttpExchange exchange) throws IOException {
        byte[] body = exchange.getRequestBody().readAllBytes();
        String target = exchange.getRequestHeaders().getFirst("X-Amz-Target");
        String operation = target == null ? "" : target.substring(target.indexOf('.') + 1);
        Request request = new Request(exchange.getRequestMethod(), exchange.getRequestURI().getRawPath(), operation,
                new String(body, StandardCharsets.UTF_8));
        Action action = policy.decide(request);
        if (action != Action.FORWARD) {
            faulted.incrementAndGet();
        }
        switch (action) {
            case REFUSE -> throw new IOException("refused on purpose"); // the server closes the connection unanswered
            case UNAVAILABLE -> error(exchange, request, 503, "ServiceUnavailable", "backend away (test)");
            case REJECT -> error(exchange, request, 400, "InvalidRequest", "request refused for good (test)");
            case ALL_UNPROCESSED -> respond(exchange, 200, "application/x-amz-json-1.0",
                    "{\"UnprocessedItems\":" + requestItems(request.body()) + "}");
            case FORWARD, FORWARD_THEN_DROP -> {
                HttpResponse<byte[]> response = forward(exchange, body);
                forwarded.incrementAndGet();
                if (action == Action.FORWARD_THEN_DROP) {
                    throw new IOException("answer dropped on purpose");
                }
                response.headers().map().forEach((name, values) -> {
                    if (!UNCOPIED_HEADERS.contains(name.toLowerCase(Locale.ROOT)) && !name.startsWith(":")) {
                        exchange.getResponseHeaders().put(name, List.copyOf(values));
                    }
                });
                byte[] answer = response.body();
                boolean head = exchange.getRequestMethod().equalsIgnoreCase("HEAD");
                exchange.sendResponseHeaders(response.statusCode(), head || answer.length == 0 ? -1 : answer.length);
                if (!head && answer.length > 0) {
                    try (OutputStream out = exchange.getResponseBody()) {
                        out.write(answer);
                    }
                }
                exchange.close();
            }
        }
    }

    private HttpResponse<byte[]> forward(HttpExchange exchange, byte[] body) throws IOException {
        HttpRequest.Builder request = HttpRequest.newBuilder(upstream.resolve(exchange.getRequestURI().toString()))
                .timeout(Duration.ofSeconds(60))
                .method(exchange.getRequestMethod(), body.length == 0 ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofByteArray(body));
        exchange.getRequestHeaders().forEach((name, values) -> {
            if (!UNCOPIED_HEADERS.contains(name.toLowerCase(Locale.ROOT))) {
                values.forEach(v -> request.header(name, v));
            }
        });
        boolean locked = serialize;
        if (locked) {
            oneAtATime.lock();
        }
        try {
            return client.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted", e);
        } finally {
            if (locked) {
                oneAtATime.unlock();
            }
        }
    }

    /** The {@code RequestItems} object of a BatchWriteItem body, echoed back as unprocessed. */
    private static String requestItems(String body) {
        try {
            return new com.fasterxml.jackson.databind.ObjectMapper().readTree(body).path("RequestItems").toString();
        } catch (IOException e) {
            return "{}";
        }
    }

    /** An error as the service would write it: JSON for DynamoDB, XML for S3. */
    private static void error(HttpExchange exchange, Request request, int status, String code, String message)
            throws IOException {
        if (request.operation().isEmpty()) {
            respond(exchange, status, "application/xml", "<?xml version=\"1.0\" encoding=\"UTF-8\"?><Error><Code>" + code
                    + "</Code><Message>" + message + "</Message><RequestId>test</RequestId></Error>");
        } else {
            String type = status == 503 ? "ServiceUnavailableException" : "ValidationException";
            respond(exchange, status, "application/x-amz-json-1.0",
                    "{\"__type\":\"com.amazonaws.dynamodb.v20120810#" + type + "\",\"message\":\"" + message + "\"}");
        }
    }

    private static void respond(HttpExchange exchange, int status, String contentType, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", contentType);
        exchange.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
        exchange.close();
    }

    @Override
    public void close() {
        server.stop(0);
        threads.shutdownNow();
        client.close();
    }
}
