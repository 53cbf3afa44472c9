package io.sanctionsmonitor.processor;

import com.amazonaws.services.lambda.runtime.events.SQSBatchResponse;
import com.amazonaws.services.lambda.runtime.events.SQSEvent;
import io.sanctionsmonitor.extract.FindingExtractor;
import io.sanctionsmonitor.ingest.DocumentStore;
import io.sanctionsmonitor.ingest.IngestSettings;
import io.sanctionsmonitor.ingest.ObjectRef;
import io.sanctionsmonitor.ingest.ObjectStore;
import io.sanctionsmonitor.ingest.ReportIngestor;
import io.sanctionsmonitor.ingest.ReportParser;
import io.sanctionsmonitor.ingest.StoredObject;
import io.sanctionsmonitor.json.FindingJson;
import io.sanctionsmonitor.model.Finding;
import io.sanctionsmonitor.model.ReportDocument;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.crac.Resource;

/**
 * Warms the request path before a SnapStart snapshot: a made-up SQS message with the S3 notification of a made-up
 * report goes through notification parsing, the ingest core (parse, extract), the JSON log lines and the findings'
 * JSON, with the object store and the document store replaced by in-memory stand-ins. So the first real report
 * after restore does not pay for class loading and JIT warm-up. Touches no real data, no SDK client and no
 * credentials, and keeps no clock or random source, so nothing captured in the snapshot goes stale.
 */
final class ProcessorPriming implements Resource {
    static final String PRIMING_REPORT = """
            Title: Priming report
            Published: 2025-01-15

            According to the monitoring team, Russia may have delivered two air defence systems to North Korea \
            since late 2024. Officials estimate that about 1,000 workers were sent abroad last year.
            """;
    private static final String PRIMING_BUCKET = "priming-bucket";
    private static final String PRIMING_KEY = IngestSettings.DEFAULT_UPLOAD_PREFIX + "priming.txt";

    private final ReportParser parser;
    private final Runnable parserWarmUp;
    private final FindingExtractor extractor;
    private volatile int primedFindings = -1;

    ProcessorPriming(ReportParser parser, Runnable parserWarmUp, FindingExtractor extractor) {
        this.parser = parser;
        this.parserWarmUp = parserWarmUp;
        this.extractor = extractor;
    }

    @Override
    public void beforeCheckpoint(org.crac.Context<? extends Resource> context) {
        parserWarmUp.run();
        PrimingStore store = new PrimingStore();
        ReportIngestor ingestor = new ReportIngestor(new PrimingObjects(), parser, extractor, store,
                IngestSettings.defaults(), Clock.systemUTC());
        ReportEventsConsumer consumer = new ReportEventsConsumer(new S3Notifications(), ingestor, 1);
        SQSBatchResponse response = consumer.consume(List.of(primingMessage()),
                new ProcessorLog(line -> { }, "priming"));
        FindingJson.toJson(store.findings);
        primedFindings = response.getBatchItemFailures().isEmpty() ? store.findings.size() : -1;
    }

    @Override
    public void afterRestore(org.crac.Context<? extends Resource> context) {
        // Nothing to refresh: the SDK clients resolve credentials per request from the restored environment.
    }

    /** How many findings the priming report gave at the last checkpoint; -1 before any checkpoint. */
    int primedFindings() {
        return primedFindings;
    }

    private static SQSEvent.SQSMessage primingMessage() {
        SQSEvent.SQSMessage message = new SQSEvent.SQSMessage();
        message.setMessageId("priming");
        message.setAttributes(Map.of("ApproximateReceiveCount", "1"));
        message.setBody("""
                {"Records":[{"eventVersion":"2.1","eventSource":"aws:s3","eventName":"ObjectCreated:Put",\
                "s3":{"bucket":{"name":"%s"},"object":{"key":"%s","size":1}}}]}""".formatted(PRIMING_BUCKET, PRIMING_KEY));
        return message;
    }

    /** Serves the priming report for any key. */
    private static final class PrimingObjects implements ObjectStore {
        @Override
        public Optional<StoredObject> read(ObjectRef ref, long maxBytes) {
            return Optional.of(new StoredObject(ref, "priming", PRIMING_REPORT.getBytes(StandardCharsets.UTF_8)));
        }

        @Override
        public boolean exists(ObjectRef ref) {
            return true;
        }
    }

    /** Keeps the findings of the one primed document, and nothing else. */
    private static final class PrimingStore implements DocumentStore {
        private List<Finding> findings = List.of();

        @Override
        public void begin(ReportDocument document) {
        }

        @Override
        public void complete(ReportDocument document, List<Finding> documentFindings) {
            findings = List.copyOf(documentFindings);
        }

        @Override
        public void fail(ReportDocument document) {
        }

        @Override
        public void delete(ReportDocument document) {
        }
    }
}
