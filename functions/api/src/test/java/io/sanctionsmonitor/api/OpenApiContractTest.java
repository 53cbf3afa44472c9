package io.sanctionsmonitor.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import io.sanctionsmonitor.aws.dynamodb.DynamoDocumentStore;
import io.sanctionsmonitor.aws.dynamodb.MotoTable;
import io.sanctionsmonitor.model.Finding;
import io.sanctionsmonitor.model.ReportDocument;
import io.sanctionsmonitor.testing.SampleFindings;
import java.io.InputStream;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The OpenAPI document is the contract: every documented route and every documented parameter is served
 * (a 200 whose body validates against the documented schema), and problems validate against Problem.
 */
class OpenApiContractTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    /** A valid value per documented query parameter. */
    private static final Map<String, String> EXAMPLES = Map.ofEntries(
            Map.entry("category", "ARMS_TRANSFER"), Map.entry("country", "RUS"), Map.entry("from", "PRK"),
            Map.entry("to", "RUS"), Map.entry("item", "shells"), Map.entry("certainty", "alleged"),
            Map.entry("source", "MSMT"), Map.entry("since", "2023"), Map.entry("until", "2025-06-30"),
            Map.entry("limit", "2"), Map.entry("status", "PROCESSED"));

    private static MotoTable table;
    private static ApiHandler handler;
    private static JsonNode openApi;
    private static ReportDocument document;
    private static Finding finding;

    @BeforeAll
    static void setUp() throws Exception {
        table = MotoTable.create("contract");
        DynamoDocumentStore store = new DynamoDocumentStore(table.client, table.name);
        document = SampleFindings.document("reports/contract.txt", "2026-02-01T00:00:00Z");
        List<Finding> findings = SampleFindings.random(new Random(9), document.id(), 12);
        store.complete(document, findings);
        finding = findings.get(0);
        handler = new ApiHandler(table.client, table.name, "contract-test-key-of-32-bytes---".getBytes(StandardCharsets.UTF_8));
        try (InputStream in = OpenApiContractTest.class.getResourceAsStream("/query/openapi.json")) {
            openApi = JSON.readTree(in);
        }
    }

    @AfterAll
    static void drop() {
        table.close();
    }

    private static APIGatewayV2HTTPResponse get(String path, String rawQuery) {
        APIGatewayV2HTTPEvent event = new APIGatewayV2HTTPEvent();
        event.setRawPath(path);
        event.setRawQueryString(rawQuery);
        event.setRequestContext(APIGatewayV2HTTPEvent.RequestContext.builder().withStage("$default")
                .withHttp(APIGatewayV2HTTPEvent.RequestContext.Http.builder().withMethod("GET").withPath(path).build())
                .build());
        return handler.handleRequest(event, null);
    }

    private static JsonSchema schema(String name) {
        ObjectNode root = JSON.createObjectNode();
        root.put("$schema", "https://json-schema.org/draft/2020-12/schema");
        root.set("components", openApi.get("components"));
        root.put("$ref", "#/components/schemas/" + name);
        return JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012).getSchema(root);
    }

    private static void assertValid(String schemaName, APIGatewayV2HTTPResponse response, String context) throws Exception {
        Set<ValidationMessage> errors = schema(schemaName).validate(JSON.readTree(response.getBody()));
        assertTrue(errors.isEmpty(), context + ": " + errors + " in " + response.getBody());
    }

    private static String concrete(String path) {
        return path.replace("{id}", path.startsWith("/findings") ? finding.id() : document.id());
    }

    private static String responseSchema(JsonNode operation, String status) {
        JsonNode schema = operation.at("/responses/" + status + "/content").elements().next().get("schema");
        String ref = schema.path("$ref").asText("");
        return ref.isEmpty() ? null : ref.substring(ref.lastIndexOf('/') + 1);
    }

    @Test
    void everyRouteAndEveryParameterIsServedAsDocumented() throws Exception {
        List<String> checked = new ArrayList<>();
        for (Iterator<Map.Entry<String, JsonNode>> paths = openApi.get("paths").fields(); paths.hasNext(); ) {
            Map.Entry<String, JsonNode> route = paths.next();
            JsonNode operation = route.getValue().get("get");
            String path = concrete(route.getKey());
            String okSchema = responseSchema(operation, "200");

            APIGatewayV2HTTPResponse plain = get(path, "");
            assertEquals(200, plain.getStatusCode(), path + " " + plain.getBody());
            if (okSchema != null) {
                assertValid(okSchema, plain, path);
            }
            for (JsonNode parameter : operation.get("parameters")) {
                if (!parameter.get("in").asText().equals("query") || parameter.get("name").asText().equals("cursor")) {
                    continue;
                }
                String name = parameter.get("name").asText();
                String value = name.equals("document") ? document.id() : EXAMPLES.get(name);
                String query = name + "=" + URLEncoder.encode(value, StandardCharsets.UTF_8);
                APIGatewayV2HTTPResponse response = get(path, query);
                assertEquals(200, response.getStatusCode(), path + "?" + query + " " + response.getBody());
                assertValid(okSchema, response, path + "?" + query);
                checked.add(path + "?" + name);
            }
        }
        assertTrue(checked.size() >= 14, "documented parameters checked: " + checked);
    }

    @Test
    void cursorsOfDocumentedListsAreServed() throws Exception {
        for (String path : List.of("/findings", "/incidents", "/documents", "/documents/" + document.id() + "/findings")) {
            APIGatewayV2HTTPResponse first = get(path, "limit=1");
            String cursor = JSON.readTree(first.getBody()).get("next_cursor").asText(null);
            if (path.equals("/documents")) {
                continue; // one document: no second page
            }
            APIGatewayV2HTTPResponse second = get(path, "limit=1&cursor=" + URLEncoder.encode(cursor, StandardCharsets.UTF_8));
            assertEquals(200, second.getStatusCode(), second.getBody());
            assertValid(path.equals("/incidents") ? "IncidentList" : "FindingList", second, path + " page 2");
        }
    }

    @Test
    void theSchemasRejectWhatTheyDoNotDescribe() throws Exception {
        assertTrue(!schema("FindingList").validate(JSON.readTree("{\"items\":[{\"id\":1}],\"next_cursor\":null}")).isEmpty());
        assertTrue(!schema("IncidentList").validate(JSON.readTree("{\"items\":[{\"key\":1}],\"next_cursor\":null}")).isEmpty());
        assertTrue(!schema("Stats").validate(JSON.readTree("{\"findings\":-1}")).isEmpty());
        assertTrue(!schema("Problem").validate(JSON.readTree("{\"title\":\"x\"}")).isEmpty());
    }

    @Test
    void documentedProblemsValidateAgainstTheProblemSchema() throws Exception {
        Map<String, Integer> bad = Map.of(
                "/findings?category=weapons", 400,
                "/findings?colour=red", 400,
                "/findings?cursor=forged.cursor", 400,
                "/findings/" + document.id() + "-9999?", 404,
                "/documents/0123456789abcdef0123?", 404,
                "/documents?status=lost", 400,
                "/stats?verbose=1", 400);
        for (Map.Entry<String, Integer> e : bad.entrySet()) {
            String[] parts = e.getKey().split("\\?", 2);
            APIGatewayV2HTTPResponse response = get(parts[0], parts[1]);
            assertEquals(e.getValue(), response.getStatusCode(), e.getKey());
            assertEquals("application/problem+json", response.getHeaders().get("content-type"));
            assertValid("Problem", response, e.getKey());
            assertTrue(!response.getBody().contains("Exception") && !response.getBody().contains("\tat "),
                    "no stack trace: " + response.getBody());
        }
    }
}
