package io.sanctionsmonitor.processor;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.sanctionsmonitor.ingest.ObjectRef;
import java.io.IOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/** Reads the S3 event notification JSON that S3 puts in an SQS message body. */
final class S3Notifications {
    private final ObjectMapper json;

    S3Notifications(ObjectMapper json) {
        this.json = json;
    }

    /**
     * The object events in a message body; none for the {@code s3:TestEvent} S3 sends when notifications are
     * configured, and none for event kinds other than ObjectCreated and ObjectRemoved.
     *
     * @throws MalformedNotificationException when the body is not an S3 event notification
     */
    List<S3ObjectEvent> parse(String body) throws MalformedNotificationException {
        JsonNode root;
        try {
            root = json.readTree(body == null ? "" : body);
        } catch (IOException e) {
            throw new MalformedNotificationException("message body is not JSON");
        }
        if (root == null || !root.isObject()) {
            throw new MalformedNotificationException("message body is not a JSON object");
        }
        if ("s3:TestEvent".equals(root.path("Event").asText())) {
            return List.of();
        }
        JsonNode records = root.get("Records");
        if (records == null || !records.isArray()) {
            throw new MalformedNotificationException("message body has no Records array");
        }
        List<S3ObjectEvent> events = new ArrayList<>();
        for (JsonNode record : records) {
            String name = record.path("eventName").asText("");
            S3ObjectEvent.Kind kind = name.startsWith("ObjectCreated") ? S3ObjectEvent.Kind.CREATED
                    : name.startsWith("ObjectRemoved") ? S3ObjectEvent.Kind.REMOVED : null;
            if (kind == null) {
                continue;
            }
            JsonNode s3 = record.path("s3");
            String bucket = s3.path("bucket").path("name").asText("");
            String rawKey = s3.path("object").path("key").asText("");
            if (bucket.isEmpty() || rawKey.isEmpty()) {
                throw new MalformedNotificationException("record has no bucket name or object key");
            }
            JsonNode versionId = s3.path("object").get("versionId");
            String version = versionId == null || versionId.isNull() ? null : versionId.asText();
            events.add(new S3ObjectEvent(kind, new ObjectRef(bucket, decodeKey(rawKey), version)));
        }
        return events;
    }

    /** S3 URL-encodes keys in notifications: a space arrives as '+', a real '+' as "%2B". */
    static String decodeKey(String rawKey) {
        return URLDecoder.decode(rawKey, StandardCharsets.UTF_8);
    }
}
