package io.sanctionsmonitor.api;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * STUB (infra branch): only the constructors of the fixed contract, so that the local stack compiles before the
 * API helper's handler lands. It answers every request with 501. Replace it with the real handler at merge.
 */
public final class ApiHandler implements RequestHandler<APIGatewayV2HTTPEvent, APIGatewayV2HTTPResponse> {
    public ApiHandler() {
        this(null, System.getenv("TABLE_NAME"), new byte[0]);
    }

    public ApiHandler(DynamoDbClient dynamoDb, String tableName, byte[] cursorKey) {
    }

    @Override
    public APIGatewayV2HTTPResponse handleRequest(APIGatewayV2HTTPEvent event, Context context) {
        return APIGatewayV2HTTPResponse.builder()
                .withStatusCode(501)
                .withHeaders(Map.of("content-type", "application/problem+json"))
                .withBody("{\"title\":\"Not Implemented\",\"status\":501}")
                .build();
    }
}
