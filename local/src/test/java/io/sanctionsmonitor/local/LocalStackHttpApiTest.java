package io.sanctionsmonitor.local;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import java.io.PrintStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The local HTTP API turns requests into payload 2.0 events on the template's routes, as API Gateway does. */
class LocalStackHttpApiTest {
    private final AtomicReference<APIGatewayV2HTTPEvent> received = new AtomicReference<>();
    private final HttpClient http = HttpClient.newHttpClient();
    private HttpApiServer server;

    @AfterEach
    void stop() {
        if (server != null) {
            server.close();
        }
        http.close();
    }

    @Test
    void routesComeFromTheTemplate() {
        CloudFormationTemplate template = CloudFormationTemplate.read(TemplateFiles.template());
        List<String> routes = LocalStack.apiRoutes(template, new IntrinsicResolver(template, StackIdentity.local("routes"), Map.of()))
                .stream().map(ApiRoute::routeKey).toList();
        assertEquals(List.of("GET /findings", "GET /findings/{id}", "GET /incidents", "GET /documents", "GET /documents/{id}",
                "GET /documents/{id}/findings", "GET /stats", "GET /openapi.json"), routes);
    }

    @Test
    void requestBecomesAPayload2EventAndTheResponseIsWrittenBack() throws Exception {
        start((event, context) -> {
            received.set(event);
            return APIGatewayV2HTTPResponse.builder().withStatusCode(200)
                    .withHeaders(Map.of("content-type", "application/json", "x-next", "abc"))
                    .withBody("{\"items\":[]}").build();
        });
        HttpResponse<String> response = get("/documents/doc%20one%2B2/findings?category=arms&country=PRK&country=CHN&q=a+b");

        assertEquals(200, response.statusCode());
        assertEquals("{\"items\":[]}", response.body());
        assertEquals("abc", response.headers().firstValue("x-next").orElseThrow());
        APIGatewayV2HTTPEvent event = received.get();
        assertEquals("2.0", event.getVersion());
        assertEquals("GET /documents/{id}/findings", event.getRouteKey());
        assertEquals("/documents/doc%20one%2B2/findings", event.getRawPath());
        assertEquals("category=arms&country=PRK&country=CHN&q=a+b", event.getRawQueryString());
        assertEquals(Map.of("category", "arms", "country", "PRK,CHN", "q", "a b"), event.getQueryStringParameters());
        assertEquals(Map.of("id", "doc one+2"), event.getPathParameters());
        assertEquals("GET", event.getRequestContext().getHttp().getMethod());
        assertEquals("$default", event.getRequestContext().getStage());
        assertTrue(event.getHeaders().containsKey("host"), "header names are lower case: " + event.getHeaders().keySet());
        assertNull(event.getBody());
    }

    @Test
    void pathsOnNoRouteGetApiGatewaysNotFound() throws Exception {
        start((event, context) -> {
            received.set(event);
            return APIGatewayV2HTTPResponse.builder().withStatusCode(200).build();
        });
        assertEquals(404, get("/nowhere").statusCode());
        assertEquals(404, get("/documents/").statusCode());
        assertEquals(404, get("/findings/a/b").statusCode());
        assertNull(received.get());
    }

    @Test
    void aFailingFunctionIsAnInternalServerError() throws Exception {
        start((event, context) -> {
            throw new IllegalStateException("boom");
        });
        HttpResponse<String> response = get("/stats");
        assertEquals(500, response.statusCode());
        assertEquals("{\"message\":\"Internal Server Error\"}", response.body());
    }

    private void start(com.amazonaws.services.lambda.runtime.RequestHandler<APIGatewayV2HTTPEvent, APIGatewayV2HTTPResponse> handler)
            throws Exception {
        CloudFormationTemplate template = CloudFormationTemplate.read(TemplateFiles.template());
        List<ApiRoute> routes = LocalStack.apiRoutes(template, new IntrinsicResolver(template, StackIdentity.local("routes"), Map.of()));
        PrintStream quiet = new PrintStream(OutputStream.nullOutputStream());
        server = new HttpApiServer(new InetSocketAddress("127.0.0.1", 0), routes, handler,
                () -> new LocalLambdaContext("api", 1024, 10, quiet), line -> { });
        server.start();
    }

    private HttpResponse<String> get(String pathAndQuery) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port() + pathAndQuery)).GET().build(),
                HttpResponse.BodyHandlers.ofString());
    }
}
