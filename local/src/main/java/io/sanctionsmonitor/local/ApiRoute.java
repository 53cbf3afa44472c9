package io.sanctionsmonitor.local;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * One HTTP API route, {@code "GET /documents/{id}/findings"}: matches request paths the way API Gateway does,
 * a {@code {name}} segment matching one non-empty path segment and a trailing {@code {name+}} the rest.
 */
public record ApiRoute(String method, String path) {

    public static ApiRoute parse(String routeKey) {
        String[] parts = routeKey.trim().split(" ", 2);
        if (parts.length != 2 || !parts[1].startsWith("/")) {
            throw new IllegalArgumentException("route key must be 'METHOD /path', got: " + routeKey);
        }
        return new ApiRoute(parts[0], parts[1]);
    }

    public String routeKey() {
        return method + " " + path;
    }

    /** The path parameters when this route matches, URL-decoded. */
    public Optional<Map<String, String>> match(String requestMethod, String rawPath) {
        if (!method.equals("ANY") && !method.equalsIgnoreCase(requestMethod)) {
            return Optional.empty();
        }
        String[] pattern = path.substring(1).split("/", -1);
        String[] actual = rawPath.startsWith("/") ? rawPath.substring(1).split("/", -1) : new String[] {""};
        Map<String, String> parameters = new LinkedHashMap<>();
        for (int i = 0; i < pattern.length; i++) {
            String segment = pattern[i];
            if (segment.startsWith("{") && segment.endsWith("+}")) {
                if (i >= actual.length) {
                    return Optional.empty();
                }
                String rest = String.join("/", java.util.Arrays.copyOfRange(actual, i, actual.length));
                parameters.put(segment.substring(1, segment.length() - 2), decode(rest));
                return Optional.of(parameters);
            }
            if (i >= actual.length) {
                return Optional.empty();
            }
            if (segment.startsWith("{") && segment.endsWith("}")) {
                if (actual[i].isEmpty()) {
                    return Optional.empty();
                }
                parameters.put(segment.substring(1, segment.length() - 1), decode(actual[i]));
            } else if (!segment.equals(actual[i])) {
                return Optional.empty();
            }
        }
        return pattern.length == actual.length ? Optional.of(parameters) : Optional.empty();
    }

    private static String decode(String segment) {
        // Path segments use %20 for spaces; a '+' is a literal plus, unlike in query strings.
        return URLDecoder.decode(segment.replace("+", "%2B"), StandardCharsets.UTF_8);
    }
}
