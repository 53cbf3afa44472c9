package io.sanctionsmonitor.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import io.sanctionsmonitor.aws.dynamodb.MotoTable;
import io.sanctionsmonitor.query.FindingQueries;
import java.lang.reflect.Field;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.SdkClient;
import software.amazon.awssdk.identity.spi.IdentityProvider;

/**
 * The SnapStart hooks of the API function: called directly (the build JDK has no CRaC), they answer every route
 * from made-up findings, keep nothing that must not outlive a snapshot, and leave the real handler answering
 * from its table after restore.
 */
class ApiPrimingTest {

    @Test
    void beforeCheckpointAnswersEveryRouteAndRefusesTheBadParameter() {
        ApiPriming priming = new ApiPriming();
        assertEquals(List.of(), priming.primedStatuses());

        priming.beforeCheckpoint(null);

        // Two pages of /findings (the second by cursor), a filtered list, one finding, the documents routes,
        // stats, the OpenAPI document, and a refused limit.
        assertEquals(List.of(200, 200, 200, 200, 200, 200, 200, 200, 200, 200, 400), priming.primedStatuses());
    }

    @Test
    void primingHoldsNoClientCredentialsQueriesClockRandomSourceOrKey() {
        List<String> captured = new ArrayList<>();
        List<Class<?>> classes = new ArrayList<>(List.of(ApiPriming.class));
        classes.addAll(List.of(ApiPriming.class.getDeclaredClasses()));
        for (Class<?> type : classes) {
            for (Field field : type.getDeclaredFields()) {
                for (Class<?> forbidden : List.of(SdkClient.class, IdentityProvider.class, FindingQueries.class,
                        Clock.class, Instant.class, Random.class, SecretKeySpec.class)) {
                    if (forbidden.isAssignableFrom(field.getType())) {
                        captured.add(type.getSimpleName() + "." + field.getName() + ": " + forbidden.getSimpleName());
                    }
                }
            }
        }
        assertEquals(List.of(), captured);
    }

    @Test
    void theRealHandlerAnswersFromItsTableAfterRestoreAndRefusesPrimingCursors() {
        try (MotoTable table = MotoTable.create("api-priming")) {
            ApiHandler handler = new ApiHandler(table.client, table.name,
                    "a-real-cursor-key-of-32-bytes---".getBytes(StandardCharsets.UTF_8));
            ApiPriming priming = new ApiPriming();
            priming.beforeCheckpoint(null);
            priming.afterRestore(null);

            APIGatewayV2HTTPResponse list = handler.handleRequest(get("/findings", ""), null);
            assertEquals(200, list.getStatusCode(), list.getBody());
            assertTrue(list.getBody().contains("\"items\":[]"), "an empty table, not the priming's made-up findings: "
                    + list.getBody());

            // A cursor signed with the priming key is not one the real key signed.
            String primingCursor = primingCursor();
            APIGatewayV2HTTPResponse forged = handler.handleRequest(get("/findings", "limit=1&cursor=" + primingCursor), null);
            assertEquals(400, forged.getStatusCode(), forged.getBody());
        }
    }

    /** The next-page cursor of the priming's own first page of findings. */
    private static String primingCursor() {
        String cursor = ApiPriming.nextCursor(ApiPriming.answer(ApiPriming.primingApi(), "/findings", "limit=1").getBody());
        assertTrue(cursor != null && !cursor.isEmpty(), "the made-up first page has a next page");
        return cursor;
    }

    private static APIGatewayV2HTTPEvent get(String path, String rawQuery) {
        return APIGatewayV2HTTPEvent.builder().withVersion("2.0").withRawPath(path).withRawQueryString(rawQuery)
                .withRequestContext(APIGatewayV2HTTPEvent.RequestContext.builder().withStage("$default")
                        .withHttp(APIGatewayV2HTTPEvent.RequestContext.Http.builder().withMethod("GET").withPath(path).build())
                        .build())
                .build();
    }
}
