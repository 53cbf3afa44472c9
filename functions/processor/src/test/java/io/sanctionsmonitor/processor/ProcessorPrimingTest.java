package io.sanctionsmonitor.processor;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.amazonaws.services.lambda.runtime.events.SQSBatchResponse;
import com.amazonaws.services.lambda.runtime.events.SQSEvent;
import com.amazonaws.services.lambda.runtime.tests.EventLoader;
import io.sanctionsmonitor.extract.RuleBasedFindingExtractor;
import io.sanctionsmonitor.ingest.DocumentStore;
import io.sanctionsmonitor.ingest.ObjectStore;
import io.sanctionsmonitor.model.DocumentIds;
import io.sanctionsmonitor.model.DocumentStatus;
import io.sanctionsmonitor.parsing.DetectingReportParser;
import io.sanctionsmonitor.testing.InMemoryObjectStore;
import io.sanctionsmonitor.testing.RecordingDocumentStore;
import java.lang.reflect.Field;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.SdkClient;
import software.amazon.awssdk.identity.spi.IdentityProvider;

/**
 * The SnapStart hooks: called directly (the build JDK has no CRaC, where org.crac's global context only records
 * the registration), they run a made-up notification through the request path to findings, keep nothing that must not outlive a
 * snapshot, and leave the handler's shared parser and extractor working after restore.
 */
class ProcessorPrimingTest {
    private static final String BUCKET = "sanctions-monitor-reports-123456789012-us-east-1";
    private static final String KEY = "reports/monitoring team update+2025.txt";

    private final DetectingReportParser parser = new DetectingReportParser();
    private final RuleBasedFindingExtractor extractor = new RuleBasedFindingExtractor();
    private final ProcessorPriming priming = new ProcessorPriming(parser, parser::warmUp, extractor);

    @Test
    void beforeCheckpointRunsTheMadeUpNotificationThroughIngestToFindings() throws Exception {
        assertEquals(-1, priming.primedFindings());

        priming.beforeCheckpoint(null);

        assertTrue(priming.primedFindings() > 0,
                "the priming message yields findings, so notification parsing, parsing and extraction ran end to end");
    }

    @Test
    void beforeCheckpointRunsTheParserWarmUpOnce() throws Exception {
        java.util.concurrent.atomic.AtomicInteger warmUps = new java.util.concurrent.atomic.AtomicInteger();
        new ProcessorPriming(parser, warmUps::incrementAndGet, extractor).beforeCheckpoint(null);

        assertEquals(1, warmUps.get());
    }

    @Test
    void primingHoldsNoClientCredentialsStoreClockOrRandomSource() {
        List<String> captured = new ArrayList<>();
        List<Class<?>> classes = new ArrayList<>(List.of(ProcessorPriming.class));
        classes.addAll(List.of(ProcessorPriming.class.getDeclaredClasses()));
        for (Class<?> type : classes) {
            for (Field field : type.getDeclaredFields()) {
                for (Class<?> forbidden : List.of(SdkClient.class, IdentityProvider.class, ObjectStore.class,
                        DocumentStore.class, Clock.class, Instant.class, Random.class)) {
                    if (forbidden.isAssignableFrom(field.getType())) {
                        captured.add(type.getSimpleName() + "." + field.getName() + ": " + forbidden.getSimpleName());
                    }
                }
            }
        }
        assertEquals(List.of(), captured);
    }

    @Test
    void aReportUploadedAfterRestoreIsProcessedWithTheSharedParserAndExtractor() throws Exception {
        priming.beforeCheckpoint(null);
        priming.afterRestore(null);
        InMemoryObjectStore objects = new InMemoryObjectStore().put(BUCKET, KEY, """
                Title: Shipments

                According to the monitoring team, North Korea delivered artillery shells to Russia in 2024.
                """);
        RecordingDocumentStore store = new RecordingDocumentStore();
        ProcessorHandler handler = new ProcessorHandler(objects, parser, parser::warmUp, extractor, store, Map.of());
        SQSEvent event = EventLoader.loadSQSEvent("../../events/processor-report-created.json");

        SQSBatchResponse response = handler.handleRequest(event, new TestContext());

        assertEquals(List.of(), response.getBatchItemFailures());
        String documentId = DocumentIds.of(BUCKET, KEY);
        assertEquals(DocumentStatus.PROCESSED, store.document(documentId).status());
        assertFalse(store.findings(documentId).isEmpty(), "the restored parser and extractor still find the shipment");
    }
}
