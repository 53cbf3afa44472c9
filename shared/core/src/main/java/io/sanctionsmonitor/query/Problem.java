package io.sanctionsmonitor.query;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.util.List;

/**
 * An RFC 9457 problem detail. {@code parameter} names the offending query parameter and {@code allowed}
 * lists its allowed values or form, for 400s about a parameter.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonPropertyOrder({"type", "title", "status", "detail", "instance", "parameter", "allowed"})
public record Problem(String type, String title, int status, String detail, String instance, String parameter,
        List<String> allowed) {

    static final String BASE = "https://sanctions-monitor.example/problems/";

    public static Problem invalidParameter(String parameter, String detail, List<String> allowed) {
        return new Problem(BASE + "invalid-parameter", "Invalid query parameter", 400, detail, null, parameter, allowed);
    }

    public static Problem notFound(String detail) {
        return new Problem(BASE + "not-found", "Not found", 404, detail, null, null, null);
    }

    public static Problem methodNotAllowed(String method) {
        return new Problem(BASE + "method-not-allowed", "Method not allowed", 405,
                "Only GET is served, not " + method + ".", null, null, List.of("GET"));
    }

    public static Problem unavailable() {
        return new Problem(BASE + "unavailable", "Service unavailable", 503,
                "The store could not answer now; retry shortly.", null, null, null);
    }

    public static Problem internal() {
        return new Problem(BASE + "internal", "Internal error", 500, "The request could not be served.", null, null,
                null);
    }

    public Problem at(String path) {
        return new Problem(type, title, status, detail, path, parameter, allowed);
    }
}
