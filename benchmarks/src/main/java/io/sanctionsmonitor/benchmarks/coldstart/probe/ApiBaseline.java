package io.sanctionsmonitor.benchmarks.coldstart.probe;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import java.util.Map;
import software.amazon.awssdk.auth.credentials.EnvironmentVariableCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * The floor under the API's cold start: builds the DynamoDB client the way the functions do
 * (io.sanctionsmonitor.aws.AwsClients) and makes one Query, which is what a list request needs at least.
 */
public final class ApiBaseline implements RequestHandler<APIGatewayV2HTTPEvent, String> {
    private final DynamoDbClient dynamoDb;
    private final String table = System.getenv("TABLE_NAME");

    public ApiBaseline() {
        this.dynamoDb = DynamoDbClient.builder()
                .httpClientBuilder(UrlConnectionHttpClient.builder())
                .credentialsProvider(EnvironmentVariableCredentialsProvider.create())
                .region(Region.of(System.getenv("AWS_REGION")))
                .build();
    }

    @Override
    public String handleRequest(APIGatewayV2HTTPEvent event, Context context) {
        int count = dynamoDb.query(b -> b.tableName(table).limit(50)
                .keyConditionExpression("#pk = :pk")
                .expressionAttributeNames(Map.of("#pk", "pk"))
                .expressionAttributeValues(Map.of(":pk", AttributeValue.fromS("STATS")))).count();
        return count >= 0 ? "ok" : "no-count";
    }
}
