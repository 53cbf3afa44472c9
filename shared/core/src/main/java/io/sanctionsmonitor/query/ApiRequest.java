package io.sanctionsmonitor.query;

import java.util.List;
import java.util.Map;

/**
 * An HTTP request as the API logic sees it: method, path without stage, and decoded query parameters, each
 * with every value it was given (so a repeated parameter can be refused).
 */
public record ApiRequest(String method, String path, Map<String, List<String>> query) {
    public ApiRequest {
        query = query == null ? Map.of() : Map.copyOf(query);
    }

    public static ApiRequest get(String path, Map<String, List<String>> query) {
        return new ApiRequest("GET", path, query);
    }
}
