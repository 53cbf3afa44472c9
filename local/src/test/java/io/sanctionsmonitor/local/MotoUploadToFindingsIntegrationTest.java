package io.sanctionsmonitor.local;

import java.net.URI;

/** The end-to-end scenario against moto_server (S3 notifications into SQS included). */
class MotoUploadToFindingsIntegrationTest extends UploadToFindingsScenario {
    private static final URI MOTO = URI.create(System.getProperty("moto.endpoint", "http://127.0.0.1:5000"));

    @Override
    URI endpoint() {
        if (!MotoServer.isUp(MOTO)) {
            throw new AssertionError("moto_server is not reachable at " + MOTO
                    + "; start it with: moto_server -H 127.0.0.1 -p 5000 (bin/test does this)");
        }
        return MOTO;
    }
}
