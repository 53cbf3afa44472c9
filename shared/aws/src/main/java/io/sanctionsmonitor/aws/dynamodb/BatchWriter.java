package io.sanctionsmonitor.aws.dynamodb;

import io.sanctionsmonitor.ingest.TransientFailureException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.BatchWriteItemResponse;
import software.amazon.awssdk.services.dynamodb.model.WriteRequest;

/**
 * BatchWriteItem in chunks of 25, retrying the unprocessed items with exponential backoff and jitter; when
 * they stay unprocessed, the write is a transient failure (the message is retried later).
 */
final class BatchWriter {

    static final int BATCH = 25;
    static final int MAX_ATTEMPTS = 8;

    private final DynamoDbClient dynamoDb;
    private final String table;

    BatchWriter(DynamoDbClient dynamoDb, String table) {
        this.dynamoDb = dynamoDb;
        this.table = table;
    }

    void write(List<WriteRequest> requests) {
        for (int start = 0; start < requests.size(); start += BATCH) {
            List<WriteRequest> pending = new ArrayList<>(requests.subList(start, Math.min(start + BATCH, requests.size())));
            for (int attempt = 0; !pending.isEmpty(); attempt++) {
                if (attempt == MAX_ATTEMPTS) {
                    throw new TransientFailureException(pending.size() + " writes stayed unprocessed", null);
                }
                if (attempt > 0) {
                    backoff(attempt);
                }
                try {
                    BatchWriteItemResponse response = dynamoDb.batchWriteItem(b -> b.requestItems(Map.of(table, List.copyOf(pending))));
                    pending.clear();
                    if (response.hasUnprocessedItems() && response.unprocessedItems().containsKey(table)) {
                        pending.addAll(response.unprocessedItems().get(table));
                    }
                } catch (SdkException e) {
                    throw DynamoFailures.classify("BatchWriteItem", e);
                }
            }
        }
    }

    static void backoff(int attempt) {
        long cap = Math.min(2_000L, 25L << Math.min(attempt, 10));
        try {
            Thread.sleep(ThreadLocalRandom.current().nextLong(cap / 2, cap + 1));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new TransientFailureException("interrupted while backing off", e);
        }
    }
}
