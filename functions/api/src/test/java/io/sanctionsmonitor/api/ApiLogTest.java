package io.sanctionsmonitor.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.amazonaws.services.lambda.runtime.ClientContext;
import com.amazonaws.services.lambda.runtime.CognitoIdentity;
import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.LambdaLogger;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.sanctionsmonitor.aws.dynamodb.DynamoDocumentStore;
import io.sanctionsmonitor.aws.dynamodb.MotoTable;
import io.sanctionsmonitor.model.Category;
import io.sanctionsmonitor.model.Certainty;
import io.sanctionsmonitor.model.Finding;
import io.sanctionsmonitor.model.Quantity;
import io.sanctionsmonitor.model.ReportDocument;
import io.sanctionsmonitor.testing.SampleFindings;
import io.sanctionsmonitor.testing.StandardStreams;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Runs the API handler against moto on findings whose evidence, items and source carry made-up marker words, with
 * requests that put those words in free-text filters and in invalid values, and captures everything it logs (the
 * Lambda logger and System.out/System.err). Each request must leave exactly one JSON access line with request id,
 * route, status and duration (and the result count of a list), and no line may carry report text or free-text
 * query values: the marker words must never appear.
 */
class ApiLogTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final List<String> MARKERS = List.of("quillwort", "zembrovia", "marrowdale");
    private static final String SENTENCE = "According to the Zembrovia panel, North Korea shipped Marrowdale drones "
            + "to Russia aboard the vessel Quillwort in March 2024.";
    private static final byte[] KEY = "an-api-log-test-key-of-32-bytes-".getBytes(StandardCharsets.UTF_8);

    private static MotoTable table;
    private static Finding finding;
    private static ReportDocument document;

    @BeforeAll
    static void storeAMarkedFinding() {
        table = MotoTable.create("api-log");
        document = SampleFindings.document("reports/field-update.txt", "2026-11-27T12:00:00Z");
        DynamoDocumentStore store = new DynamoDocumentStore(table.client, table.name);
        store.begin(document);
        finding = new Finding(null, null, Category.ARMS_TRANSFER, "PRK", "RUS", List.of("Marrowdale drones"), "drone",
                new Quantity(40, "drones"), "2024-03", List.of("Zembrovia panel"), Certainty.REPORTED, SENTENCE, 0,
                SENTENCE.length(), List.of("transfer verb")).identified(document.id(), 0);
        store.complete(document, List.of(finding));
    }

    @AfterAll
    static void drop() {
        table.close();
    }

    @Test
    void eachRequestLeavesOneJsonAccessLineWithoutReportTextOrFreeTextValues() {
        ApiHandler handler = new ApiHandler(table.client, table.name, KEY);
        List<String[]> requests = List.of(
                new String[] {"/findings", "item=marrowdale&source=Zembrovia%20panel&category=arms_transfer&country=PRK", "200"},
                new String[] {"/findings/" + finding.id(), "", "200"},
                new String[] {"/documents/" + document.id(), "", "200"},
                new String[] {"/documents/" + document.id() + "/findings", "limit=5", "200"},
                new String[] {"/findings", "category=" + SENTENCE.replace(' ', '+'), "400"},
                new String[] {"/findings", "quillwort=1", "400"},
                new String[] {"/findings/zembrovia-0001", "", "404"},
                new String[] {"/stats", "", "200"});
        RecordingContext context = new RecordingContext();
        List<String> lines = capturing(context, () -> {
            for (String[] r : requests) {
                APIGatewayV2HTTPResponse response = handler.handleRequest(event(r[0], r[1]), context);
                assertEquals(Integer.parseInt(r[2]), response.getStatusCode(), r[0] + "?" + r[1] + " " + response.getBody());
            }
        });

        List<String> problems = problems(lines, context.getAwsRequestId());
        assertEquals(List.of(), problems);
        assertEquals(requests.size(), lines.size(), "one access line per request:\n" + String.join("\n", lines));
        JsonNode first = parse(lines.get(0));
        assertEquals(200, first.path("status").asInt(), lines.get(0));
        assertEquals(1, first.path("result_count").asInt(), lines.get(0));
        assertEquals("/findings", first.path("route").asText(), lines.get(0));
        assertEquals("/findings/{id}", parse(lines.get(1)).path("route").asText(), lines.get(1));
    }

    @Test
    void aStoreFailureIsLoggedAsJsonWithoutTheLibrarysMessage() {
        ApiHandler handler = new ApiHandler(table.client, "no-such-table-" + table.name, KEY);
        RecordingContext context = new RecordingContext();
        List<String> lines = capturing(context, () -> {
            APIGatewayV2HTTPResponse response = handler.handleRequest(event("/findings", "item=marrowdale"), context);
            assertTrue(response.getStatusCode() >= 500, response.getBody());
        });
        assertEquals(List.of(), problems(lines, context.getAwsRequestId()));
        assertTrue(lines.stream().anyMatch(l -> parse(l).path("status").asInt() >= 500), String.join("\n", lines));
        for (String line : lines) {
            assertTrue(!line.contains("no-such-table") && !line.contains("Exception:"), "library message in the log: " + line);
        }
    }

    /** Every line that is not one JSON object with the request id, route, status and duration, or that carries a marker. */
    static List<String> problems(List<String> lines, String requestId) {
        List<String> problems = new ArrayList<>();
        for (String line : lines) {
            JsonNode json = parse(line);
            if (json == null || !json.isObject()) {
                problems.add("not one JSON object: " + line);
                continue;
            }
            if (!requestId.equals(json.path("request_id").asText())) {
                problems.add("no request id: " + line);
            }
            for (String field : List.of("route", "status", "duration_ms")) {
                if (!json.has(field)) {
                    problems.add("no " + field + ": " + line);
                }
            }
            String lower = line.toLowerCase(Locale.ROOT);
            MARKERS.stream().filter(lower::contains).forEach(m -> problems.add("text '" + m + "' in: " + line));
        }
        return problems;
    }

    private static JsonNode parse(String line) {
        try {
            return JSON.readTree(line);
        } catch (IOException e) {
            return null;
        }
    }

    private static APIGatewayV2HTTPEvent event(String path, String rawQuery) {
        APIGatewayV2HTTPEvent event = new APIGatewayV2HTTPEvent();
        APIGatewayV2HTTPEvent.RequestContext context = new APIGatewayV2HTTPEvent.RequestContext();
        APIGatewayV2HTTPEvent.RequestContext.Http http = new APIGatewayV2HTTPEvent.RequestContext.Http();
        http.setMethod("GET");
        http.setPath(path);
        context.setHttp(http);
        context.setStage("$default");
        context.setRequestId("api-gateway-request-1");
        event.setRequestContext(context);
        event.setRawPath(path);
        event.setRawQueryString(rawQuery);
        return event;
    }

    /** Everything logged while the action runs: the Lambda logger's lines and System.out/System.err. */
    private static List<String> capturing(RecordingContext context, Runnable action) {
        List<String> lines = new ArrayList<>(StandardStreams.capture(action).stream().filter(l -> !l.isBlank()).toList());
        context.lines.forEach(l -> l.lines().filter(x -> !x.isBlank()).forEach(lines::add));
        return lines;
    }

    /** A Lambda context that keeps what the function logs. */
    static final class RecordingContext implements Context {
        final List<String> lines = new CopyOnWriteArrayList<>();
        private final LambdaLogger logger = new LambdaLogger() {
            @Override
            public void log(String message) {
                lines.add(message);
            }

            @Override
            public void log(byte[] message) {
                log(new String(message, StandardCharsets.UTF_8));
            }
        };

        @Override public String getAwsRequestId() { return "lambda-request-1"; }
        @Override public String getLogGroupName() { return "/aws/lambda/api"; }
        @Override public String getLogStreamName() { return "stream"; }
        @Override public String getFunctionName() { return "api"; }
        @Override public String getFunctionVersion() { return "1"; }
        @Override public String getInvokedFunctionArn() { return "arn:aws:lambda:us-east-1:123456789012:function:api:live"; }
        @Override public CognitoIdentity getIdentity() { return null; }
        @Override public ClientContext getClientContext() { return null; }
        @Override public int getRemainingTimeInMillis() { return 10_000; }
        @Override public int getMemoryLimitInMB() { return 1024; }
        @Override public LambdaLogger getLogger() { return logger; }
    }
}
