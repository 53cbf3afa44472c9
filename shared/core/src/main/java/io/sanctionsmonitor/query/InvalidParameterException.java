package io.sanctionsmonitor.query;

import java.util.List;

/** A query parameter that cannot be served as given; the API answers it with a 400 problem. */
public class InvalidParameterException extends RuntimeException {
    private final String parameter;
    private final List<String> allowed;

    public InvalidParameterException(String parameter, String detail, List<String> allowed) {
        super(detail);
        this.parameter = parameter;
        this.allowed = List.copyOf(allowed);
    }

    public Problem problem() {
        return Problem.invalidParameter(parameter, getMessage(), allowed);
    }
}
