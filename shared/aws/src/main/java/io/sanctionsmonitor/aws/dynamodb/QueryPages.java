package io.sanctionsmonitor.aws.dynamodb;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;
import software.amazon.awssdk.services.dynamodb.model.QueryResponse;

/**
 * Every item of a Query, page after page, as the SDK's {@code queryPaginator} reads them, without the paginator's
 * classes (a dozen more to load on a cold start for a loop this short).
 */
final class QueryPages {

    private QueryPages() {}

    static List<Map<String, AttributeValue>> all(DynamoDbClient dynamoDb, QueryRequest request) {
        List<Map<String, AttributeValue>> items = new ArrayList<>();
        QueryRequest page = request;
        while (true) {
            QueryResponse response = dynamoDb.query(page);
            items.addAll(response.items());
            if (!response.hasLastEvaluatedKey() || response.lastEvaluatedKey().isEmpty()) {
                return items;
            }
            page = page.toBuilder().exclusiveStartKey(response.lastEvaluatedKey()).build();
        }
    }
}
