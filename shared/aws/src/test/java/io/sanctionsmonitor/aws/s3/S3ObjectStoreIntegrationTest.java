package io.sanctionsmonitor.aws.s3;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.sanctionsmonitor.aws.AwsClients;
import io.sanctionsmonitor.aws.MotoEndpoint;
import io.sanctionsmonitor.ingest.ObjectRef;
import io.sanctionsmonitor.ingest.StoredObject;
import io.sanctionsmonitor.ingest.TransientFailureException;
import io.sanctionsmonitor.ingest.UnreadableReportException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;

/** The S3 adapter against moto_server's S3, through the real SDK client. */
class S3ObjectStoreIntegrationTest {
    private static S3Client s3;
    private static String bucket;
    private static S3ObjectStore store;

    @BeforeAll
    static void createBucket() {
        s3 = AwsClients.s3(MotoEndpoint.uri());
        bucket = MotoEndpoint.uniqueName("s3-store");
        s3.createBucket(b -> b.bucket(bucket));
        store = new S3ObjectStore(s3);
    }

    private void put(String key, byte[] content) {
        s3.putObject(b -> b.bucket(bucket).key(key), RequestBody.fromBytes(content));
    }

    @Test
    void readsAnObjectWithAUnicodeKeyAndItsVersion() throws UnreadableReportException {
        byte[] content = "Доклад о поставках".getBytes(StandardCharsets.UTF_8);
        put("reports/доклад + notes.txt", content);

        Optional<StoredObject> object = store.read(new ObjectRef(bucket, "reports/доклад + notes.txt", null), 1000);

        assertTrue(object.isPresent());
        assertArrayEquals(content, object.get().content());
        assertNotNull(object.get().version());
    }

    @Test
    void aMissingObjectIsEmptyNotAnError() throws UnreadableReportException {
        ObjectRef ref = new ObjectRef(bucket, "reports/never-uploaded.txt", null);

        assertEquals(Optional.empty(), store.read(ref, 1000));
        assertFalse(store.exists(ref));
    }

    @Test
    void anObjectOverTheLimitIsRefusedWithItsSize() {
        put("reports/big.txt", new byte[2048]);

        UnreadableReportException e = assertThrows(UnreadableReportException.class,
                () -> store.read(new ObjectRef(bucket, "reports/big.txt", null), 1024));

        assertEquals("object is 2048 bytes, over the limit of 1024 bytes", e.getMessage());
    }

    @Test
    void existsSeesUploadedObjects() {
        put("reports/present.txt", new byte[] {1});

        assertTrue(store.exists(new ObjectRef(bucket, "reports/present.txt", null)));
    }

    @Test
    void anUnreachableEndpointIsATransientFailure() {
        try (S3Client nowhere = AwsClients.s3(URI.create("http://127.0.0.1:9"))) {
            S3ObjectStore unreachable = new S3ObjectStore(nowhere);

            assertThrows(TransientFailureException.class,
                    () -> unreachable.read(new ObjectRef(bucket, "reports/present.txt", null), 1024));
        }
    }
}
