package io.sanctionsmonitor.aws;

/** The configuration a function reads from the environment its template sets. */
public final class LambdaEnvironment {
    private LambdaEnvironment() {}

    /** The variable's value; fails the cold start with its name when the deployment did not set it. */
    public static String required(String name) {
        String value = System.getenv(name);
        if (value == null || value.isBlank()) {
            throw new IllegalStateException("environment variable " + name + " is not set");
        }
        return value;
    }
}
