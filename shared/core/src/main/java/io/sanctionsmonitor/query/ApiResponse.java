package io.sanctionsmonitor.query;

/** An HTTP response: status, content type and body text. */
public record ApiResponse(int status, String contentType, String body) {

    public static final String JSON = "application/json";
    public static final String PROBLEM_JSON = "application/problem+json";
}
