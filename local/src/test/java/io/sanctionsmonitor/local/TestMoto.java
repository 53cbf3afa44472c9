package io.sanctionsmonitor.local;

import java.net.URI;

/** The moto_server the integration tests use (system property {@code moto.endpoint}, set by the parent pom). */
final class TestMoto {
    static final URI ENDPOINT = URI.create(System.getProperty("moto.endpoint", "http://127.0.0.1:5000"));

    private TestMoto() {}

    /** The endpoint, after failing the test with how to start moto when it does not answer. */
    static URI requireUp() {
        if (!MotoServer.isUp(ENDPOINT)) {
            throw new AssertionError("moto_server is not reachable at " + ENDPOINT
                    + "; start it with: moto_server -H 127.0.0.1 -p 5000 (bin/test does this)");
        }
        return ENDPOINT;
    }
}
