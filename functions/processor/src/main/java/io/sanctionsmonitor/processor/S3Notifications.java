package io.sanctionsmonitor.processor;

import io.sanctionsmonitor.ingest.ObjectRef;
import io.sanctionsmonitor.json.Json;
import java.io.IOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Reads the S3 event notification JSON that S3 puts in an SQS message body. */
final class S3Notifications {

    /**
     * The object events in a message body; none for the {@code s3:TestEvent} S3 sends when notifications are
     * configured, and none for event kinds other than ObjectCreated and ObjectRemoved.
     *
     * @throws MalformedNotificationException when the body is not an S3 event notification
     */
    List<S3ObjectEvent> parse(String body) throws MalformedNotificationException {
        Object root;
        try {
            root = body == null || body.isBlank() ? null : Json.read(body, Json::value);
        } catch (IOException e) {
            throw new MalformedNotificationException("message body is not JSON");
        }
        if (!(root instanceof Map<?, ?> notification)) {
            throw new MalformedNotificationException("message body is not a JSON object");
        }
        if ("s3:TestEvent".equals(notification.get("Event"))) {
            return List.of();
        }
        if (!(notification.get("Records") instanceof List<?> records)) {
            throw new MalformedNotificationException("message body has no Records array");
        }
        List<S3ObjectEvent> events = new ArrayList<>();
        for (Object record : records) {
            String name = text(field(record, "eventName"), "");
            S3ObjectEvent.Kind kind = name.startsWith("ObjectCreated") ? S3ObjectEvent.Kind.CREATED
                    : name.startsWith("ObjectRemoved") ? S3ObjectEvent.Kind.REMOVED : null;
            if (kind == null) {
                continue;
            }
            Object s3 = field(record, "s3");
            String bucket = text(field(field(s3, "bucket"), "name"), "");
            Object object = field(s3, "object");
            String rawKey = text(field(object, "key"), "");
            if (bucket.isEmpty() || rawKey.isEmpty()) {
                throw new MalformedNotificationException("record has no bucket name or object key");
            }
            String version = text(field(object, "versionId"), null);
            events.add(new S3ObjectEvent(kind, new ObjectRef(bucket, decodeKey(rawKey), version)));
        }
        return events;
    }

    /** A field of a JSON object; null when absent or when {@code node} is not an object. */
    private static Object field(Object node, String name) {
        return node instanceof Map<?, ?> map ? map.get(name) : null;
    }

    /** A scalar's text; {@code otherwise} for null, an object or an array. */
    private static String text(Object value, String otherwise) {
        return value instanceof String || value instanceof Number || value instanceof Boolean
                ? value.toString() : otherwise;
    }

    /** S3 URL-encodes keys in notifications: a space arrives as '+', a real '+' as "%2B". */
    static String decodeKey(String rawKey) {
        return URLDecoder.decode(rawKey, StandardCharsets.UTF_8);
    }
}
