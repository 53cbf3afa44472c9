package io.sanctionsmonitor.api;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import io.sanctionsmonitor.aws.AwsClients;
import io.sanctionsmonitor.aws.LambdaEnvironment;
import io.sanctionsmonitor.aws.dynamodb.DynamoFindingQueries;
import io.sanctionsmonitor.query.ApiRequest;
import io.sanctionsmonitor.query.ApiResponse;
import io.sanctionsmonitor.query.CursorCodec;
import io.sanctionsmonitor.query.QueryApi;
import java.nio.charset.StandardCharsets;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * The HTTP API function (API Gateway HTTP API, payload 2.0): translates the event into an {@link ApiRequest},
 * lets {@link QueryApi} answer, and translates back. Env: {@code TABLE_NAME}, {@code CURSOR_SECRET} (at least
 * 16 bytes; it signs the pagination cursors).
 */
public class ApiHandler implements RequestHandler<APIGatewayV2HTTPEvent, APIGatewayV2HTTPResponse> {

    private final QueryApi api;
    /** Held here because the CRaC context keeps only weak references to its resources. */
    private final ApiPriming priming = ApiPriming.registered();

    /** For Lambda: the client is built once per container, region and credentials from the environment. */
    public ApiHandler() {
        this(AwsClients.dynamoDb(), LambdaEnvironment.required("TABLE_NAME"),
                LambdaEnvironment.required("CURSOR_SECRET").getBytes(StandardCharsets.UTF_8));
    }

    public ApiHandler(DynamoDbClient dynamoDb, String tableName, byte[] cursorKey) {
        this.api = new QueryApi(new DynamoFindingQueries(dynamoDb, tableName), new CursorCodec(cursorKey));
    }

    @Override
    public APIGatewayV2HTTPResponse handleRequest(APIGatewayV2HTTPEvent event, Context context) {
        ApiResponse response = api.handle(HttpEvents.request(event));
        return HttpEvents.response(response);
    }
}
