package io.sanctionsmonitor.processor;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.amazonaws.services.lambda.runtime.events.SQSEvent;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.sanctionsmonitor.model.DocumentIds;
import io.sanctionsmonitor.model.DocumentStatus;
import io.sanctionsmonitor.testing.InMemoryObjectStore;
import io.sanctionsmonitor.testing.InMemoryStore;
import io.sanctionsmonitor.testing.StandardStreams;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.Test;

/**
 * Runs the processor (real parser and extractor, stores in memory) over reports whose sentences carry made-up
 * marker words, readable and broken ones, and over hostile queue messages, capturing everything it logs: the
 * Lambda logger and System.out/System.err. Every line must be one JSON object with the request id, outcome lines
 * must carry document id, status, count and duration, and no line may carry report text (ids, keys and titles
 * only): the marker words must never appear.
 */
class ProcessorLogContentTest {
    private static final String BUCKET = "reports-bucket";
    private static final ObjectMapper JSON = new ObjectMapper();
    /** Made-up words that occur only in report bodies, never in keys or titles. */
    private static final List<String> MARKERS = List.of("quillwort", "zembrovia", "marrowdale");
    private static final String SENTENCE = "According to the Zembrovia panel, North Korea shipped 12,000 artillery shells "
            + "to Russia aboard the vessel Quillwort in March 2024, paid through Marrowdale accounts.";

    @Test
    void everyLogLineIsOneJsonObjectWithIdsAndNoReportText() throws Exception {
        InMemoryObjectStore objects = new InMemoryObjectStore();
        InMemoryStore store = new InMemoryStore();
        objects.put(BUCKET, "reports/field-update.txt", "Field update\n\n" + SENTENCE + "\n\n" + SENTENCE.replace("2024", "2025"));
        objects.put(BUCKET, "reports/field-update.html", "<html><head><title>Field update</title></head><body><p>" + SENTENCE
                + "</p><p>" + SENTENCE + "</p></body></html>");
        objects.put(BUCKET, "reports/broken.pdf", ("%PDF-1.7\n1 0 obj << /Type /Catalog /Pages " + SENTENCE + " >>\nxref\n0 "
                + SENTENCE + "\ntrailer << /Root " + SENTENCE + " >>\n%%EOF").getBytes(StandardCharsets.ISO_8859_1));
        objects.put(BUCKET, "reports/broken.docx", docx("<w:document xmlns:w=\"http://schemas.openxmlformats.org/"
                + "wordprocessingml/2006/main\"><w:body><w:p><w:t>" + SENTENCE + "</w:p></w:body>"));
        objects.put(BUCKET, "reports/entity.docx", docx("<!DOCTYPE d [<!ENTITY q \"" + SENTENCE + "\">]><w:document>&q;</w:document>"));
        objects.put(BUCKET, "reports/data.xml", "<?xml version=\"1.0\"?><report>" + SENTENCE + "</report>");

        SQSEvent event = new SQSEvent();
        List<SQSEvent.SQSMessage> messages = new ArrayList<>();
        for (String key : List.of("reports/field-update.txt", "reports/field-update.html", "reports/broken.pdf",
                "reports/broken.docx", "reports/entity.docx", "reports/data.xml", "reports/missing.txt")) {
            messages.add(message("m-" + messages.size(), notification("ObjectCreated:Put", key)));
        }
        messages.add(message("m-not-json", SENTENCE));
        messages.add(message("m-no-records", "{\"Quillwort\":\"" + SENTENCE + "\"}"));
        messages.add(message("m-no-key", "{\"Records\":[{\"eventName\":\"ObjectCreated:Put\",\"s3\":{\"bucket\":{\"name\":\""
                + SENTENCE + "\"}}}]}"));
        event.setRecords(messages);

        TestContext context = new TestContext();
        ProcessorHandler handler = new ProcessorHandler(objects, store, Map.of());
        List<String> lines = new ArrayList<>();
        lines.addAll(StandardStreams.capture(() -> handler.handleRequest(event, context)));
        lines.addAll(context.logLines.stream().flatMap(l -> l.lines()).toList());

        assertEquals(DocumentStatus.PROCESSED, store.document(DocumentIds.of(BUCKET, "reports/field-update.txt")).orElseThrow().status());
        assertTrue(store.allFindings().stream().anyMatch(f -> f.evidence().contains("Quillwort")),
                "the marker sentence must yield a finding, or the test proves nothing");
        assertEquals(DocumentStatus.FAILED, store.document(DocumentIds.of(BUCKET, "reports/broken.pdf")).orElseThrow().status());

        List<String> problems = new ArrayList<>();
        int outcomes = 0;
        for (String line : lines) {
            if (line.isBlank()) {
                continue;
            }
            JsonNode json;
            try {
                json = JSON.readTree(line);
            } catch (IOException e) {
                problems.add("not JSON: " + line);
                continue;
            }
            if (json == null || !json.isObject()) {
                problems.add("not one JSON object: " + line);
                continue;
            }
            if (!"test-request-1".equals(json.path("request_id").asText())) {
                problems.add("no request id: " + line);
            }
            if (json.path("event").asText().equals("report.outcome")) {
                outcomes++;
                for (String field : List.of("document_id", "status", "finding_count", "duration_ms", "key")) {
                    if (!json.has(field)) {
                        problems.add("outcome without " + field + ": " + line);
                    }
                }
            }
            if (json.path("event").asText().equals("batch.done")
                    && !(json.has("message_count") && json.has("failure_count") && json.has("duration_ms"))) {
                problems.add("batch line without counts or duration: " + line);
            }
            String lower = line.toLowerCase(Locale.ROOT);
            for (String marker : MARKERS) {
                if (lower.contains(marker)) {
                    problems.add("report text '" + marker + "' in: " + line);
                }
            }
        }
        assertEquals(List.of(), problems);
        assertEquals(7, outcomes, String.join("\n", lines));
        assertFalse(lines.stream().noneMatch(l -> l.contains("\"message.rejected\"")), "rejected messages are logged");
    }

    @Test
    void theCheckCatchesAMarkerInALine() {
        String line = "{\"request_id\":\"r\",\"reason\":\"corrupt PDF: unexpected token Quillwort\"}";
        assertTrue(MARKERS.stream().anyMatch(m -> line.toLowerCase(Locale.ROOT).contains(m)));
    }


    private static SQSEvent.SQSMessage message(String id, String body) {
        SQSEvent.SQSMessage message = new SQSEvent.SQSMessage();
        message.setMessageId(id);
        message.setBody(body);
        message.setAttributes(Map.of("ApproximateReceiveCount", "1"));
        return message;
    }

    private static String notification(String eventName, String key) {
        return "{\"Records\":[{\"eventName\":\"" + eventName + "\",\"s3\":{\"bucket\":{\"name\":\"" + BUCKET
                + "\"},\"object\":{\"key\":\"" + key + "\",\"size\":100}}}]}";
    }

    private static byte[] docx(String documentXml) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
            zip.putNextEntry(new ZipEntry("[Content_Types].xml"));
            zip.write("<?xml version=\"1.0\"?><Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\"/>"
                    .getBytes(StandardCharsets.UTF_8));
            zip.putNextEntry(new ZipEntry("word/document.xml"));
            zip.write(("<?xml version=\"1.0\" encoding=\"UTF-8\"?>" + documentXml).getBytes(StandardCharsets.UTF_8));
        }
        return bytes.toByteArray();
    }
}
