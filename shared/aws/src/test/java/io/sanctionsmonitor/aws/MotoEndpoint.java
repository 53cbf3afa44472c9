package io.sanctionsmonitor.aws;

import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.net.HttpURLConnection;
import java.net.URI;
import java.util.UUID;

/** Where the tests' moto_server listens (system property {@code moto.endpoint}); fails loudly when it is down. */
public final class MotoEndpoint {
    private MotoEndpoint() {}

    public static URI uri() {
        URI endpoint = URI.create(System.getProperty("moto.endpoint", "http://127.0.0.1:5000"));
        try {
            HttpURLConnection connection = (HttpURLConnection) endpoint.resolve("/moto-api/").toURL().openConnection();
            connection.setConnectTimeout(2000);
            connection.setReadTimeout(5000);
            connection.getResponseCode();
            connection.disconnect();
        } catch (IOException e) {
            fail("moto_server is not reachable at " + endpoint + ": run the tests with bin/test, which starts it, "
                    + "or start it yourself with `moto_server -H 127.0.0.1 -p 5000`");
        }
        return endpoint;
    }

    /** A resource name no other test run on the same moto_server uses. */
    public static String uniqueName(String prefix) {
        return prefix + "-" + UUID.randomUUID().toString().substring(0, 12);
    }
}
