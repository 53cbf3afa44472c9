package io.sanctionsmonitor.local;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * Serves an HTTP API locally the way {@code sam local start-api} does: each request that matches one of the
 * template's routes becomes an API Gateway payload 2.0 event for the handler, and the handler's response is
 * written back. Authorization is not enforced locally (as with SAM); requests on no route get API Gateway's 404.
 */
public final class HttpApiServer implements AutoCloseable {
    private static final DateTimeFormatter REQUEST_TIME =
            DateTimeFormatter.ofPattern("dd/MMM/yyyy:HH:mm:ss Z", Locale.ENGLISH);
    private static final String NOT_FOUND = "{\"message\":\"Not Found\"}";
    private static final String INTERNAL_ERROR = "{\"message\":\"Internal Server Error\"}";

    private final HttpServer server;
    private final ExecutorService executor;
    private final List<ApiRoute> routes;
    private final RequestHandler<APIGatewayV2HTTPEvent, APIGatewayV2HTTPResponse> handler;
    private final Supplier<Context> contexts;
    private final Consumer<String> log;

    public HttpApiServer(InetSocketAddress address, List<ApiRoute> routes,
                         RequestHandler<APIGatewayV2HTTPEvent, APIGatewayV2HTTPResponse> handler,
                         Supplier<Context> contexts, Consumer<String> log) throws IOException {
        this.routes = List.copyOf(routes);
        this.handler = handler;
        this.contexts = contexts;
        this.log = log;
        try {
            this.server = HttpServer.create(address, 0);
        } catch (java.net.BindException e) {
            throw new java.net.BindException("cannot serve the API on " + address.getHostString() + ":" + address.getPort()
                    + " (" + e.getMessage() + "); choose another port with --api-port");
        }
        this.executor = Executors.newFixedThreadPool(4);
        server.setExecutor(executor);
        server.createContext("/", this::serve);
    }

    public void start() {
        server.start();
    }

    public int port() {
        return server.getAddress().getPort();
    }

    private void serve(HttpExchange exchange) throws IOException {
        try (exchange) {
            String rawPath = exchange.getRequestURI().getRawPath();
            String method = exchange.getRequestMethod();
            for (ApiRoute route : routes) {
                Optional<Map<String, String>> parameters = route.match(method, rawPath);
                if (parameters.isPresent()) {
                    respond(exchange, invoke(exchange, route, parameters.get()));
                    return;
                }
            }
            write(exchange, 404, Map.of("content-type", "application/json"), NOT_FOUND.getBytes(StandardCharsets.UTF_8));
        }
    }

    private APIGatewayV2HTTPResponse invoke(HttpExchange exchange, ApiRoute route, Map<String, String> pathParameters)
            throws IOException {
        try {
            return handler.handleRequest(event(exchange, route, pathParameters), contexts.get());
        } catch (RuntimeException e) {
            log.accept("api: the function failed on " + route.routeKey() + ": " + e);
            return null;
        }
    }

    /** The payload 2.0 event API Gateway builds for a request. */
    static APIGatewayV2HTTPEvent event(HttpExchange exchange, ApiRoute route, Map<String, String> pathParameters)
            throws IOException {
        String rawQuery = exchange.getRequestURI().getRawQuery();
        Map<String, String> headers = new LinkedHashMap<>();
        List<String> cookies = new ArrayList<>();
        exchange.getRequestHeaders().forEach((name, values) -> {
            String key = name.toLowerCase(Locale.ROOT);
            if (key.equals("cookie")) {
                values.forEach(v -> cookies.addAll(List.of(v.split(";\\s*"))));
            } else {
                headers.put(key, String.join(",", values));
            }
        });
        // API Gateway adds these for the function; a client cannot set them.
        String sourceIp = exchange.getRemoteAddress().getAddress().getHostAddress();
        headers.put("x-forwarded-for", sourceIp);
        headers.put("x-forwarded-proto", "http");
        headers.put("x-forwarded-port", String.valueOf(exchange.getLocalAddress().getPort()));
        byte[] body;
        try (InputStream in = exchange.getRequestBody()) {
            body = in.readAllBytes();
        }
        ZonedDateTime now = ZonedDateTime.now(ZoneOffset.UTC);
        String host = headers.getOrDefault("host", "127.0.0.1");
        return APIGatewayV2HTTPEvent.builder()
                .withVersion("2.0")
                .withRouteKey(route.routeKey())
                .withRawPath(exchange.getRequestURI().getRawPath())
                .withRawQueryString(rawQuery == null ? "" : rawQuery)
                .withCookies(cookies.isEmpty() ? null : cookies)
                .withHeaders(headers)
                .withQueryStringParameters(queryParameters(rawQuery))
                .withPathParameters(pathParameters.isEmpty() ? null : pathParameters)
                .withBody(body.length == 0 ? null
                        : isText(headers.get("content-type")) ? new String(body, StandardCharsets.UTF_8)
                        : Base64.getEncoder().encodeToString(body))
                .withIsBase64Encoded(body.length > 0 && !isText(headers.get("content-type")))
                .withRequestContext(APIGatewayV2HTTPEvent.RequestContext.builder()
                        .withAccountId(StackIdentity.LOCAL_ACCOUNT)
                        .withApiId("local")
                        .withDomainName(host)
                        .withDomainPrefix(host.split("[.:]")[0])
                        .withStage("$default")
                        .withRouteKey(route.routeKey())
                        .withRequestId(UUID.randomUUID().toString())
                        .withTime(REQUEST_TIME.format(now))
                        .withTimeEpoch(now.toInstant().toEpochMilli())
                        .withHttp(APIGatewayV2HTTPEvent.RequestContext.Http.builder()
                                .withMethod(exchange.getRequestMethod())
                                .withPath(exchange.getRequestURI().getRawPath())
                                .withProtocol(exchange.getProtocol())
                                .withSourceIp(sourceIp)
                                .withUserAgent(headers.getOrDefault("user-agent", ""))
                                .build())
                        .build())
                .build();
    }

    /** API Gateway passes text bodies as they are and base64-encodes the others. */
    private static boolean isText(String contentType) {
        if (contentType == null) {
            return false;
        }
        String type = contentType.toLowerCase(Locale.ROOT);
        return type.startsWith("text/") || type.contains("json") || type.contains("xml")
                || type.startsWith("application/x-www-form-urlencoded");
    }

    /** Decoded query parameters; repeated names are joined with commas, as API Gateway does. */
    static Map<String, String> queryParameters(String rawQuery) {
        if (rawQuery == null || rawQuery.isEmpty()) {
            return null;
        }
        Map<String, String> parameters = new LinkedHashMap<>();
        for (String pair : rawQuery.split("&")) {
            if (pair.isEmpty()) {
                continue;
            }
            int eq = pair.indexOf('=');
            String name = URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8);
            String value = eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
            parameters.merge(name, value, (a, b) -> a + "," + b);
        }
        return parameters;
    }

    private static void respond(HttpExchange exchange, APIGatewayV2HTTPResponse response) throws IOException {
        if (response == null || response.getStatusCode() < 100 || response.getStatusCode() > 599) {
            write(exchange, 500, Map.of("content-type", "application/json"), INTERNAL_ERROR.getBytes(StandardCharsets.UTF_8));
            return;
        }
        Map<String, String> headers = new LinkedHashMap<>();
        if (response.getHeaders() != null) {
            headers.putAll(response.getHeaders());
        }
        if (response.getMultiValueHeaders() != null) {
            response.getMultiValueHeaders().forEach((name, values) -> headers.put(name, String.join(",", values)));
        }
        headers.putIfAbsent("content-type", "application/json");
        String body = response.getBody() == null ? "" : response.getBody();
        byte[] bytes = response.getIsBase64Encoded() ? Base64.getDecoder().decode(body) : body.getBytes(StandardCharsets.UTF_8);
        if (response.getCookies() != null) {
            response.getCookies().forEach(cookie -> exchange.getResponseHeaders().add("set-cookie", cookie));
        }
        write(exchange, response.getStatusCode(), headers, bytes);
    }

    private static void write(HttpExchange exchange, int status, Map<String, String> headers, byte[] body) throws IOException {
        headers.forEach((name, value) -> exchange.getResponseHeaders().set(name, value));
        boolean empty = body.length == 0 || exchange.getRequestMethod().equals("HEAD");
        exchange.sendResponseHeaders(status, empty ? -1 : body.length);
        if (!empty) {
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        }
    }

    @Override
    public void close() {
        server.stop(1);
        executor.shutdownNow();
    }
}
