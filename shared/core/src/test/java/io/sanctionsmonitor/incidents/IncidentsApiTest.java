package io.sanctionsmonitor.incidents;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.sanctionsmonitor.model.DocumentStatus;
import io.sanctionsmonitor.query.ApiRequest;
import io.sanctionsmonitor.query.ApiResponse;
import io.sanctionsmonitor.query.CursorCodec;
import io.sanctionsmonitor.query.QueryApi;
import io.sanctionsmonitor.testing.InMemoryStore;
import io.sanctionsmonitor.testing.IncidentReports;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** GET /incidents over reports we wrote, through the real extractor, as documents arrive, change and go. */
class IncidentsApiTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    private final InMemoryStore store = new InMemoryStore();
    private final QueryApi api = new QueryApi(store, new CursorCodec("a-test-key-of-32-bytes-----------".getBytes(StandardCharsets.UTF_8)));

    @Test
    void threeReportsOfOneActivityAreOneIncidentWithThreeIndependentSources() throws Exception {
        IncidentReports.ALL.forEach(r -> r.storeIn(store));

        JsonNode incident = only(incidents("category=arms_transfer&from=RUS&to=PRK&since=2024-06"));

        assertEquals("air-defence system", incident.path("item_type").asText());
        assertEquals(3, incident.path("report_count").asInt(), incident.toString());
        assertEquals(3, incident.path("source_count").asInt(), incident.toString());
        assertEquals(List.of("South Korea", "MSMT", "Example Wire"), texts(incident.path("sources")), "in period order");
        assertEquals("2025-03-10", incident.path("first_reported").asText());
        assertEquals("2025-07-01", incident.path("latest_reported").asText());
        assertEquals("reported", incident.path("strongest_certainty").asText());
        assertEquals("2024-01-01", incident.path("period_start").asText(), "since (late) 2024 opens the incident");
        assertEquals("9999-12-31", incident.path("period_end").asText(), "and it is still going on");
        assertEquals(3, incident.path("findings").size());
    }

    @Test
    void findingsYearsApartOrOfAnotherDirectionAreOtherIncidents() throws Exception {
        IncidentReports.ALL.forEach(r -> r.storeIn(store));

        List<JsonNode> all = walk("");

        assertEquals(3, all.size(), all.toString());
        JsonNode archive = all.stream().filter(i -> i.path("period_start").asText().startsWith("2016")).findFirst().orElseThrow();
        assertEquals(1, archive.path("source_count").asInt());
        JsonNode shells = all.stream().filter(i -> i.path("category").asText().equals("MUNITIONS_TRANSFER")).findFirst().orElseThrow();
        assertEquals("PRK", shells.path("from").asText());
        assertEquals("RUS", shells.path("to").asText());
    }

    @Test
    void aSourceFilterListsTheIncidentWithEveryOtherSourceThatReportsIt() throws Exception {
        IncidentReports.ALL.forEach(r -> r.storeIn(store));

        JsonNode incident = only(incidents("source=MSMT"));

        assertEquals(3, incident.path("source_count").asInt(), "who else reports it stays visible");
    }

    @Test
    void aChangedReportChangesItsIncidentAndADeletedOneLeavesIt() throws Exception {
        IncidentReports.ALL.forEach(r -> r.storeIn(store));
        IncidentReports.Report seoulRevised = new IncidentReports.Report(IncidentReports.SEOUL.key(), "2025-06-03",
                "Seoul Daily", "South Korean intelligence confirmed that Russia supplied S-400 air defence systems to "
                        + "North Korea in 2025.");

        seoulRevised.storeIn(store);
        JsonNode revised = only(incidents("category=arms_transfer&from=RUS&since=2024-06"));
        store.delete(IncidentReports.MONITORING_TEAM.document(DocumentStatus.DELETED));
        JsonNode afterDeletion = only(incidents("category=arms_transfer&from=RUS&since=2024-06"));
        store.delete(seoulRevised.document(DocumentStatus.DELETED));
        store.delete(IncidentReports.WIRE.document(DocumentStatus.DELETED));

        assertEquals("confirmed", revised.path("strongest_certainty").asText(), revised.toString());
        assertEquals(3, revised.path("report_count").asInt(), "the revision replaced the report's finding, not added one");
        assertEquals(2, afterDeletion.path("report_count").asInt());
        assertFalse(texts(afterDeletion.path("sources")).contains("MSMT"), afterDeletion.toString());
        assertTrue(incidents("category=arms_transfer&from=RUS&since=2024-06").isEmpty(), "no report left, no incident");
    }

    @Test
    void pagesOfOneIncidentEachWalkAllIncidentsOnceAndRefuseAForeignCursor() throws Exception {
        IncidentReports.ALL.forEach(r -> r.storeIn(store));

        List<JsonNode> byOne = walk("limit=1");
        ApiResponse foreign = api.handle(new ApiRequest("GET", "/incidents",
                Map.of("category", List.of("ARMS_TRANSFER"), "cursor", List.of(firstCursor("limit=1")))));

        assertEquals(walk(""), byOne);
        assertEquals(400, foreign.status(), "a cursor is bound to its filters");
    }

    @Test
    void aMalformedFilterIsAProblemNotAnEmptyList() {
        ApiResponse response = api.handle(new ApiRequest("GET", "/incidents", Map.of("from", List.of("Russia"))));

        assertEquals(400, response.status());
        assertTrue(response.body().contains("\"from\""), response.body());
    }

    private JsonNode only(List<JsonNode> incidents) {
        assertEquals(1, incidents.size(), incidents.toString());
        return incidents.get(0);
    }

    private List<JsonNode> incidents(String query) throws Exception {
        List<JsonNode> out = new ArrayList<>();
        JSON.readTree(get(query).body()).path("items").forEach(out::add);
        return out;
    }

    private String firstCursor(String query) throws Exception {
        return JSON.readTree(get(query).body()).path("next_cursor").asText();
    }

    private List<JsonNode> walk(String query) throws Exception {
        List<JsonNode> out = new ArrayList<>();
        String cursor = null;
        do {
            String q = cursor == null ? query : query + (query.isEmpty() ? "" : "&") + "cursor=" + cursor;
            JsonNode body = JSON.readTree(get(q).body());
            body.path("items").forEach(out::add);
            cursor = body.path("next_cursor").isNull() ? null : body.path("next_cursor").asText();
        } while (cursor != null);
        return out;
    }

    private ApiResponse get(String query) {
        Map<String, List<String>> parameters = new LinkedHashMap<>();
        for (String pair : query.split("&")) {
            if (!pair.isEmpty()) {
                String[] kv = pair.split("=", 2);
                parameters.computeIfAbsent(kv[0], k -> new ArrayList<>()).add(kv[1]);
            }
        }
        ApiResponse response = api.handle(new ApiRequest("GET", "/incidents", parameters));
        assertEquals(200, response.status(), response.body());
        return response;
    }

    private static List<String> texts(JsonNode array) {
        List<String> out = new ArrayList<>();
        array.forEach(n -> out.add(n.asText()));
        return out;
    }
}
