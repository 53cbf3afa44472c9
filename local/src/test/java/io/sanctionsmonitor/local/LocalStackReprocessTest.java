package io.sanctionsmonitor.local;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.sqs.model.Message;

/** bin/reprocess against moto: a key, the FAILED documents and the dead-letter queue go back through the queue. */
class LocalStackReprocessTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final URI MOTO = TestMoto.ENDPOINT;

    private final List<String> log = new ArrayList<>();
    private LocalClients clients;
    private LocalStack stack;
    private Reprocessor reprocessor;

    @BeforeEach
    void provision() {
        TestMoto.requireUp();
        CloudFormationTemplate template = CloudFormationTemplate.read(TemplateFiles.template());
        clients = LocalClients.at(MOTO);
        StackIdentity identity = StackIdentity.local("rp-" + UUID.randomUUID().toString().substring(0, 8));
        stack = LocalStack.from(template, identity,
                new StackProvisioner(template, identity, clients.s3(), clients.sqs(), clients.dynamoDb()).provision());
        reprocessor = new Reprocessor(clients.s3(), clients.sqs(), clients.dynamoDb(), new Reprocessor.Target(
                stack.bucket(), stack.queueUrl(), stack.deadLetterQueueUrl(), stack.tableName(), "us-east-1"), log::add);
    }

    @AfterEach
    void close() {
        clients.close();
    }

    @Test
    void aKeyIsQueuedAsTheNotificationS3WouldSendForItsCurrentVersion() throws Exception {
        String key = "reports/monthly update+1 é.txt";
        String version = clients.s3().putObject(b -> b.bucket(stack.bucket()).key(key), RequestBody.fromString("text")).versionId();
        drain(stack.queueUrl());

        assertEquals(1, reprocessor.reprocessKeys(List.of(key, "reports/missing.txt")));

        List<Message> queued = drain(stack.queueUrl());
        assertEquals(1, queued.size());
        JsonNode record = JSON.readTree(queued.get(0).body()).path("Records").path(0);
        assertEquals("ObjectCreated:Put", record.path("eventName").asText());
        assertEquals(stack.bucket(), record.at("/s3/bucket/name").asText());
        assertEquals(key, URLDecoder.decode(record.at("/s3/object/key").asText(), StandardCharsets.UTF_8));
        assertTrue(record.at("/s3/object/key").asText().startsWith("reports/monthly+update%2B1"), "encoded as S3 does");
        assertEquals(version, record.at("/s3/object/versionId").asText());
        assertTrue(log.contains("skipped reports/missing.txt: no such object in " + stack.bucket()), log.toString());
    }

    @Test
    void failedDocumentsAreFoundOnTheStatusIndexAndQueued() throws Exception {
        clients.s3().putObject(b -> b.bucket(stack.bucket()).key("reports/broken.pdf"), RequestBody.fromString("%PDF-"));
        putDocument("d1", "FAILED", "reports/broken.pdf");
        putDocument("d2", "PROCESSED", "reports/fine.txt");
        drain(stack.queueUrl());

        assertEquals(1, reprocessor.reprocessFailed());

        List<Message> queued = drain(stack.queueUrl());
        assertEquals(1, queued.size());
        assertEquals("reports/broken.pdf", JSON.readTree(queued.get(0).body()).at("/Records/0/s3/object/key").asText());
    }

    @Test
    void documentsProcessingSinceBeforeTheCutoffAreQueuedAndRecentOnesAreLeftAlone() throws Exception {
        clients.s3().putObject(b -> b.bucket(stack.bucket()).key("reports/stuck.txt"), RequestBody.fromString("text"));
        clients.s3().putObject(b -> b.bucket(stack.bucket()).key("reports/busy.txt"), RequestBody.fromString("text"));
        putDocument("d1", "PROCESSING", "reports/stuck.txt", "2026-11-27T10:00:00Z");
        putDocument("d2", "PROCESSING", "reports/busy.txt", "2026-11-27T11:59:00Z");
        drain(stack.queueUrl());

        assertEquals(1, reprocessor.reprocessStuck(java.time.Instant.parse("2026-11-27T11:45:00Z")));

        List<Message> queued = drain(stack.queueUrl());
        assertEquals(1, queued.size());
        assertEquals("reports/stuck.txt", JSON.readTree(queued.get(0).body()).at("/Records/0/s3/object/key").asText());
    }

    @Test
    void deadLettersMoveBackToTheQueueWithTheirBodies() {
        drain(stack.queueUrl());
        clients.sqs().sendMessage(b -> b.queueUrl(stack.deadLetterQueueUrl()).messageBody("first"));
        clients.sqs().sendMessage(b -> b.queueUrl(stack.deadLetterQueueUrl()).messageBody("second"));

        assertEquals(2, reprocessor.redriveDeadLetters());

        assertEquals(List.of("first", "second"), drain(stack.queueUrl()).stream().map(Message::body).sorted().toList());
        assertEquals(List.of(), drain(stack.deadLetterQueueUrl()));
    }

    private void putDocument(String id, String status, String key) {
        putDocument(id, status, key, "2026-11-27T12:00:00Z");
    }

    private void putDocument(String id, String status, String key, String updatedAt) {
        String doc = JSON.createObjectNode().put("id", id).put("bucket", stack.bucket()).put("key", key)
                .put("status", status).toString();
        clients.dynamoDb().putItem(b -> b.tableName(stack.tableName()).item(Map.of(
                "pk", AttributeValue.fromS("DOC#" + id), "sk", AttributeValue.fromS("DOC"),
                Reprocessor.STATUS_INDEX_PK, AttributeValue.fromS("DOCSTATUS#" + status),
                "gsi1sk", AttributeValue.fromS(updatedAt + "#" + id),
                Reprocessor.DOCUMENT_JSON, AttributeValue.fromS(doc))));
    }

    private List<Message> drain(String queueUrl) {
        List<Message> all = new ArrayList<>();
        while (true) {
            List<Message> batch = clients.sqs().receiveMessage(b -> b.queueUrl(queueUrl).maxNumberOfMessages(10).waitTimeSeconds(1))
                    .messages();
            if (batch.isEmpty()) {
                return all;
            }
            batch.forEach(m -> clients.sqs().deleteMessage(b -> b.queueUrl(queueUrl).receiptHandle(m.receiptHandle())));
            all.addAll(batch);
        }
    }
}
