package io.sanctionsmonitor.api;

import io.sanctionsmonitor.json.Json;
import io.sanctionsmonitor.query.ApiRequest;
import io.sanctionsmonitor.query.ApiResponse;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Consumer;
import java.util.regex.Pattern;

/**
 * One JSON line per request: ids, route template, status, duration, result count and the filters used. Values of
 * filters with a closed form (category, states, certainty, status, dates, limit, document id) are logged once the
 * request was served, since validation has proved them to be codes; free text ({@code item}, {@code source}) is
 * logged by its length only, because a search term can reveal what an analyst investigates or carry pasted report
 * text, and the cursor by its presence. A refused request logs the known parameter names it used; unknown names
 * are caller text and only counted.
 */
final class ApiAccessLog {

    private static final Set<String> CODED = Set.of("category", "country", "from", "to", "certainty", "status", "since",
            "until", "limit", "document");
    private static final Set<String> FREE_TEXT = Set.of("item", "source");
    private static final int MAX_VALUE_LENGTH = 40;
    private static final Pattern FINDING = Pattern.compile("/findings/[^/]+");
    private static final Pattern DOCUMENT = Pattern.compile("/documents/[^/]+");
    private static final Pattern DOCUMENT_FINDINGS = Pattern.compile("/documents/[^/]+/findings");
    private static final Set<String> FIXED_ROUTES = Set.of("/findings", "/incidents", "/documents", "/stats", "/openapi.json");

    private final Consumer<String> sink;

    ApiAccessLog(Consumer<String> sink) {
        this.sink = sink;
    }

    void request(String requestId, String apiRequestId, ApiRequest request, ApiResponse response, String error, long nanos) {
        Map<String, Object> line = new LinkedHashMap<>();
        line.put("level", response.status() >= 500 ? "ERROR" : response.status() >= 400 ? "WARN" : "INFO");
        line.put("event", "api.request");
        line.put("request_id", requestId);
        if (apiRequestId != null) {
            line.put("api_request_id", apiRequestId);
        }
        line.put("method", request == null ? null : clip(String.valueOf(request.method())));
        line.put("route", request == null ? "unknown" : route(request.path()));
        line.put("status", response.status());
        line.put("duration_ms", nanos / 1_000_000);
        if (response.status() == 200) {
            line.put("result_count", resultCount(response.body()));
        }
        if (request != null && !request.query().isEmpty()) {
            line.put("parameters", parameters(request.query(), response.status() == 200));
        }
        if (error != null) {
            line.put("error", error);
        }
        sink.accept(Json.write(g -> Json.writeValue(g, line)));
    }

    /** The route template a path was served by (ids replaced), never the path itself. */
    static String route(String path) {
        if (path == null || path.isEmpty()) {
            return "/";
        }
        String p = path.startsWith("/") ? path : "/" + path;
        p = p.length() > 1 && p.endsWith("/") ? p.substring(0, p.length() - 1) : p;
        if (FIXED_ROUTES.contains(p)) {
            return p;
        }
        if (DOCUMENT_FINDINGS.matcher(p).matches()) {
            return "/documents/{id}/findings";
        }
        if (FINDING.matcher(p).matches()) {
            return "/findings/{id}";
        }
        if (DOCUMENT.matcher(p).matches()) {
            return "/documents/{id}";
        }
        return "unrouted";
    }

    private static Map<String, Object> parameters(Map<String, List<String>> query, boolean served) {
        Map<String, Object> logged = new TreeMap<>();
        int unknown = 0;
        for (Map.Entry<String, List<String>> p : query.entrySet()) {
            String name = p.getKey();
            String value = p.getValue().isEmpty() ? "" : p.getValue().get(0);
            if (served && CODED.contains(name)) {
                logged.put(name, clip(value.strip()));
            } else if (served && FREE_TEXT.contains(name)) {
                logged.put(name + "_length", value.length());
            } else if (CODED.contains(name) || FREE_TEXT.contains(name) || name.equals("cursor")) {
                logged.put(name, true);
            } else {
                unknown++; // an unknown name is caller text: counted, not logged
            }
        }
        if (unknown > 0) {
            logged.put("unknown_count", unknown);
        }
        return logged;
    }

    private static int resultCount(String body) {
        try {
            Object tree = Json.read(body, Json::value);
            return tree instanceof Map<?, ?> map && map.get("items") instanceof List<?> items ? items.size() : 1;
        } catch (IOException e) {
            return 0;
        }
    }

    private static String clip(String text) {
        return text.length() <= MAX_VALUE_LENGTH ? text : text.substring(0, MAX_VALUE_LENGTH) + "...";
    }
}
