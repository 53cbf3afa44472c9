package io.sanctionsmonitor.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.amazonaws.services.lambda.runtime.tests.EventLoader;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.sanctionsmonitor.aws.dynamodb.DynamoDocumentStore;
import io.sanctionsmonitor.aws.dynamodb.MotoTable;
import io.sanctionsmonitor.model.Category;
import io.sanctionsmonitor.model.Certainty;
import io.sanctionsmonitor.model.Finding;
import io.sanctionsmonitor.model.ReportDocument;
import io.sanctionsmonitor.testing.SampleFindings;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Runs the handler on the events/ fixtures that {@code sam local invoke -e} uses, against moto. */
class ApiHandlerEventsTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static MotoTable table;
    private static ApiHandler handler;
    private static ReportDocument document;

    @BeforeAll
    static void storeTheSampleDocument() {
        table = MotoTable.create("api-events");
        // events/api-get-document.json asks for this document's id.
        document = SampleFindings.document("reports/sample-report.txt", "2026-11-27T12:00:00Z");
        DynamoDocumentStore store = new DynamoDocumentStore(table.client, table.name);
        store.begin(document);
        store.complete(document, List.of(
                SampleFindings.finding(Category.ARMS_TRANSFER, "RUS", "PRK", List.of("Pantsir-class combat vehicle"),
                        "2024-03/2024-10", List.of("MSMT"), Certainty.REPORTED).identified(document.id(), 0),
                SampleFindings.finding(Category.MUNITIONS_TRANSFER, "PRK", "RUS", List.of("artillery shells"),
                        "2023-09/", List.of(), Certainty.CONFIRMED).identified(document.id(), 1)));
        handler = new ApiHandler(table.client, table.name, "an-api-test-key-of-32-bytes-----".getBytes(StandardCharsets.UTF_8));
    }

    @AfterAll
    static void drop() {
        table.close();
    }

    @Test
    void theListFindingsEventGetsTheFilteredFindings() throws Exception {
        APIGatewayV2HTTPEvent event = EventLoader.loadApiGatewayHttpEvent("../../events/api-list-findings.json");
        APIGatewayV2HTTPResponse response = handler.handleRequest(event, null);
        assertEquals(200, response.getStatusCode(), response.getBody());
        assertEquals("application/json", response.getHeaders().get("content-type"));
        JsonNode items = JSON.readTree(response.getBody()).get("items");
        assertEquals(1, items.size());
        Finding finding = JSON.treeToValue(items.get(0), Finding.class);
        assertEquals(document.id() + "-0000", finding.id());
        assertEquals(Category.ARMS_TRANSFER, finding.category());
    }

    @Test
    void theListIncidentsEventGetsTheIncidentOfTheFilteredFinding() throws Exception {
        APIGatewayV2HTTPEvent event = EventLoader.loadApiGatewayHttpEvent("../../events/api-list-incidents.json");
        APIGatewayV2HTTPResponse response = handler.handleRequest(event, null);
        assertEquals(200, response.getStatusCode(), response.getBody());
        JsonNode items = JSON.readTree(response.getBody()).get("items");
        assertEquals(1, items.size(), response.getBody());
        assertEquals(List.of(document.id() + "-0000"), items.get(0).get("findings").findValuesAsText("id"));
        assertEquals("MSMT", items.get(0).get("sources").get(0).asText());
    }

    @Test
    void theGetDocumentEventGetsTheDocument() throws Exception {
        APIGatewayV2HTTPEvent event = EventLoader.loadApiGatewayHttpEvent("../../events/api-get-document.json");
        APIGatewayV2HTTPResponse response = handler.handleRequest(event, null);
        assertEquals(200, response.getStatusCode(), response.getBody());
        JsonNode body = JSON.readTree(response.getBody());
        assertEquals(document.id(), body.get("id").asText());
        assertEquals("PROCESSED", body.get("status").asText());
        assertEquals(2, body.get("finding_count").asInt());
    }

    @Test
    void aRepeatedParameterInTheRawQueryIsRefused() throws Exception {
        APIGatewayV2HTTPEvent event = EventLoader.loadApiGatewayHttpEvent("../../events/api-list-findings.json");
        event.setRawQueryString("category=ARMS_TRANSFER&category=FINANCIAL");
        APIGatewayV2HTTPResponse response = handler.handleRequest(event, null);
        assertEquals(400, response.getStatusCode());
        assertEquals("application/problem+json", response.getHeaders().get("content-type"));
        assertTrue(response.getBody().contains("\"parameter\":\"category\""));
    }

    @Test
    void encodedParametersAreDecoded() throws Exception {
        APIGatewayV2HTTPEvent event = EventLoader.loadApiGatewayHttpEvent("../../events/api-list-findings.json");
        event.setRawQueryString("source=msmt&item=Pantsir%2Dclass+combat");
        APIGatewayV2HTTPResponse response = handler.handleRequest(event, null);
        assertEquals(1, JSON.readTree(response.getBody()).get("items").size(), response.getBody());
    }
}
