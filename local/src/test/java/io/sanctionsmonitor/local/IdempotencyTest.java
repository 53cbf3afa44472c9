package io.sanctionsmonitor.local;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.amazonaws.services.lambda.runtime.events.SQSBatchResponse;
import com.amazonaws.services.lambda.runtime.events.SQSEvent;
import com.fasterxml.jackson.databind.JsonNode;
import io.sanctionsmonitor.extract.RuleBasedFindingExtractor;
import io.sanctionsmonitor.ingest.UnreadableReportException;
import io.sanctionsmonitor.local.load.FaultyEndpoint;
import io.sanctionsmonitor.local.load.GeneratedReport;
import io.sanctionsmonitor.local.load.LoggingContext;
import io.sanctionsmonitor.local.load.ProcessingStack;
import io.sanctionsmonitor.local.load.ReportGenerator;
import io.sanctionsmonitor.local.load.ServedStats;
import io.sanctionsmonitor.local.load.TableSnapshot;
import io.sanctionsmonitor.model.DocumentIds;
import io.sanctionsmonitor.model.Finding;
import io.sanctionsmonitor.parsing.DetectingReportParser;
import io.sanctionsmonitor.processor.ProcessorHandler;
import java.net.URI;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.sqs.model.Message;

/**
 * At-least-once delivery through the real processor handler, store and API function on moto: whatever the
 * order and number of deliveries, the table ends as one delivery of the current objects leaves it, and /stats
 * serves exactly the findings stored.
 */
class IdempotencyTest {
    static final URI MOTO = TestMoto.ENDPOINT;

    private ProcessingStack stack;
    private final ReportGenerator reports = new ReportGenerator(6, 0);

    static ProcessingStack provision(String prefix, int visibilitySeconds) {
        TestMoto.requireUp();
        return ProcessingStack.provision(MOTO, TemplateFiles.template(), prefix, visibilitySeconds);
    }

    @BeforeEach
    void provision() {
        stack = provision("idem", 1);
    }

    @AfterEach
    void close() {
        stack.close();
    }

    @Test
    void theSameNotificationTwiceInSequenceLeavesTheSameStore() {
        List<String> keys = uploadReports(3);
        List<Message> notifications = stack.takeMessages(keys.size());
        ProcessorHandler processor = stack.processor();

        assertNoFailures(deliver(processor, notifications));
        TableSnapshot once = stack.snapshot();
        assertNoFailures(deliver(processor, notifications));
        TableSnapshot twice = stack.snapshot();

        assertSameItems(once, twice);
        assertTrue(once.findings().size() >= keys.size(), "the reports gave findings: " + once.findings().size());
        assertServedStatsEqualStored(stack.api(), twice);
    }

    @Test
    void theSameNotificationConcurrentlyLeavesWhatOneDeliveryLeaves() throws Exception {
        List<String> keys = uploadReports(8);
        List<Message> notifications = stack.takeMessages(keys.size());
        String reference = stack.twinTable();
        assertNoFailures(deliver(stack.processor(MOTO, reference), notifications));

        race(notifications);

        TableSnapshot raced = stack.snapshot();
        assertSameItems(stack.snapshot(reference), raced);
        assertEquals(0, raced.pendingIntents());
        assertServedStatsEqualStored(stack.api(), raced);
    }

    /**
     * Two racing deliveries put the same finding and posting items, each stamped with its own write's nonce, and
     * only the winner's nonce is committed; a new version must still delete the items the loser stamped last
     * (DynamoDocumentStore deletes a superseded set's items by generation, not by the committed nonce).
     */
    @Test
    void aNewVersionAfterRacedDeliveriesLeavesNoLeftovers() throws Exception {
        List<String> keys = uploadReports(8);
        race(stack.takeMessages(keys.size()));

        for (int i = 0; i < keys.size(); i++) {
            stack.upload(keys.get(i), reports.next(100 + i).content());
        }
        List<Message> updates = stack.takeMessages(keys.size());
        assertNoFailures(deliver(stack.processor(), updates));

        String newOnly = stack.twinTable();
        assertNoFailures(deliver(stack.processor(MOTO, newOnly), updates));
        assertSameItems(stack.snapshot(newOnly), stack.snapshot());
    }

    /** Delivers each notification twice at once, from two processor instances. */
    private void race(List<Message> notifications) throws Exception {
        // moto does not isolate concurrent transactions (a cancelled one restores a copy of the table, undoing
        // writes made meanwhile): one request at a time there, interleaved as they come, as DynamoDB would.
        FaultyEndpoint serialized = new FaultyEndpoint(MOTO).serialize(true);
        ProcessorHandler first = stack.processor(serialized.uri(), stack.table());
        ProcessorHandler second = stack.processor(serialized.uri(), stack.table());
        ExecutorService threads = Executors.newFixedThreadPool(2);
        try {
            for (Message notification : notifications) {
                CyclicBarrier start = new CyclicBarrier(2);
                Future<SQSBatchResponse> a = threads.submit(() -> { start.await(); return deliver(first, List.of(notification)); });
                Future<SQSBatchResponse> b = threads.submit(() -> { start.await(); return deliver(second, List.of(notification)); });
                assertNoFailures(a.get());
                assertNoFailures(b.get());
            }
        } finally {
            threads.shutdownNow();
            serialized.close();
        }
    }

    @Test
    void aNewVersionReplacesTheFindingsWithNoLeftovers() {
        String key = "reports/versioned.txt";
        GeneratedReport first = reports.next(0);
        GeneratedReport second = reports.next(4);
        stack.upload(key, first.content());
        var poller = stack.poller(stack.processor());
        stack.drain(poller, 30);
        assertEquals(expectedEvidence(key, first), storedEvidence(stack.snapshot(), key));

        stack.upload(key, second.content());
        stack.drain(poller, 30);

        TableSnapshot replaced = stack.snapshot();
        assertEquals(expectedEvidence(key, second), storedEvidence(replaced, key));
        assertFalse(expectedEvidence(key, first).equals(expectedEvidence(key, second)), "the versions must differ to prove anything");
        // The same as storing only the second version: no posting or counter of the first is left.
        assertSameItems(cleanRun(stack, List.of(key)), replaced);
        assertServedStatsEqualStored(stack.api(), replaced);
    }

    @Test
    void objectRemovedRemovesTheFindingsAndMarksTheDocumentDeleted() {
        String key = "reports/withdrawn.html";
        String id = DocumentIds.of(stack.stack().bucket(), key);
        stack.upload(key, reports.next(1).content());
        var poller = stack.poller(stack.processor());
        stack.drain(poller, 30);
        assertFalse(stack.snapshot().findings().isEmpty());

        stack.deleteEveryVersion(key);
        stack.drain(poller, 30);

        TableSnapshot after = stack.snapshot();
        assertEquals("DELETED", after.documents().get(id).path("status").asText());
        assertEquals(0, after.documents().get(id).path("finding_count").asInt());
        assertEquals(List.of(), after.findings());
        assertEquals(1, after.itemsAbout(id), "only the document item is left, no finding, posting or intent");
        assertServedStatsEqualStored(stack.api(), after);
    }

    /**
     * A seeded random history of uploads, re-uploads of the same bytes, new versions, corrupt files, deletions
     * and duplicated notifications, processed through the queue: after each step the store holds exactly the
     * findings the current objects give, and /stats serves exactly what is stored.
     */
    @Test
    void servedCountsStayEqualToStoredFindingsThroughARandomHistory() {
        Random random = new Random(20261127);
        ReportGenerator generator = new ReportGenerator(7, 0.15);
        List<String> keys = List.of("reports/a.txt", "reports/b.pdf", "reports/c.docx", "reports/d.html");
        Map<String, GeneratedReport> current = new HashMap<>();
        var poller = stack.poller(stack.processor());
        List<String> earlierBodies = new ArrayList<>();
        for (int step = 0; step < 24; step++) {
            String key = keys.get(random.nextInt(keys.size()));
            int action = random.nextInt(10);
            if (action < 5 || !current.containsKey(key)) {
                GeneratedReport report = generator.next(step);
                current.put(key, report);
                stack.upload(key, report.content());
            } else if (action < 7) {
                stack.upload(key, current.get(key).content()); // the same bytes again: a new version, same findings
            } else if (action < 9 || earlierBodies.isEmpty()) {
                current.remove(key);
                stack.deleteEveryVersion(key);
            } else {
                // A duplicate of an earlier notification, delivered late (out of order).
                stack.send(earlierBodies.get(random.nextInt(earlierBodies.size())));
            }
            if (action < 9) {
                // Note the notifications S3 sent, and put them back, to duplicate them later.
                List<Message> sent = stack.takeMessages(1);
                sent.forEach(m -> { earlierBodies.add(m.body()); stack.send(m.body()); });
            }
            stack.drain(poller, 30);

            TableSnapshot now = stack.snapshot();
            for (String k : keys) {
                JsonNode document = now.documents().get(DocumentIds.of(stack.stack().bucket(), k));
                GeneratedReport report = current.get(k);
                if (report == null) {
                    assertTrue(document == null || document.path("status").asText().equals("DELETED"), "step " + step + " " + k + ": " + document);
                    assertEquals(Map.of(), storedEvidence(now, k), "step " + step + " " + k);
                } else {
                    assertEquals(report.corrupt() ? "FAILED" : "PROCESSED", document.path("status").asText(), "step " + step + " " + k + ": " + document);
                    assertEquals(expectedEvidence(k, report), storedEvidence(now, k), "step " + step + " " + k);
                }
            }
            assertEquals(0, now.duplicates());
            assertEquals(0, now.pendingIntents());
            assertServedStatsEqualStored(stack.api(), now);
        }
    }

    // ------------------------------------------------------------------ helpers

    private List<String> uploadReports(int count) {
        return uploadGenerated(stack, reports, count);
    }

    /** Uploads the generator's first {@code count} reports under reports/; their keys, in order. */
    static List<String> uploadGenerated(ProcessingStack stack, ReportGenerator reports, int count) {
        List<String> keys = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            GeneratedReport report = reports.next(i);
            String key = "reports/" + report.fileName();
            stack.upload(key, report.content());
            keys.add(key);
        }
        return keys;
    }

    /** The same keys processed once each, without faults, into the stack's second table: what a clean run stores. */
    static TableSnapshot cleanRun(ProcessingStack stack, List<String> keys) {
        String table = stack.twinTable();
        ProcessorHandler clean = stack.processor(MOTO, table);
        for (String key : keys) {
            assertNoFailures(deliver(clean, createdNotification(stack, key)));
        }
        return stack.snapshot(table);
    }

    /** The ObjectCreated notification S3 would send for a key, as the reprocess command and S3 write it. */
    static List<Message> createdNotification(ProcessingStack stack, String key) {
        String body = "{\"Records\":[{\"eventName\":\"ObjectCreated:Put\",\"s3\":{\"bucket\":{\"name\":\""
                + stack.stack().bucket() + "\"},\"object\":{\"key\":\"" + key + "\"}}}]}";
        return List.of(Message.builder().messageId("reference-" + key).body(body).build());
    }

    static SQSBatchResponse deliver(ProcessorHandler processor, List<Message> messages) {
        List<SQSEvent.SQSMessage> records = new ArrayList<>();
        for (Message message : messages) {
            SQSEvent.SQSMessage record = new SQSEvent.SQSMessage();
            record.setMessageId(message.messageId());
            record.setBody(message.body());
            record.setAttributes(Map.of("ApproximateReceiveCount", "1"));
            record.setEventSource("aws:sqs");
            records.add(record);
        }
        SQSEvent event = new SQSEvent();
        event.setRecords(records);
        List<String> log = java.util.Collections.synchronizedList(new ArrayList<>());
        SQSBatchResponse response = processor.handleRequest(event, new LoggingContext("processor", log::add));
        if (!response.getBatchItemFailures().isEmpty()) {
            System.err.println("batch item failures; processor log:\n" + String.join("\n", log));
        }
        return response;
    }

    /** The two tables hold the same items but for nonces, generations and timestamps; names the differences if not. */
    static void assertSameItems(TableSnapshot expected, TableSnapshot actual) {
        java.util.Set<String> missing = new java.util.TreeSet<>(expected.canonical());
        missing.removeAll(actual.canonical());
        java.util.Set<String> extra = new java.util.TreeSet<>(actual.canonical());
        extra.removeAll(expected.canonical());
        if (!missing.isEmpty() || !extra.isEmpty()) {
            throw new AssertionError(missing.size() + " item(s) missing, " + extra.size() + " unexpected; missing: "
                    + clip(missing) + "\nunexpected: " + clip(extra));
        }
    }

    private static String clip(java.util.Set<String> lines) {
        return lines.stream().limit(4).map(l -> l.length() > 700 ? l.substring(0, 700) + "..." : l).toList().toString();
    }

    static void assertNoFailures(SQSBatchResponse response) {
        assertEquals(List.of(), response.getBatchItemFailures().stream().map(f -> f.getItemIdentifier()).toList(),
                "batch item failures (the processor's log is on stderr)");
    }

    /** /stats, as the API function serves it, counts exactly the findings and documents in the table. */
    static void assertServedStatsEqualStored(ServedStats api, TableSnapshot table) {
        JsonNode stats = api.stats();
        assertEquals(table.findings().size(), stats.path("findings").asLong(), stats.toString());
        assertEquals(table.findingsByCategory(), ServedStats.counts(stats.path("by_category")));
        assertEquals(table.documentsByStatus(), ServedStats.counts(stats.path("documents_by_status")));
    }

    /** What the extractor finds in a report, as (category, evidence) with multiplicity. */
    static Map<String, Integer> expectedEvidence(String key, GeneratedReport report) {
        Map<String, Integer> evidence = new TreeMap<>();
        try {
            List<Finding> findings = new RuleBasedFindingExtractor().extract(
                    new DetectingReportParser().parse(key.substring(key.lastIndexOf('/') + 1), report.content()));
            findings.forEach(f -> evidence.merge(f.category() + " | " + f.evidence(), 1, Integer::sum));
        } catch (UnreadableReportException e) {
            // a corrupt report has no findings
        }
        return evidence;
    }

    Map<String, Integer> storedEvidence(TableSnapshot table, String key) {
        String id = DocumentIds.of(stack.stack().bucket(), key);
        Map<String, Integer> evidence = new TreeMap<>();
        table.findings().stream().filter(f -> f.path("document_id").asText().equals(id))
                .forEach(f -> evidence.merge(f.path("category").asText() + " | " + f.path("evidence").asText(), 1, Integer::sum));
        return evidence;
    }
}
