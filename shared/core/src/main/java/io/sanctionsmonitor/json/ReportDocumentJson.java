package io.sanctionsmonitor.json;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import io.sanctionsmonitor.model.DocumentStatus;
import io.sanctionsmonitor.model.ReportDocument;
import java.io.IOException;

/**
 * A {@link ReportDocument}'s JSON, byte for byte what databind makes of the record (component order, null fields
 * left out), and read back; unknown fields are ignored.
 */
public final class ReportDocumentJson {

    private ReportDocumentJson() {}

    public static String toJson(ReportDocument document) {
        return Json.write(g -> write(g, document));
    }

    public static ReportDocument fromJson(String json) throws IOException {
        return Json.read(json, ReportDocumentJson::read);
    }

    public static void write(JsonGenerator g, ReportDocument d) throws IOException {
        g.writeStartObject();
        text(g, "id", d.id());
        text(g, "bucket", d.bucket());
        text(g, "key", d.key());
        text(g, "version", d.version());
        if (d.size() != null) {
            g.writeNumberField("size", d.size().longValue());
        }
        text(g, "format", d.format());
        text(g, "title", d.title());
        text(g, "published", d.published());
        text(g, "publisher", d.publisher());
        text(g, "language", d.language());
        text(g, "status", d.status() == null ? null : d.status().name());
        text(g, "error", d.error());
        if (d.findingCount() != null) {
            g.writeNumberField("finding_count", d.findingCount().intValue());
        }
        text(g, "updated_at", d.updatedAt());
        g.writeEndObject();
    }

    private static void text(JsonGenerator g, String field, String value) throws IOException {
        if (value != null) {
            g.writeStringField(field, value);
        }
    }

    public static ReportDocument read(JsonParser p) throws IOException {
        DocumentFields d = new DocumentFields();
        Json.readObject(p, (name, q) -> {
            switch (name) {
                case "id" -> d.id = Json.text(q);
                case "bucket" -> d.bucket = Json.text(q);
                case "key" -> d.key = Json.text(q);
                case "version" -> d.version = Json.text(q);
                case "size" -> d.size = q.currentToken() == JsonToken.VALUE_NULL ? null : q.getValueAsLong();
                case "format" -> d.format = Json.text(q);
                case "title" -> d.title = Json.text(q);
                case "published" -> d.published = Json.text(q);
                case "publisher" -> d.publisher = Json.text(q);
                case "language" -> d.language = Json.text(q);
                case "status" -> d.status = Json.enumByName(q, DocumentStatus.class);
                case "error" -> d.error = Json.text(q);
                case "finding_count" -> d.findingCount = q.currentToken() == JsonToken.VALUE_NULL ? null : q.getValueAsInt();
                case "updated_at" -> d.updatedAt = Json.text(q);
                default -> q.skipChildren();
            }
        });
        return new ReportDocument(d.id, d.bucket, d.key, d.version, d.size, d.format, d.title, d.published,
                d.publisher, d.language, d.status, d.error, d.findingCount, d.updatedAt);
    }

    /** The fields read so far. */
    private static final class DocumentFields {
        String id;
        String bucket;
        String key;
        String version;
        Long size;
        String format;
        String title;
        String published;
        String publisher;
        String language;
        DocumentStatus status;
        String error;
        Integer findingCount;
        String updatedAt;
    }
}
