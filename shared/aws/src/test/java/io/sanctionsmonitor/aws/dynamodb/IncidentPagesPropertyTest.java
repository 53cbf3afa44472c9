package io.sanctionsmonitor.aws.dynamodb;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.sanctionsmonitor.model.DocumentStatus;
import io.sanctionsmonitor.model.Finding;
import io.sanctionsmonitor.model.ReportDocument;
import io.sanctionsmonitor.query.CursorCodec;
import io.sanctionsmonitor.query.QueryApi;
import io.sanctionsmonitor.testing.IncidentReports;
import io.sanctionsmonitor.testing.InMemoryStore;
import io.sanctionsmonitor.testing.SampleFindings;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Property: after a history of uploads, re-uploads and deletions, walking GET /incidents on DynamoDB (moto) with
 * random filters and page sizes returns exactly the in-memory oracle's incidents, each whole and once; also when a
 * tiny read budget makes pages end early.
 */
class IncidentPagesPropertyTest {

    private static final long SEED = Long.getLong("property.seed", 20261127L);
    private static final int FILTERS = Integer.getInteger("property.filters", 12);
    private static final byte[] KEY = "incident-test-key-32-bytes------".getBytes(StandardCharsets.UTF_8);

    private static MotoTable table;
    private static final InMemoryStore oracle = new InMemoryStore();
    private static final List<String> documentIds = new ArrayList<>();

    @BeforeAll
    static void storeAHistory() {
        table = MotoTable.create("incidents");
        DynamoDocumentStore store = new DynamoDocumentStore(table.client, table.name);
        IncidentReports.ALL.forEach(r -> {
            r.storeIn(store);
            r.storeIn(oracle);
            documentIds.add(r.document(DocumentStatus.PROCESSED).id());
        });
        ReportDocument withdrawn = IncidentReports.WIRE.document(DocumentStatus.DELETED);
        store.delete(withdrawn);
        oracle.delete(withdrawn);
        Random random = new Random(SEED);
        for (int d = 0; d < 6; d++) {
            ReportDocument doc = SampleFindings.document("reports/incident-random-" + d + ".txt", "2026-02-0" + (d + 1) + "T00:00:00Z");
            documentIds.add(doc.id());
            List<Finding> findings = SampleFindings.random(random, doc.id(), 10 + random.nextInt(20));
            store.begin(doc);
            oracle.begin(doc);
            store.complete(doc, findings);
            oracle.complete(doc, findings);
            if (d % 3 == 1) { // a new version with other findings replaces them
                List<Finding> again = SampleFindings.random(random, doc.id(), 5 + random.nextInt(10));
                store.complete(doc, again);
                oracle.complete(doc, again);
            }
        }
    }

    @AfterAll
    static void drop() {
        table.close();
    }

    @Test
    void everyFilterPagesThroughTheOraclesIncidentsWholeAndOnce() throws Exception {
        QueryApi oracleApi = new QueryApi(oracle, new CursorCodec(KEY));
        QueryApi dynamoApi = new QueryApi(new DynamoFindingQueries(table.client, table.name), new CursorCodec(KEY));
        Random random = new Random(SEED + 1);
        for (int i = 0; i < FILTERS; i++) {
            Map<String, List<String>> filter = i == 0 ? Map.of() : FindingPagesPropertyTest.randomFilter(random, documentIds);
            int limit = 1 + random.nextInt(random.nextInt(3) == 0 ? 3 : 20);
            List<JsonNode> expected = walk(oracleApi, filter, 100);
            assertEquals(expected, walk(dynamoApi, filter, limit), "seed " + SEED + ", filter " + filter + ", limit " + limit);
        }
    }

    @Test
    void aTinyReadBudgetEndsPagesEarlyButBetweenIncidents() throws Exception {
        QueryApi oracleApi = new QueryApi(oracle, new CursorCodec(KEY));
        QueryApi tight = new QueryApi(new DynamoFindingQueries(table.client, table.name, (a, s, r) -> {}, 5),
                new CursorCodec(KEY));

        List<JsonNode> expected = walk(oracleApi, Map.of(), 100);

        assertTrue(expected.size() > 10, "the history makes enough incidents to page: " + expected.size());
        assertEquals(expected, walk(tight, Map.of(), 100));
    }

    @Test
    void aDeletedReportLeavesNoTraceInItsIncident() throws Exception {
        QueryApi dynamoApi = new QueryApi(new DynamoFindingQueries(table.client, table.name), new CursorCodec(KEY));

        List<JsonNode> airDefence = walk(dynamoApi, Map.of("category", List.of("ARMS_TRANSFER"), "from", List.of("RUS"),
                "to", List.of("PRK"), "since", List.of("2024-06")), 10);

        assertEquals(1, airDefence.size(), airDefence.toString());
        assertEquals(2, airDefence.get(0).get("report_count").asInt(), "the wire's report was deleted");
        assertEquals(List.of("South Korea", "MSMT"), texts(airDefence.get(0).get("sources")));
    }

    private static List<JsonNode> walk(QueryApi api, Map<String, List<String>> filter, int limit) throws Exception {
        return FindingPagesPropertyTest.items(api, "/incidents", filter, limit, 1_000);
    }

    private static List<String> texts(JsonNode array) {
        List<String> out = new ArrayList<>();
        array.forEach(n -> out.add(n.asText()));
        return out;
    }
}
