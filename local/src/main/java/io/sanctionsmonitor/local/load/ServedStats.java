package io.sanctionsmonitor.local.load;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.sanctionsmonitor.api.ApiHandler;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Map;
import java.util.TreeMap;

/** Asks the API function (through its Lambda handler, as API Gateway would) for /stats and other GET routes. */
public final class ServedStats {
    private static final ObjectMapper JSON = new ObjectMapper();

    private final ApiHandler api;

    public ServedStats(ApiHandler api) {
        this.api = api;
    }

    /** GET path?query through the handler; fails unless it answers 200. */
    public JsonNode get(String path, String rawQuery) {
        APIGatewayV2HTTPEvent event = APIGatewayV2HTTPEvent.builder()
                .withRawPath(path)
                .withRawQueryString(rawQuery == null ? "" : rawQuery)
                .withRequestContext(APIGatewayV2HTTPEvent.RequestContext.builder().withStage("$default")
                        .withHttp(APIGatewayV2HTTPEvent.RequestContext.Http.builder().withMethod("GET").withPath(path).build())
                        .build())
                .build();
        APIGatewayV2HTTPResponse response = api.handleRequest(event, new LoggingContext("api", line -> { }));
        if (response.getStatusCode() != 200) {
            throw new IllegalStateException("GET " + path + " answered " + response.getStatusCode() + ": " + response.getBody());
        }
        try {
            return JSON.readTree(response.getBody());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public JsonNode stats() {
        return get("/stats", null);
    }

    /** The total of findings /stats serves. */
    public long findings() {
        return stats().path("findings").asLong();
    }

    public static Map<String, Long> counts(JsonNode object) {
        Map<String, Long> counts = new TreeMap<>();
        object.properties().forEach(e -> counts.put(e.getKey(), e.getValue().asLong()));
        return counts;
    }
}
