package io.sanctionsmonitor.local;

import static io.sanctionsmonitor.local.IdempotencyTest.assertNoFailures;
import static io.sanctionsmonitor.local.IdempotencyTest.cleanRun;
import static io.sanctionsmonitor.local.IdempotencyTest.uploadGenerated;
import static io.sanctionsmonitor.local.IdempotencyTest.assertSameItems;
import static io.sanctionsmonitor.local.IdempotencyTest.assertServedStatsEqualStored;
import static io.sanctionsmonitor.local.IdempotencyTest.deliver;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.amazonaws.services.lambda.runtime.events.SQSBatchResponse;
import com.amazonaws.services.lambda.runtime.events.SQSEvent;
import com.fasterxml.jackson.databind.JsonNode;
import io.sanctionsmonitor.local.load.FaultyEndpoint;
import io.sanctionsmonitor.local.load.FaultyEndpoint.Action;
import io.sanctionsmonitor.local.load.GeneratedReport;
import io.sanctionsmonitor.local.load.LoggingContext;
import io.sanctionsmonitor.local.load.ProcessingStack;
import io.sanctionsmonitor.local.load.ReportGenerator;
import io.sanctionsmonitor.local.load.TableSnapshot;
import io.sanctionsmonitor.model.DocumentIds;
import io.sanctionsmonitor.processor.ProcessorHandler;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.sqs.model.Message;

/**
 * Faults against moto, through the real processor handler and store, with a {@link FaultyEndpoint} between the
 * processor's S3 and DynamoDB clients and moto; the queue (Lambda's side) is moto itself, its visibility
 * timeout shortened to 1 s so that redelivery and the dead-letter queue happen within the test.
 */
class FaultTest {
    private static final Set<String> WRITES = Set.of("PutItem", "BatchWriteItem", "TransactWriteItems", "DeleteItem");

    private ProcessingStack stack;
    private FaultyEndpoint backend;
    private final ReportGenerator reports = new ReportGenerator(66, 0);

    @BeforeEach
    void provision() throws IOException {
        stack = IdempotencyTest.provision("fault", 1);
        backend = new FaultyEndpoint(IdempotencyTest.MOTO);
    }

    @AfterEach
    void close() {
        backend.close();
        stack.close();
    }

    @Test
    void theBackendStoppingMidBatchAndComingBackEndsWithNothingLostOrDoubled() {
        List<String> keys = upload(8);
        var poller = stack.poller(stack.processor(backend.uri(), stack.table()));
        // Forward some requests, lose the answer of the next one (it was carried out), then refuse everything.
        AtomicInteger left = new AtomicInteger(25);
        AtomicBoolean down = new AtomicBoolean(false);
        backend.policy(request -> {
            if (down.get()) {
                return Action.REFUSE;
            }
            if (left.decrementAndGet() > 0) {
                return Action.FORWARD;
            }
            down.set(true);
            return Action.FORWARD_THEN_DROP;
        });

        var first = poller.pollOnce(1);

        assertTrue(first.deleted() > 0 && first.kept() > 0, "the backend went away mid-batch: " + first);
        assertTrue(backend.faulted() > 0, "requests failed while the backend was away");
        backend.restore();
        stack.drain(poller, 60);

        TableSnapshot after = stack.snapshot();
        assertEquals(keys.size(), after.documentsByStatus().get("PROCESSED"), after.documentsByStatus().toString());
        assertEquals(List.of(), after.stuck());
        assertEquals(0, after.pendingIntents());
        assertEquals(0, after.duplicates());
        assertEquals(0, stack.deadLetterDepth());
        assertSameItems(reference(keys), after);
        assertServedStatsEqualStored(stack.api(), after);
    }

    @Test
    void writesWhoseAnswersAreLostAreRetriedWithoutDoublingAnything() {
        List<String> keys = upload(6);
        AtomicInteger writes = new AtomicInteger();
        backend.policy(request -> WRITES.contains(request.operation()) && writes.incrementAndGet() % 3 == 0
                ? Action.FORWARD_THEN_DROP : Action.FORWARD);
        var poller = stack.poller(stack.processor(backend.uri(), stack.table()));

        stack.drain(poller, 60);

        assertTrue(backend.faulted() > 5, "answers lost: " + backend.faulted());
        TableSnapshot after = stack.snapshot();
        assertEquals(keys.size(), after.documentsByStatus().get("PROCESSED"));
        assertEquals(0, after.pendingIntents());
        assertSameItems(reference(keys), after);
        assertServedStatsEqualStored(stack.api(), after);
    }

    /**
     * The commit of a new version is carried out but its answer lost, and the client's retry of the same
     * transaction is refused (its condition no longer holds): the old version's items must still be cleaned up,
     * now or by a later delivery, not left behind as stale postings.
     */
    @Test
    void aNewVersionWhoseCommitAnswerIsLostLeavesNothingOfTheOldOne() {
        List<String> keys = upload(4);
        stack.drain(stack.poller(stack.processor(backend.uri(), stack.table())), 60);
        for (int i = 0; i < keys.size(); i++) { // a correction that withdraws every claim: nothing may remain
            stack.upload(keys.get(i), ("Correction " + i + ": the note published earlier made no claim that stands.")
                    .getBytes(StandardCharsets.UTF_8));
        }
        Set<String> lostOnce = ConcurrentHashMap.newKeySet();
        Pattern document = Pattern.compile("DOC#[0-9a-f]{20}");
        backend.policy(request -> {
            Matcher m = document.matcher(request.body());
            boolean commit = request.is("TransactWriteItems") && request.body().contains("\"status\":{\"S\":\"PROCESSED\"}") && m.find();
            return commit && lostOnce.add(m.group()) ? Action.FORWARD_THEN_DROP : Action.FORWARD;
        });

        stack.drain(stack.poller(stack.processor(backend.uri(), stack.table())), 60);

        assertTrue(backend.faulted() >= keys.size(), "every new version's commit lost its answer: " + backend.faulted());
        TableSnapshot after = stack.snapshot();
        assertEquals(keys.size(), after.documentsByStatus().get("PROCESSED"));
        for (String key : keys) {
            assertEquals(1, after.itemsAbout(DocumentIds.of(stack.stack().bucket(), key)),
                    key + ": only its document item is left, no finding, posting or intent of the old version");
        }
        assertServedStatsEqualStored(stack.api(), after);
    }

    @Test
    void anObjectDeletedBetweenItsNotificationAndItsReadIsRecordedAsDeleted() {
        String key = "reports/withdrawn-early.txt";
        stack.upload(key, reports.next(0).content());
        List<Message> notification = stack.takeMessages(1);
        stack.deleteEveryVersion(key);
        stack.takeMessages(1); // the removal's own notification: this test delivers only the creation's

        SQSBatchResponse response = deliver(stack.processor(), notification);

        assertNoFailures(response);
        JsonNode document = stack.snapshot().documents().get(DocumentIds.of(stack.stack().bucket(), key));
        assertEquals("DELETED", document.path("status").asText());
        assertEquals(0, document.path("finding_count").asInt());
        assertServedStatsEqualStored(stack.api(), stack.snapshot());
    }

    /**
     * The store keeps {@code error} for DELETED documents as for FAILED ones, so GET /documents/{id} can say why
     * a document is DELETED (it once kept it for FAILED only).
     */
    @Test
    void aDocumentDeletedBeforeItsReadSaysWhy() {
        String key = "reports/withdrawn-early.txt";
        stack.upload(key, reports.next(0).content());
        List<Message> notification = stack.takeMessages(1);
        stack.deleteEveryVersion(key);

        assertNoFailures(deliver(stack.processor(), notification));

        JsonNode document = stack.snapshot().documents().get(DocumentIds.of(stack.stack().bucket(), key));
        assertEquals("object was deleted before it could be read", document.path("error").asText());
    }

    @Test
    void onePoisonMessageAmongGoodOnesFailsAloneThenEndsInTheDeadLetterQueueWithItsDocumentFailed() {
        List<String> good = upload(4);
        String poison = "reports/always-unavailable.txt";
        stack.upload(poison, reports.next(9).content());
        stack.send("this is not an S3 event notification");
        // The poison document's object can never be read: S3 answers 503 for it, and only for it.
        backend.policy(request -> request.path().endsWith("/always-unavailable.txt") ? Action.UNAVAILABLE : Action.FORWARD);
        var poller = stack.poller(stack.processor(backend.uri(), stack.table()));

        var first = poller.pollOnce(1);
        int polls = stack.drain(poller, 60);

        assertEquals(6, first.received());
        assertEquals(4, first.deleted(), "the good ones are acknowledged at once: " + first);
        assertTrue(polls >= 5, "the poison message was retried until maxReceiveCount: " + polls);
        assertEquals(2, stack.deadLetterDepth(), "the poison notification and the malformed message");
        TableSnapshot after = stack.snapshot();
        JsonNode failed = after.documents().get(DocumentIds.of(stack.stack().bucket(), poison));
        assertEquals("FAILED", failed.path("status").asText(), failed.toString());
        assertTrue(failed.path("error").asText().startsWith("gave up after 5 attempts"), failed.toString());
        assertEquals(List.of(), after.stuck());
        for (String key : good) {
            assertEquals("PROCESSED", after.documents().get(DocumentIds.of(stack.stack().bucket(), key)).path("status").asText());
        }
        assertServedStatsEqualStored(stack.api(), after);
        assertEquals(5, stack.clients().s3().listObjectVersions(b -> b.bucket(stack.stack().bucket())).versions().size(),
                "the processor wrote nothing into the bucket");
    }

    @Test
    void aBackendErrorThatIsNotTransientFailsOnlyItsOwnMessage() {
        List<String> good = upload(3);
        String rejected = "reports/rejected.txt";
        stack.upload(rejected, reports.next(7).content());
        backend.policy(request -> request.path().endsWith("/rejected.txt") ? Action.REJECT : Action.FORWARD);
        var poller = stack.poller(stack.processor(backend.uri(), stack.table()));

        var first = poller.pollOnce(1);

        assertEquals(new io.sanctionsmonitor.local.SqsEventSourcePoller.BatchResult(4, 3, 1), first,
                "one message failed, not the batch");
        for (String key : good) {
            assertEquals("PROCESSED", stack.snapshot().documents().get(DocumentIds.of(stack.stack().bucket(), key))
                    .path("status").asText());
        }
    }

    @Test
    void aCorruptFileIsFailedWithItsReasonAndAcknowledgedWithoutRetry() {
        List<String> good = upload(2);
        String corrupt = "reports/noise.pdf";
        stack.upload(corrupt, new byte[] {0x00, 0x01, (byte) 0xfe, 0x02, 0x03, (byte) 0x80, 0x00, 0x7f, 0x11, 0x12, 0x00, 0x01});
        var poller = stack.poller(stack.processor());

        var first = poller.pollOnce(1);

        assertEquals(3, first.deleted(), "every message acknowledged, the corrupt one too: " + first);
        assertEquals(0, stack.queueDepth());
        assertEquals(0, stack.deadLetterDepth());
        JsonNode failed = stack.snapshot().documents().get(DocumentIds.of(stack.stack().bucket(), corrupt));
        assertEquals("FAILED", failed.path("status").asText());
        assertFalse(failed.path("error").asText().isBlank(), "the reason is stored: " + failed);
        assertTrue(stack.processorLog().stream().noneMatch(l -> l.contains("transient_failure")), "no retry was asked");
        assertEquals(good.size(), stack.snapshot().documentsByStatus().get("PROCESSED"));
    }

    @Test
    void unprocessedBatchWritesAreRetriedUntilStored() {
        List<String> keys = upload(1);
        AtomicInteger batches = new AtomicInteger();
        backend.policy(request -> request.is("BatchWriteItem") && batches.incrementAndGet() <= 3
                ? Action.ALL_UNPROCESSED : Action.FORWARD);

        assertNoFailures(deliver(stack.processor(backend.uri(), stack.table()), stack.takeMessages(1)));

        assertEquals(3, backend.faulted(), "three BatchWriteItem answers listed every item unprocessed");
        assertSameItems(reference(keys), stack.snapshot());
    }

    @Test
    void writesThatStayUnprocessedAreRetriedByTheQueueAndGivenUpAsFailedOnTheLastReceive() {
        upload(1);
        List<Message> notification = stack.takeMessages(1);
        backend.policy(request -> request.is("BatchWriteItem") ? Action.ALL_UNPROCESSED : Action.FORWARD);
        ProcessorHandler processor = stack.processor(backend.uri(), stack.table());

        SQSBatchResponse early = deliverAsReceive(processor, notification.get(0), 1);
        JsonNode during = stack.snapshot().documents().values().iterator().next();
        SQSBatchResponse last = deliverAsReceive(processor, notification.get(0), 5);

        assertEquals(1, early.getBatchItemFailures().size(), "a transient failure returns the message for retry");
        assertEquals("PROCESSING", during.path("status").asText());
        assertEquals(1, last.getBatchItemFailures().size(), "the last receive still fails, so SQS moves it to the DLQ");
        JsonNode given = stack.snapshot().documents().values().iterator().next();
        assertEquals("FAILED", given.path("status").asText());
        assertTrue(given.path("error").asText().startsWith("gave up after 5 attempts"), given.toString());
        assertEquals(List.of(), stack.snapshot().findings());
    }

    /**
     * A slow delivery of version 1 commits after version 2 was uploaded and stored: the store must end with
     * version 2's findings, the object's current content, not with whichever commit came last.
     */
    @Test
    void aStaleReadCommittingAfterANewerVersionDoesNotWin() throws Exception {
        String key = "reports/revised.txt";
        GeneratedReport first = reports.next(0);
        GeneratedReport second = reports.next(4);
        stack.upload(key, first.content());
        List<Message> firstNotification = stack.takeMessages(1);
        // Hold the slow processor's commit of its findings (its "complete") until version 2 is stored.
        java.util.concurrent.CountDownLatch held = new java.util.concurrent.CountDownLatch(1);
        java.util.concurrent.CountDownLatch release = new java.util.concurrent.CountDownLatch(1);
        AtomicInteger commits = new AtomicInteger();
        backend.policy(request -> {
            if (request.is("TransactWriteItems") && request.body().contains("\"status\":{\"S\":\"PROCESSED\"}")
                    && commits.incrementAndGet() == 1) {
                held.countDown();
                try {
                    release.await();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
            return Action.FORWARD;
        });
        ProcessorHandler slow = stack.processor(backend.uri(), stack.table());
        var slowDelivery = java.util.concurrent.Executors.newSingleThreadExecutor()
                .submit(() -> deliver(slow, firstNotification));
        held.await();

        stack.upload(key, second.content());
        assertNoFailures(deliver(stack.processor(), stack.takeMessages(1)));
        release.countDown();
        assertNoFailures(slowDelivery.get());

        assertEquals(IdempotencyTest.expectedEvidence(key, second), evidence(stack.snapshot(), key));
        assertServedStatsEqualStored(stack.api(), stack.snapshot());
    }

    private java.util.Map<String, Integer> evidence(TableSnapshot table, String key) {
        String id = DocumentIds.of(stack.stack().bucket(), key);
        java.util.Map<String, Integer> evidence = new java.util.TreeMap<>();
        table.findings().stream().filter(f -> f.path("document_id").asText().equals(id))
                .forEach(f -> evidence.merge(f.path("category").asText() + " | " + f.path("evidence").asText(), 1, Integer::sum));
        return evidence;
    }

    /** A report with more findings than a document keeps: stored bounded, every item under DynamoDB's 400 KB. */
    @Test
    void aReportWithMoreFindingsThanADocumentKeepsIsStoredWithEveryItemUnderTheSizeLimit() {
        String[] states = {"Russia", "North Korea", "China", "Iran", "Belarus", "Syria"};
        String[] months = {"January", "February", "March", "April", "May", "June", "July", "August", "September",
                "October", "November", "December"};
        StringBuilder text = new StringBuilder("Title: A very long ledger of deliveries (test)\nPublished: 2026-01-05\n\n");
        for (int i = 0; i < 1_200; i++) {
            int to = (i + 1 + i / 6 % 5) % 6; // never the supplier: the offset is 1..5
            text.append("The monitoring team reported that ").append(states[i % 6]).append(" delivered ").append(100 + i)
                    .append(" artillery shells to ").append(states[to])
                    .append(" in ").append(months[i % 12]).append(' ').append(2000 + i % 26).append(".\n");
        }
        String key = "reports/ledger.txt";
        stack.upload(key, text.toString().getBytes(StandardCharsets.UTF_8));

        assertNoFailures(deliver(stack.processor(), stack.takeMessages(1)));

        TableSnapshot after = stack.snapshot();
        JsonNode document = after.documents().get(DocumentIds.of(stack.stack().bucket(), key));
        assertEquals("PROCESSED", document.path("status").asText(), document.toString());
        assertTrue(after.findings().size() <= io.sanctionsmonitor.aws.dynamodb.DynamoDocumentStore.MAX_FINDINGS);
        assertTrue(after.findings().size() > 500, "the report gave many findings: " + after.findings().size());
        assertEquals(after.findings().size(), document.path("finding_count").asInt());
        assertTrue(after.largestItemBytes() < 400 * 1024, "largest item: " + after.largestItemBytes() + " bytes");
        assertServedStatsEqualStored(stack.api(), after);
    }

    // ------------------------------------------------------------------ helpers

    private List<String> upload(int count) {
        return uploadGenerated(stack, reports, count);
    }

    private TableSnapshot reference(List<String> keys) {
        return cleanRun(stack, keys);
    }

    private static SQSBatchResponse deliverAsReceive(ProcessorHandler processor, Message message, int receiveCount) {
        SQSEvent.SQSMessage record = new SQSEvent.SQSMessage();
        record.setMessageId(message.messageId());
        record.setBody(message.body());
        record.setAttributes(Map.of("ApproximateReceiveCount", String.valueOf(receiveCount)));
        SQSEvent event = new SQSEvent();
        event.setRecords(List.of(record));
        return processor.handleRequest(event, new LoggingContext("processor", line -> { }));
    }
}
