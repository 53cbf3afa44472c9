package io.sanctionsmonitor.local;

import static io.sanctionsmonitor.local.IdempotencyTest.assertNoFailures;
import static io.sanctionsmonitor.local.IdempotencyTest.cleanRun;
import static io.sanctionsmonitor.local.IdempotencyTest.uploadGenerated;
import static io.sanctionsmonitor.local.IdempotencyTest.assertSameItems;
import static io.sanctionsmonitor.local.IdempotencyTest.assertServedStatsEqualStored;
import static io.sanctionsmonitor.local.IdempotencyTest.deliver;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.sanctionsmonitor.local.load.FaultyEndpoint;
import io.sanctionsmonitor.local.load.FaultyEndpoint.Action;
import io.sanctionsmonitor.local.load.ProcessingStack;
import io.sanctionsmonitor.local.load.ReportGenerator;
import io.sanctionsmonitor.local.load.TableSnapshot;
import io.sanctionsmonitor.model.DocumentIds;
import io.sanctionsmonitor.processor.ProcessorHandler;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.sqs.model.Message;

/**
 * bin/reprocess end to end on moto, through the real processor: a report given up during an outage (FAILED,
 * its message in the dead-letter queue) is processed again with {@code --failed} once the outage is over, a
 * redrive of the dead-letter queue then changes nothing, and reprocessing a key that is fine changes nothing.
 */
class ReprocessTest {
    private ProcessingStack stack;
    private FaultyEndpoint backend;
    private Reprocessor reprocessor;
    private final List<String> log = new ArrayList<>();
    private final ReportGenerator reports = new ReportGenerator(42, 0);

    @BeforeEach
    void provision() throws IOException {
        stack = IdempotencyTest.provision("reprocess", 1);
        backend = new FaultyEndpoint(IdempotencyTest.MOTO);
        LocalStack s = stack.stack();
        reprocessor = new Reprocessor(stack.clients().s3(), stack.clients().sqs(), stack.clients().dynamoDb(),
                new Reprocessor.Target(s.bucket(), s.queueUrl(), s.deadLetterQueueUrl(), s.tableName(), "us-east-1"), log::add);
    }

    @AfterEach
    void close() {
        backend.close();
        stack.close();
    }

    @Test
    void aReportGivenUpDuringAnOutageIsProcessedAgainWithFailedAndARedriveThenChangesNothing() {
        List<String> keys = upload(3);
        String unlucky = keys.get(1);
        backend.policy(request -> request.path().endsWith(unlucky.substring(unlucky.lastIndexOf('/')))
                ? Action.UNAVAILABLE : Action.FORWARD);
        var poller = stack.poller(stack.processor(backend.uri(), stack.table()));
        stack.drain(poller, 60);
        String id = DocumentIds.of(stack.stack().bucket(), unlucky);
        assertEquals("FAILED", stack.snapshot().documents().get(id).path("status").asText());
        assertEquals(1, stack.deadLetterDepth());

        backend.restore();
        assertEquals(1, reprocessor.reprocessFailed(), log.toString());
        stack.drain(poller, 30);
        TableSnapshot afterFailed = stack.snapshot();
        assertEquals("PROCESSED", afterFailed.documents().get(id).path("status").asText());
        assertSameItems(reference(keys), afterFailed);

        assertEquals(1, reprocessor.redriveDeadLetters());
        assertEquals(0, stack.deadLetterDepth());
        stack.drain(poller, 30);
        TableSnapshot afterRedrive = stack.snapshot();
        assertSameItems(afterFailed, afterRedrive);
        assertEquals(0, afterRedrive.duplicates());
        assertServedStatsEqualStored(stack.api(), afterRedrive);
    }

    @Test
    void reprocessingAKeyThatIsFineLeavesTheSameStore() {
        List<String> keys = upload(2);
        var poller = stack.poller(stack.processor());
        stack.drain(poller, 30);
        TableSnapshot before = stack.snapshot();

        assertEquals(1, reprocessor.reprocessKeys(List.of(keys.get(0))));
        stack.drain(poller, 30);

        assertSameItems(before, stack.snapshot());
        assertTrue(log.contains("queued " + keys.get(0)), log.toString());
    }

    @Test
    void theCommandReachesAStackGivenByItsNames() {
        List<String> keys = upload(1);
        LocalStack s = stack.stack();

        int exit = ReprocessCommand.run(new String[] {"--key", keys.get(0), "--failed", "--dlq", "--bucket", s.bucket(),
                "--queue-url", s.queueUrl(), "--dlq-url", s.deadLetterQueueUrl(), "--table", s.tableName(),
                "--region", "us-east-1", "--endpoint", IdempotencyTest.MOTO.toString()}, Path.of("."));

        assertEquals(0, exit);
        List<Message> queued = stack.takeMessages(2);
        assertEquals(2, queued.size(), "the upload's own notification and the reprocess one");
        ProcessorHandler processor = stack.processor();
        assertNoFailures(deliver(processor, queued));
        assertEquals("PROCESSED", stack.snapshot().documents().get(DocumentIds.of(s.bucket(), keys.get(0))).path("status").asText());
    }

    private List<String> upload(int count) {
        return uploadGenerated(stack, reports, count);
    }

    private TableSnapshot reference(List<String> keys) {
        return cleanRun(stack, keys);
    }
}
