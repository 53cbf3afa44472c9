package io.sanctionsmonitor.api;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import io.sanctionsmonitor.query.ApiRequest;
import io.sanctionsmonitor.query.ApiResponse;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Translates between HTTP API (payload 2.0) events and the query core's {@link ApiRequest} and {@link ApiResponse}. */
final class HttpEvents {

    private HttpEvents() {}

    /** The core's answer as an HTTP API (payload 2.0) response: never cached, never content-sniffed by a browser. */
    static APIGatewayV2HTTPResponse response(ApiResponse response) {
        return APIGatewayV2HTTPResponse.builder()
                .withStatusCode(response.status())
                .withHeaders(Map.of("content-type", response.contentType(), "cache-control", "no-store",
                        "x-content-type-options", "nosniff"))
                .withBody(response.body())
                .withIsBase64Encoded(false)
                .build();
    }

    static ApiRequest request(APIGatewayV2HTTPEvent event) {
        String method = "GET";
        String stage = null;
        String path = event.getRawPath();
        if (event.getRequestContext() != null) {
            stage = event.getRequestContext().getStage();
            if (event.getRequestContext().getHttp() != null) {
                method = event.getRequestContext().getHttp().getMethod();
                if (path == null) {
                    path = event.getRequestContext().getHttp().getPath();
                }
            }
        }
        if (path != null && stage != null && !stage.equals("$default") && path.startsWith("/" + stage + "/")) {
            path = path.substring(stage.length() + 1);
        }
        return new ApiRequest(method, path, query(event));
    }

    /**
     * Parameters from the raw query string, so a repeated parameter stays visible (queryStringParameters joins
     * repeats with commas); the map is the fallback for events without a raw string.
     */
    static Map<String, List<String>> query(APIGatewayV2HTTPEvent event) {
        Map<String, List<String>> query = new LinkedHashMap<>();
        String raw = event.getRawQueryString();
        if (raw != null && !raw.isEmpty()) {
            for (String pair : raw.split("&")) {
                if (pair.isEmpty()) {
                    continue;
                }
                int eq = pair.indexOf('=');
                String name = decode(eq < 0 ? pair : pair.substring(0, eq));
                String value = eq < 0 ? "" : decode(pair.substring(eq + 1));
                query.computeIfAbsent(name, k -> new ArrayList<>()).add(value);
            }
        } else if (event.getQueryStringParameters() != null) {
            event.getQueryStringParameters().forEach((k, v) -> {
                if (k != null) {
                    query.put(k, List.of(v == null ? "" : v)); // "?name" without a value is an empty value
                }
            });
        }
        return query;
    }

    private static String decode(String text) {
        try {
            return URLDecoder.decode(text, StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            return text; // a stray '%' is kept as typed, and then refused by validation if it matters
        }
    }
}
