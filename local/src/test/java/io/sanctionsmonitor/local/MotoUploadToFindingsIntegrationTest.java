package io.sanctionsmonitor.local;

import java.net.URI;

/** The end-to-end scenario against moto_server (S3 notifications into SQS included). */
class MotoUploadToFindingsIntegrationTest extends UploadToFindingsScenario {

    @Override
    URI endpoint() {
        return TestMoto.requireUp();
    }
}
