package io.sanctionsmonitor.processor;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.sanctionsmonitor.ingest.ObjectRef;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class S3NotificationsTest {
    private final S3Notifications notifications = new S3Notifications();

    @ParameterizedTest
    @CsvSource({
        "reports/plain.txt, reports/plain.txt",
        "reports/two+words.txt, reports/two words.txt",
        "reports/a%2Bb.txt, reports/a+b.txt",
        "reports/%D0%BE%D1%82%D1%87%D1%91%D1%82.pdf, reports/отчёт.pdf",
        "reports/100%25+sure.txt, reports/100% sure.txt"
    })
    void decodesKeysAsS3EncodesThem(String raw, String decoded) {
        assertEquals(decoded, S3Notifications.decodeKey(raw));
    }

    @Test
    void readsCreatedAndRemovedRecordsAndSkipsOthers() throws Exception {
        String body = """
            {"Records": [
              {"eventName": "ObjectCreated:Put", "s3": {"bucket": {"name": "b"}, "object": {"key": "reports/x+y.txt", "versionId": "v7"}}},
              {"eventName": "ObjectRestore:Completed", "s3": {"bucket": {"name": "b"}, "object": {"key": "reports/z.txt"}}},
              {"eventName": "ObjectRemoved:Delete", "s3": {"bucket": {"name": "b"}, "object": {"key": "reports/z.txt"}}}
            ]}""";

        List<S3ObjectEvent> events = notifications.parse(body);

        assertEquals(List.of(
                new S3ObjectEvent(S3ObjectEvent.Kind.CREATED, new ObjectRef("b", "reports/x y.txt", "v7")),
                new S3ObjectEvent(S3ObjectEvent.Kind.REMOVED, new ObjectRef("b", "reports/z.txt", null))), events);
    }

    @Test
    void theTestEventS3SendsOnSetupHasNoObjectEvents() throws Exception {
        assertEquals(List.of(), notifications.parse("{\"Service\":\"Amazon S3\",\"Event\":\"s3:TestEvent\"}"));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "not json at all|message body is not JSON",
        "[1,2]|message body is not a JSON object",
        "{\"Records\": 5}|message body has no Records array",
        "{\"Records\": [{\"eventName\": \"ObjectCreated:Put\", \"s3\": {}}]}|record has no bucket name or object key"
    })
    void rejectsBodiesThatAreNotS3Notifications(String body, String reason) {
        MalformedNotificationException e = assertThrows(MalformedNotificationException.class, () -> notifications.parse(body));
        assertEquals(reason, e.getMessage());
    }
}
