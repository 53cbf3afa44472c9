package io.sanctionsmonitor.local;

import java.net.URI;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.testcontainers.junit.jupiter.Testcontainers;
import org.testcontainers.localstack.LocalStackContainer;
import org.testcontainers.utility.DockerImageName;

/**
 * The same end-to-end scenario against LocalStack in a container, where Docker is available; skipped otherwise.
 * The image is pinned to a 4.x release from before LocalStack required an auth token (March 2026).
 */
@Testcontainers(disabledWithoutDocker = true)
class LocalStackUploadToFindingsIntegrationTest extends UploadToFindingsScenario {
    static final DockerImageName IMAGE = DockerImageName.parse("localstack/localstack:4.4.0");

    private static LocalStackContainer localstack;

    @BeforeAll
    static void startLocalStack() {
        localstack = new LocalStackContainer(IMAGE).withServices("s3", "sqs", "dynamodb");
        localstack.start();
    }

    @AfterAll
    static void stopLocalStack() {
        if (localstack != null) {
            localstack.stop();
        }
    }

    @Override
    URI endpoint() {
        return localstack.getEndpoint();
    }
}
