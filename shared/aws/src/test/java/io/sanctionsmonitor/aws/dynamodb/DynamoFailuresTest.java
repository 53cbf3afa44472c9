package io.sanctionsmonitor.aws.dynamodb;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.sanctionsmonitor.ingest.TransientFailureException;
import io.sanctionsmonitor.query.FindingFilter;
import io.sanctionsmonitor.testing.SampleFindings;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.awscore.exception.AwsErrorDetails;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.BatchWriteItemRequest;
import software.amazon.awssdk.services.dynamodb.model.BatchWriteItemResponse;
import software.amazon.awssdk.services.dynamodb.model.DynamoDbException;
import software.amazon.awssdk.services.dynamodb.model.PutRequest;
import software.amazon.awssdk.services.dynamodb.model.WriteRequest;

class DynamoFailuresTest {

    @Test
    void anUnreachableBackendIsATransientFailureForWritesAndReads() {
        try (DynamoDbClient away = DynamoDbClient.builder()
                .endpointOverride(URI.create("http://127.0.0.1:9"))
                .region(Region.US_EAST_1)
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("test", "test")))
                .httpClient(UrlConnectionHttpClient.create())
                .build()) {
            DynamoDocumentStore store = new DynamoDocumentStore(away, "any");
            assertThrows(TransientFailureException.class,
                    () -> store.begin(SampleFindings.document("reports/x.txt", "2026-01-01T00:00:00Z")));
            DynamoFindingQueries queries = new DynamoFindingQueries(away, "any");
            assertThrows(TransientFailureException.class, () -> queries.findings(FindingFilter.NONE, 10, null));
        }
    }

    @Test
    void throttlingAndServerErrorsAreTransientAndBadRequestsAreNot() {
        assertTrue(DynamoFailures.isTransient(service(400, "ThrottlingException")));
        assertTrue(DynamoFailures.isTransient(service(400, "ProvisionedThroughputExceededException")));
        assertTrue(DynamoFailures.isTransient(service(500, "InternalServerError")));
        assertTrue(DynamoFailures.isTransient(service(503, "ServiceUnavailable")));
        assertFalse(DynamoFailures.isTransient(service(400, "ValidationException")));
    }

    private static DynamoDbException service(int status, String code) {
        return (DynamoDbException) DynamoDbException.builder().statusCode(status)
                .awsErrorDetails(AwsErrorDetails.builder().errorCode(code).errorMessage(code).build()).build();
    }

    /** A client that leaves the first {@code unprocessedRounds} batches' items unprocessed. */
    private static final class Stubborn implements DynamoDbClient {
        final List<WriteRequest> written = new ArrayList<>();
        int calls;
        final int unprocessedRounds;

        Stubborn(int unprocessedRounds) {
            this.unprocessedRounds = unprocessedRounds;
        }

        @Override
        public BatchWriteItemResponse batchWriteItem(BatchWriteItemRequest request) {
            calls++;
            List<WriteRequest> requests = request.requestItems().get("t");
            if (calls <= unprocessedRounds) {
                int done = unprocessedRounds == Integer.MAX_VALUE ? 0 : 1; // "stays": no progress at all
                written.addAll(requests.subList(0, done));
                return BatchWriteItemResponse.builder()
                        .unprocessedItems(Map.of("t", requests.subList(done, requests.size()))).build();
            }
            written.addAll(requests);
            return BatchWriteItemResponse.builder().build();
        }

        @Override
        public BatchWriteItemResponse batchWriteItem(Consumer<BatchWriteItemRequest.Builder> request) {
            return batchWriteItem(BatchWriteItemRequest.builder().applyMutation(request).build());
        }

        @Override
        public String serviceName() {
            return "dynamodb";
        }

        @Override
        public void close() {}
    }

    private static List<WriteRequest> puts(int n) {
        List<WriteRequest> puts = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            puts.add(WriteRequest.builder().putRequest(PutRequest.builder()
                    .item(Map.of("pk", AttributeValue.fromS("p" + i), "sk", AttributeValue.fromS("s"))).build()).build());
        }
        return puts;
    }

    @Test
    void unprocessedItemsAreRetriedUntilWritten() {
        Stubborn client = new Stubborn(3);
        new BatchWriter(client, "t").write(puts(30));
        assertEquals(30, client.written.size());
        assertEquals(30, client.written.stream().distinct().count());
        assertTrue(client.calls > 2);
    }

    @Test
    void itemsThatStayUnprocessedAreATransientFailure() {
        Stubborn client = new Stubborn(Integer.MAX_VALUE);
        assertThrows(TransientFailureException.class, () -> new BatchWriter(client, "t").write(puts(3)));
        assertEquals(BatchWriter.MAX_ATTEMPTS, client.calls);
    }
}
