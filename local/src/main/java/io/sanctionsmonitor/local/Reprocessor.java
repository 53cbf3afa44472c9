package io.sanctionsmonitor.local;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.QueryResponse;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.HeadObjectResponse;
import software.amazon.awssdk.services.s3.model.S3Exception;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.Message;

/**
 * Puts work back in front of the processor, always through its queue so retries, batch failures and the
 * dead-letter queue apply as for a real upload: a report by key (an ObjectCreated notification like the one
 * S3 sends, for the object's current version), every FAILED document, or the dead-letter queue's messages.
 */
public final class Reprocessor {
    /** The document items' status index, as the storage adapter writes it (see TableKeys there). */
    static final String STATUS_INDEX = "gsi1";
    static final String STATUS_INDEX_PK = "gsi1pk";
    static final String STATUS_INDEX_SK = "gsi1sk";
    static final String FAILED_PARTITION = "DOCSTATUS#FAILED";
    static final String STUCK_PARTITION = "DOCSTATUS#PROCESSING";
    /** The attribute holding the stored ReportDocument as JSON, with its "bucket" and "key". */
    static final String DOCUMENT_JSON = "doc";

    private static final ObjectMapper JSON = new ObjectMapper();

    /** Where the stack's pieces are: names as in the template's Outputs. */
    public record Target(String bucket, String queueUrl, String deadLetterQueueUrl, String tableName, String region) {}

    private final S3Client s3;
    private final SqsClient sqs;
    private final DynamoDbClient dynamoDb;
    private final Target target;
    private final Consumer<String> log;

    public Reprocessor(S3Client s3, SqsClient sqs, DynamoDbClient dynamoDb, Target target, Consumer<String> log) {
        this.s3 = s3;
        this.sqs = sqs;
        this.dynamoDb = dynamoDb;
        this.target = target;
        this.log = log;
    }

    /** Queues a notification per key (of the bucket); a key with no object is reported and skipped. */
    public int reprocessKeys(List<String> keys) {
        int queued = 0;
        for (String key : keys) {
            HeadObjectResponse head;
            try {
                head = s3.headObject(b -> b.bucket(target.bucket()).key(key));
            } catch (S3Exception e) {
                if (e.statusCode() != 404) {
                    throw e;
                }
                log.accept("skipped " + key + ": no such object in " + target.bucket());
                continue;
            }
            String body = objectCreatedNotification(target.bucket(), key, head, target.region());
            sqs.sendMessage(b -> b.queueUrl(target.queueUrl()).messageBody(body));
            log.accept("queued " + key);
            queued++;
        }
        return queued;
    }

    /** Queues every FAILED document's report again. */
    public int reprocessFailed() {
        List<String> keys = new ArrayList<>(failedKeys());
        log.accept(keys.size() + " FAILED document(s)");
        return reprocessKeys(keys);
    }

    /**
     * Queues again every document that has been PROCESSING since before {@code cutoff}: its last invocation crashed
     * or timed out after the message was given up, so nothing else will finish it.
     */
    public int reprocessStuck(Instant cutoff) {
        List<String> keys = new ArrayList<>(keysWithStatus(STUCK_PARTITION, cutoff.toString()));
        log.accept(keys.size() + " document(s) PROCESSING since before " + cutoff);
        return reprocessKeys(keys);
    }

    /** The keys (in this bucket) of the documents whose status is FAILED. */
    Set<String> failedKeys() {
        return keysWithStatus(FAILED_PARTITION, null);
    }

    /** The keys of the documents in a status partition of the status index, last updated before a time if given. */
    private Set<String> keysWithStatus(String partition, String updatedBefore) {
        if (target.tableName() == null) {
            throw new IllegalArgumentException("--failed and --stuck need the table name (--table)");
        }
        // The index's sort key starts with the document's update time, so "updated before" is a key condition.
        String condition = updatedBefore == null ? "#pk = :status" : "#pk = :status AND #sk < :before";
        Map<String, String> names = updatedBefore == null ? Map.of("#pk", STATUS_INDEX_PK)
                : Map.of("#pk", STATUS_INDEX_PK, "#sk", STATUS_INDEX_SK);
        Map<String, AttributeValue> values = updatedBefore == null
                ? Map.of(":status", AttributeValue.fromS(partition))
                : Map.of(":status", AttributeValue.fromS(partition), ":before", AttributeValue.fromS(updatedBefore));
        Set<String> keys = new LinkedHashSet<>();
        Map<String, AttributeValue> start = null;
        do {
            Map<String, AttributeValue> from = start;
            QueryResponse page = dynamoDb.query(b -> b.tableName(target.tableName()).indexName(STATUS_INDEX)
                    .keyConditionExpression(condition)
                    .expressionAttributeNames(names)
                    .expressionAttributeValues(values)
                    .exclusiveStartKey(from));
            for (Map<String, AttributeValue> item : page.items()) {
                AttributeValue doc = item.get(DOCUMENT_JSON);
                JsonNode document = doc == null ? null : readJson(doc.s());
                if (document != null && target.bucket().equals(document.path("bucket").asText())
                        && !document.path("key").asText().isEmpty()) {
                    keys.add(document.path("key").asText());
                }
            }
            start = page.hasLastEvaluatedKey() && !page.lastEvaluatedKey().isEmpty() ? page.lastEvaluatedKey() : null;
        } while (start != null);
        return keys;
    }

    /** Moves every message of the dead-letter queue back to the queue (a redrive), keeping bodies and attributes. */
    public int redriveDeadLetters() {
        if (target.deadLetterQueueUrl() == null) {
            throw new IllegalArgumentException("--dlq needs the dead-letter queue URL (--dlq-url)");
        }
        int moved = 0;
        while (true) {
            List<Message> batch = sqs.receiveMessage(b -> b.queueUrl(target.deadLetterQueueUrl())
                    .maxNumberOfMessages(10).waitTimeSeconds(1).messageAttributeNames("All")).messages();
            if (batch.isEmpty()) {
                log.accept("moved " + moved + " message(s) from the dead-letter queue back to the queue");
                return moved;
            }
            for (Message message : batch) {
                // Send first, then delete: a crash in between duplicates a message, which the processor tolerates.
                sqs.sendMessage(b -> b.queueUrl(target.queueUrl()).messageBody(message.body())
                        .messageAttributes(message.messageAttributes()));
                sqs.deleteMessage(b -> b.queueUrl(target.deadLetterQueueUrl()).receiptHandle(message.receiptHandle()));
                moved++;
            }
        }
    }

    /** The S3 event notification (version 2.1) S3 would send for this object, key URL-encoded as S3 does. */
    static String objectCreatedNotification(String bucket, String key, HeadObjectResponse head, String region) {
        ObjectNode root = JSON.createObjectNode();
        ObjectNode record = root.putArray("Records").addObject()
                .put("eventVersion", "2.1")
                .put("eventSource", "aws:s3")
                .put("awsRegion", region)
                .put("eventTime", Instant.now().toString())
                .put("eventName", "ObjectCreated:Put");
        record.putObject("userIdentity").put("principalId", "sanctions-monitor-reprocess");
        ObjectNode s3 = record.putObject("s3").put("s3SchemaVersion", "1.0").put("configurationId", "reprocess");
        s3.putObject("bucket").put("name", bucket).put("arn", "arn:aws:s3:::" + bucket);
        ObjectNode object = s3.putObject("object")
                .put("key", URLEncoder.encode(key, StandardCharsets.UTF_8).replace("%2F", "/"))
                .put("size", head.contentLength() == null ? 0 : head.contentLength())
                .put("eTag", head.eTag() == null ? "" : head.eTag().replace("\"", ""))
                .put("sequencer", Long.toHexString(System.currentTimeMillis()).toUpperCase());
        if (head.versionId() != null && !head.versionId().equals("null")) {
            object.put("versionId", head.versionId());
        }
        return root.toString();
    }

    private static JsonNode readJson(String text) {
        try {
            return JSON.readTree(text);
        } catch (IOException e) {
            throw new UncheckedIOException("a document item holds no JSON", e);
        }
    }
}
