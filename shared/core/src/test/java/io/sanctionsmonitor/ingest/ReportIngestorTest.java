package io.sanctionsmonitor.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.sanctionsmonitor.model.Category;
import io.sanctionsmonitor.model.Certainty;
import io.sanctionsmonitor.model.DocumentIds;
import io.sanctionsmonitor.model.DocumentStatus;
import io.sanctionsmonitor.model.Finding;
import io.sanctionsmonitor.model.ParsedReport;
import io.sanctionsmonitor.model.ReportMetadata;
import io.sanctionsmonitor.testing.InMemoryObjectStore;
import io.sanctionsmonitor.testing.RecordingDocumentStore;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;

class ReportIngestorTest {
    private static final String BUCKET = "reports-bucket";
    private static final String KEY = "reports/update.txt";

    private final InMemoryObjectStore objects = new InMemoryObjectStore();
    private final RecordingDocumentStore store = new RecordingDocumentStore();
    private final String documentId = DocumentIds.of(BUCKET, KEY);

    /** Reads the text as it is; "BROKEN" makes it unreadable, "BUG" makes it throw like a parser bug. */
    private final ReportParser parser = (name, content) -> {
        String text = new String(content, StandardCharsets.UTF_8);
        if (text.contains("BROKEN")) {
            throw new UnreadableReportException("corrupt file");
        }
        if (text.contains("BUG")) {
            throw new IllegalStateException("parser bug");
        }
        return new ParsedReport(text, new ReportMetadata("text", "A title", "2025-01-02", null, "en"));
    };

    /** One finding per line that mentions shells. */
    private final io.sanctionsmonitor.extract.FindingExtractor extractor = report -> report.text().lines()
            .filter(line -> line.contains("shells"))
            .map(line -> new Finding(null, null, Category.MUNITIONS_TRANSFER, "PRK", "RUS", List.of("shells"), "artillery ammunition", null,
                    null, List.of(), Certainty.REPORTED, line, 0, line.length(), List.of("test")))
            .toList();

    private ReportIngestor ingestor(long maxBytes) {
        return new ReportIngestor(objects, parser, extractor, store, new IngestSettings("reports/", maxBytes),
                Clock.fixed(Instant.parse("2026-11-27T12:00:00Z"), ZoneOffset.UTC));
    }

    @Test
    void storesTheFindingsUnderDeterministicIdsWithTheMetadata() {
        objects.put(BUCKET, KEY, "Pyongyang sent shells.\nMore shells followed.\nNothing here.");

        IngestOutcome outcome = ingestor(1000).ingest(new ObjectRef(BUCKET, KEY, null));

        assertEquals(DocumentStatus.PROCESSED, outcome.status());
        assertEquals(2, outcome.findingCount());
        assertEquals(List.of(documentId + "-0001", documentId + "-0002"),
                store.findings(documentId).stream().map(Finding::id).toList());
        assertEquals("2025-01-02", store.document(documentId).published());
        assertEquals("v1", store.document(documentId).version());
    }

    @Test
    void processingTheSameObjectTwiceGivesTheSameFindings() {
        objects.put(BUCKET, KEY, "Pyongyang sent shells.");
        ingestor(1000).ingest(new ObjectRef(BUCKET, KEY, null));
        List<Finding> first = store.findings(documentId);

        ingestor(1000).ingest(new ObjectRef(BUCKET, KEY, null));

        assertEquals(first, store.findings(documentId));
    }

    @Test
    void anUnreadableReportIsFailedWithItsReason() {
        objects.put(BUCKET, KEY, "BROKEN");

        IngestOutcome outcome = ingestor(1000).ingest(new ObjectRef(BUCKET, KEY, null));

        assertEquals(DocumentStatus.FAILED, outcome.status());
        assertEquals("corrupt file", store.document(documentId).error());
    }

    @Test
    void aParserBugIsAPermanentFailureNamingTheErrorNotTheText() {
        objects.put(BUCKET, KEY, "BUG");

        IngestOutcome outcome = ingestor(1000).ingest(new ObjectRef(BUCKET, KEY, null));

        assertEquals(DocumentStatus.FAILED, outcome.status());
        assertEquals("unexpected error while reading the report: IllegalStateException", outcome.reason());
    }

    @Test
    void anOversizeObjectIsFailedBeforeParsing() {
        objects.put(BUCKET, KEY, "x".repeat(101));

        IngestOutcome outcome = ingestor(100).ingest(new ObjectRef(BUCKET, KEY, null));

        assertEquals(DocumentStatus.FAILED, outcome.status());
        assertEquals("object is 101 bytes, over the limit of 100 bytes", outcome.reason());
    }

    @Test
    void anObjectDeletedBeforeItsReadIsRecordedAsDeleted() {
        IngestOutcome outcome = ingestor(1000).ingest(new ObjectRef(BUCKET, KEY, null));

        assertEquals(DocumentStatus.DELETED, outcome.status());
        assertEquals("object was deleted before it could be read", store.document(documentId).error());
    }

    @Test
    void aRemovalDeletesTheFindings() {
        objects.put(BUCKET, KEY, "Pyongyang sent shells.");
        ingestor(1000).ingest(new ObjectRef(BUCKET, KEY, null));
        objects.remove(BUCKET, KEY);

        IngestOutcome outcome = ingestor(1000).remove(new ObjectRef(BUCKET, KEY, null));

        assertEquals(DocumentStatus.DELETED, outcome.status());
        assertEquals(List.of(), store.findings(documentId));
        assertNull(store.document(documentId).error());
    }

    @Test
    void aLateRemovalOfAKeyUploadedAgainKeepsTheNewUpload() {
        objects.put(BUCKET, KEY, "Pyongyang sent shells.");

        IngestOutcome outcome = ingestor(1000).remove(new ObjectRef(BUCKET, KEY, null));

        assertEquals(DocumentStatus.PROCESSED, outcome.status());
        assertEquals(1, store.findings(documentId).size());
    }

    @Test
    void keysOutsideTheUploadPrefixAreIgnored() {
        objects.put(BUCKET, "elsewhere/update.txt", "Pyongyang sent shells.");

        IngestOutcome outcome = ingestor(1000).ingest(new ObjectRef(BUCKET, "elsewhere/update.txt", null));

        assertNull(outcome.status());
        assertNull(store.document(DocumentIds.of(BUCKET, "elsewhere/update.txt")));
    }

    @Test
    void aTransientStoreFailurePropagatesSoTheMessageIsRetried() {
        objects.put(BUCKET, KEY, "Pyongyang sent shells.");
        ReportIngestor failing = new ReportIngestor(objects, parser, extractor, new RecordingDocumentStore() {
            @Override
            public void complete(io.sanctionsmonitor.model.ReportDocument document, List<Finding> findings) {
                throw new TransientFailureException("throttled", null);
            }
        }, IngestSettings.defaults(), Clock.systemUTC());

        assertThrows(TransientFailureException.class, () -> failing.ingest(new ObjectRef(BUCKET, KEY, null)));
    }
}
