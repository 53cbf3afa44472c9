package io.sanctionsmonitor.api;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import io.sanctionsmonitor.aws.dynamodb.DynamoDocumentStore;
import io.sanctionsmonitor.aws.dynamodb.MotoTable;
import io.sanctionsmonitor.model.Finding;
import io.sanctionsmonitor.model.ReportDocument;
import io.sanctionsmonitor.testing.SampleFindings;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * Run in a child JVM by {@link ColdPathClassesTest}: stores a document with findings through the processor's store,
 * then asks the API handler every route against moto. Exits 0 only when each answered with the expected status.
 */
final class ColdPathMain {

    private ColdPathMain() {}

    public static void main(String[] args) {
        List<String> failures = new ArrayList<>();
        try (MotoTable table = MotoTable.create("cold-path")) {
            ReportDocument document = SampleFindings.document("reports/cold-path.txt", "2025-01-15T10:00:00Z");
            List<Finding> findings = SampleFindings.random(new Random(8), document.id(), 3);
            DynamoDocumentStore store = new DynamoDocumentStore(table.client, table.name);
            store.begin(document);
            store.complete(document, findings);

            ApiHandler handler = new ApiHandler(table.client, table.name,
                    "a-cold-path-cursor-key-32-bytes-".getBytes(StandardCharsets.UTF_8));
            String first = expect(handler, "/findings", "limit=1", 200, failures);
            expect(handler, "/findings", "limit=1&cursor=" + ApiPriming.nextCursor(first), 200, failures);
            expect(handler, "/findings", "category=" + findings.get(0).category().name().toLowerCase(java.util.Locale.ROOT), 200, failures);
            expect(handler, "/findings/" + findings.get(0).id(), "", 200, failures);
            expect(handler, "/documents", "status=processed", 200, failures);
            expect(handler, "/documents/" + document.id(), "", 200, failures);
            expect(handler, "/documents/" + document.id() + "/findings", "", 200, failures);
            expect(handler, "/incidents", "", 200, failures);
            expect(handler, "/incidents", "category=" + findings.get(0).category().name() + "&limit=1", 200, failures);
            expect(handler, "/stats", "", 200, failures);
            expect(handler, "/findings", "limit=not-a-number", 400, failures);
        }
        if (!failures.isEmpty()) {
            System.err.println(String.join("\n", failures));
            System.exit(1);
        }
    }

    private static String expect(ApiHandler handler, String path, String query, int status, List<String> failures) {
        APIGatewayV2HTTPEvent event = APIGatewayV2HTTPEvent.builder().withVersion("2.0").withRawPath(path)
                .withRawQueryString(query)
                .withRequestContext(APIGatewayV2HTTPEvent.RequestContext.builder().withStage("$default")
                        .withHttp(APIGatewayV2HTTPEvent.RequestContext.Http.builder().withMethod("GET").withPath(path).build())
                        .build())
                .build();
        var response = handler.handleRequest(event, null);
        if (response.getStatusCode() != status) {
            failures.add(path + "?" + query + " answered " + response.getStatusCode() + ": " + response.getBody());
        }
        return response.getBody();
    }
}
