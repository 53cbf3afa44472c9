package io.sanctionsmonitor.processor;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.amazonaws.services.lambda.runtime.events.SQSBatchResponse;
import com.amazonaws.services.lambda.runtime.events.SQSEvent;
import com.amazonaws.services.lambda.runtime.tests.EventLoader;
import io.sanctionsmonitor.extract.FindingExtractor;
import io.sanctionsmonitor.ingest.ObjectRef;
import io.sanctionsmonitor.ingest.ObjectStore;
import io.sanctionsmonitor.ingest.StoredObject;
import io.sanctionsmonitor.ingest.TransientFailureException;
import io.sanctionsmonitor.ingest.UnreadableReportException;
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
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Runs the handler over the events/ fixtures that `sam local invoke -e` uses, with the core's stores in memory. */
class ProcessorHandlerTest {
    private static final String BUCKET = "sanctions-monitor-reports-123456789012-us-east-1";
    private static final String KEY = "reports/monitoring team update+2025.txt";
    private static final String DOCUMENT_ID = DocumentIds.of(BUCKET, KEY);

    private final InMemoryObjectStore objects = new InMemoryObjectStore();
    private final RecordingDocumentStore store = new RecordingDocumentStore();
    private final TestContext context = new TestContext();

    private final FindingExtractor extractor = report -> report.text().contains("shells")
            ? List.of(new Finding(null, null, Category.MUNITIONS_TRANSFER, "PRK", "RUS", List.of("shells"), "artillery ammunition", null, null,
                    List.of(), Certainty.REPORTED, report.text(), 0, report.text().length(), List.of("test")))
            : List.of();

    private ProcessorHandler handler(ObjectStore objectStore) {
        return new ProcessorHandler(objectStore, (name, content) -> new ParsedReport(
                new String(content, StandardCharsets.UTF_8), ReportMetadata.of("text")), () -> { }, extractor, store, Map.of());
    }

    @Test
    void theCreatedEventStoresTheReportsFindingsUnderItsDecodedKey() {
        objects.put(BUCKET, KEY, "Pyongyang shipped shells to Moscow.");
        SQSEvent event = EventLoader.loadSQSEvent("../../events/processor-report-created.json");

        SQSBatchResponse response = handler(objects).handleRequest(event, context);

        assertEquals(List.of(), response.getBatchItemFailures());
        assertEquals(DocumentStatus.PROCESSED, store.document(DOCUMENT_ID).status());
        assertEquals(KEY, store.document(DOCUMENT_ID).key());
        assertEquals(1, store.findings(DOCUMENT_ID).size());
    }

    @Test
    void theRemovedEventMarksTheDocumentDeleted() {
        objects.put(BUCKET, KEY, "Pyongyang shipped shells to Moscow.");
        handler(objects).handleRequest(EventLoader.loadSQSEvent("../../events/processor-report-created.json"), context);
        objects.remove(BUCKET, KEY);

        SQSBatchResponse response = handler(objects).handleRequest(
                EventLoader.loadSQSEvent("../../events/processor-report-removed.json"), context);

        assertEquals(List.of(), response.getBatchItemFailures());
        assertEquals(DocumentStatus.DELETED, store.document(DOCUMENT_ID).status());
        assertEquals(List.of(), store.findings(DOCUMENT_ID));
    }

    @Test
    void theS3TestEventIsAcknowledgedAndChangesNothing() {
        SQSBatchResponse response = handler(objects).handleRequest(
                EventLoader.loadSQSEvent("../../events/processor-s3-test-event.json"), context);

        assertEquals(List.of(), response.getBatchItemFailures());
        assertEquals(null, store.document(DOCUMENT_ID));
    }

    @Test
    void aPoisonMessageFailsAloneWhileTheOthersInTheBatchSucceed() {
        objects.put(BUCKET, KEY, "Pyongyang shipped shells to Moscow.");
        SQSEvent event = EventLoader.loadSQSEvent("../../events/processor-report-created.json");
        List<SQSEvent.SQSMessage> messages = new ArrayList<>(event.getRecords());
        messages.add(0, message("poison-1", "{not json", "1"));
        event.setRecords(messages);

        SQSBatchResponse response = handler(objects).handleRequest(event, context);

        assertEquals(List.of("poison-1"), failedIds(response));
        assertEquals(DocumentStatus.PROCESSED, store.document(DOCUMENT_ID).status());
    }

    @Test
    void aTransientFailureReturnsTheMessageForRetryAndLeavesNoFailedMark() {
        SQSEvent event = EventLoader.loadSQSEvent("../../events/processor-report-created.json");

        SQSBatchResponse response = handler(throttledObjectStore()).handleRequest(event, context);

        assertEquals(List.of(event.getRecords().get(0).getMessageId()), failedIds(response));
        assertEquals(DocumentStatus.PROCESSING, store.document(DOCUMENT_ID).status());
    }

    @Test
    void onTheLastReceiveATransientFailureMarksTheDocumentFailedBeforeTheDeadLetterQueue() {
        SQSEvent event = EventLoader.loadSQSEvent("../../events/processor-report-created.json");
        event.getRecords().get(0).getAttributes().put("ApproximateReceiveCount", "5");

        SQSBatchResponse response = handler(throttledObjectStore()).handleRequest(event, context);

        assertEquals(1, response.getBatchItemFailures().size());
        assertEquals(DocumentStatus.FAILED, store.document(DOCUMENT_ID).status());
        assertTrue(store.document(DOCUMENT_ID).error().startsWith("gave up after 5 attempts"));
    }

    @Test
    void logsAreJsonLinesWithIdsAndCountsButNoReportText() {
        objects.put(BUCKET, KEY, "Pyongyang shipped shells to Moscow.");

        handler(objects).handleRequest(EventLoader.loadSQSEvent("../../events/processor-report-created.json"), context);

        assertFalse(context.logLines.isEmpty());
        for (String line : context.logLines) {
            assertTrue(line.startsWith("{\"level\":"), line);
            assertTrue(line.contains("\"request_id\":\"test-request-1\""), line);
            assertFalse(line.contains("shipped shells"), "report text leaked into the log: " + line);
        }
        assertTrue(context.logLines.stream().anyMatch(l -> l.contains("\"document_id\":\"" + DOCUMENT_ID + "\"")
                && l.contains("\"finding_count\":1") && l.contains("\"duration_ms\":")));
    }

    private static ObjectStore throttledObjectStore() {
        return new ObjectStore() {
            @Override
            public Optional<StoredObject> read(ObjectRef ref, long maxBytes) throws UnreadableReportException {
                throw new TransientFailureException("SlowDown", null);
            }

            @Override
            public boolean exists(ObjectRef ref) {
                throw new TransientFailureException("SlowDown", null);
            }
        };
    }

    private static SQSEvent.SQSMessage message(String id, String body, String receiveCount) {
        SQSEvent.SQSMessage message = new SQSEvent.SQSMessage();
        message.setMessageId(id);
        message.setBody(body);
        message.setAttributes(new java.util.HashMap<>(Map.of("ApproximateReceiveCount", receiveCount)));
        return message;
    }

    private static List<String> failedIds(SQSBatchResponse response) {
        return response.getBatchItemFailures().stream().map(SQSBatchResponse.BatchItemFailure::getItemIdentifier).toList();
    }
}
