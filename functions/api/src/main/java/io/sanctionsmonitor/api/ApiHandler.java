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
 * lets {@link QueryApi} answer, translates back, and logs one JSON access line (see {@link ApiAccessLog}).
 * Env: {@code TABLE_NAME}, {@code CURSOR_SECRET} (at least 16 bytes; it signs the pagination cursors).
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
        long started = System.nanoTime();
        String[] error = {null};
        ApiRequest request = null;
        ApiResponse response;
        try {
            request = HttpEvents.request(event);
            response = api.handle(request, e -> error[0] = e.getClass().getSimpleName());
        } catch (RuntimeException e) {
            // Whatever escapes the API logic is still a problem+json answer, never a Lambda error with a trace.
            error[0] = e.getClass().getSimpleName();
            response = api.internalError(request == null ? null : request.path());
        }
        accessLog(context).request(requestId(context, event), apiRequestId(event), request, response, error[0],
                System.nanoTime() - started);
        return HttpEvents.response(response);
    }

    private ApiAccessLog accessLog(Context context) {
        if (context == null || context.getLogger() == null) {
            return new ApiAccessLog(System.out::println);
        }
        return new ApiAccessLog(line -> context.getLogger().log(line + "\n"));
    }

    private static String requestId(Context context, APIGatewayV2HTTPEvent event) {
        if (context != null && context.getAwsRequestId() != null) {
            return context.getAwsRequestId();
        }
        String apiRequestId = apiRequestId(event);
        return apiRequestId == null ? "none" : apiRequestId;
    }

    private static String apiRequestId(APIGatewayV2HTTPEvent event) {
        return event == null || event.getRequestContext() == null ? null : event.getRequestContext().getRequestId();
    }
}
