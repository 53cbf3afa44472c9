package io.sanctionsmonitor.query;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.sanctionsmonitor.model.Category;
import io.sanctionsmonitor.model.Certainty;
import io.sanctionsmonitor.model.Finding;
import io.sanctionsmonitor.model.ReportDocument;
import io.sanctionsmonitor.testing.InMemoryStore;
import io.sanctionsmonitor.testing.SampleFindings;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class QueryApiTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private final InMemoryStore store = new InMemoryStore();
    private final QueryApi api = new QueryApi(store, new CursorCodec("a-test-key-of-32-bytes-----------".getBytes(StandardCharsets.UTF_8)));
    private ReportDocument document;

    @BeforeEach
    void store() {
        document = SampleFindings.document("reports/a.txt", "2026-01-01T00:00:00Z");
        store.begin(document);
        List<Finding> findings = new ArrayList<>();
        findings.add(SampleFindings.finding(Category.ARMS_TRANSFER, "RUS", "PRK", List.of("Pantsir-class combat vehicle"),
                "2024-03/2024-10", List.of("MSMT"), Certainty.REPORTED).identified(document.id(), 0));
        findings.add(SampleFindings.finding(Category.MUNITIONS_TRANSFER, "PRK", "RUS", List.of("152mm artillery shells"),
                "2023-09/", List.of("South Korea"), Certainty.CONFIRMED).identified(document.id(), 1));
        findings.add(SampleFindings.finding(Category.ARMS_TRANSFER, "PRK", "SYR", List.of("conventional arms"),
                null, List.of(), Certainty.ALLEGED).identified(document.id(), 2));
        findings.addAll(SampleFindings.random(new Random(7), document.id(), 60).subList(3, 60));
        store.complete(document, findings);
    }

    private ApiResponse get(String path, String... params) {
        Map<String, List<String>> query = new LinkedHashMap<>();
        for (int i = 0; i < params.length; i += 2) {
            query.computeIfAbsent(params[i], k -> new ArrayList<>()).add(params[i + 1]);
        }
        return api.handle(ApiRequest.get(path, query));
    }

    private static JsonNode body(ApiResponse response) throws Exception {
        return JSON.readTree(response.body());
    }

    @Test
    void filtersByCategoryAndEitherSideCountry() throws Exception {
        ApiResponse response = get("/findings", "category", "arms_transfer", "country", "rus");
        assertEquals(200, response.status());
        JsonNode items = body(response).get("items");
        assertTrue(items.size() >= 1);
        for (JsonNode f : items) {
            assertEquals("ARMS_TRANSFER", f.get("category").asText());
            assertTrue("RUS".equals(f.get("from").asText()) || "RUS".equals(f.get("to").asText()));
        }
    }

    @Test
    void itemMatchesAWordOfAnItemCaseInsensitively() throws Exception {
        JsonNode items = body(get("/findings", "item", "PANTSIR", "source", "msmt")).get("items");
        assertEquals(document.id() + "-0000", items.get(0).get("id").asText());
    }

    @Test
    void periodFilterKeepsOverlappingPeriodsOnly() throws Exception {
        JsonNode items = body(get("/findings", "since", "2025", "limit", "100")).get("items");
        Set<String> ids = new HashSet<>();
        items.forEach(f -> ids.add(f.get("id").asText()));
        assertTrue(ids.contains(document.id() + "-0001"), "an open period since 2023-09 overlaps 2025");
        assertFalse(ids.contains(document.id() + "-0000"), "2024-03/2024-10 ends before 2025");
        assertFalse(ids.contains(document.id() + "-0002"), "no period never overlaps");
    }

    @Test
    void walkingThePagesReturnsEveryMatchOnce() throws Exception {
        List<String> seen = new ArrayList<>();
        String cursor = null;
        int pages = 0;
        do {
            ApiResponse response = cursor == null ? get("/findings", "certainty", "alleged", "limit", "7")
                    : get("/findings", "certainty", "alleged", "limit", "7", "cursor", cursor);
            assertEquals(200, response.status(), response.body());
            JsonNode body = body(response);
            body.get("items").forEach(f -> seen.add(f.get("id").asText()));
            cursor = body.get("next_cursor").isNull() ? null : body.get("next_cursor").asText();
            pages++;
        } while (cursor != null);
        long expected = store.allFindings().stream().filter(f -> f.certainty().atLeast(Certainty.ALLEGED)).count();
        assertEquals(expected, seen.size());
        assertEquals(expected, new HashSet<>(seen).size());
        assertTrue(pages > 1);
    }

    @Test
    void aTamperedOrForeignCursorIsA400() throws Exception {
        String cursor = body(get("/findings", "limit", "2")).get("next_cursor").asText();
        ApiResponse foreign = get("/findings", "limit", "2", "category", "FINANCIAL", "cursor", cursor);
        assertEquals(400, foreign.status());
        assertEquals("cursor", body(foreign).get("parameter").asText());
        char last = cursor.charAt(cursor.length() - 1);
        String tampered = cursor.substring(0, cursor.length() - 1) + (last == 'A' ? 'B' : 'A');
        assertEquals(400, get("/findings", "limit", "2", "cursor", tampered).status());
        assertEquals(400, get("/findings", "cursor", "not-a-cursor").status());
        QueryApi otherKey = new QueryApi(store, new CursorCodec("another-key-of-32-bytes---------".getBytes(StandardCharsets.UTF_8)));
        assertEquals(400, otherKey.handle(ApiRequest.get("/findings", Map.of("limit", List.of("2"), "cursor", List.of(cursor)))).status());
    }

    @Test
    void anUnknownParameterIsRefusedWithTheAllowedOnes() throws Exception {
        ApiResponse response = get("/findings", "colour", "red");
        assertEquals(400, response.status());
        assertEquals(ApiResponse.PROBLEM_JSON, response.contentType());
        JsonNode problem = body(response);
        assertEquals("colour", problem.get("parameter").asText());
        assertTrue(problem.get("allowed").toString().contains("category"));
        assertEquals(400, problem.get("status").asInt());
    }

    @Test
    void aBadValueNamesTheParameterAndItsAllowedValues() throws Exception {
        JsonNode problem = body(get("/findings", "category", "weapons"));
        assertEquals("category", problem.get("parameter").asText());
        assertTrue(problem.get("allowed").toString().contains("ARMS_TRANSFER"));
        assertEquals("certainty", body(get("/findings", "certainty", "sure")).get("parameter").asText());
        assertEquals("country", body(get("/findings", "country", "RUSSIA")).get("parameter").asText());
        assertEquals("since", body(get("/findings", "since", "2024-13")).get("parameter").asText());
        assertEquals("until", body(get("/findings", "since", "2025", "until", "2024")).get("parameter").asText());
        assertEquals("limit", body(get("/findings", "limit", "101")).get("parameter").asText());
        assertEquals("limit", body(get("/findings", "limit", "ten")).get("parameter").asText());
        assertEquals("document", body(get("/findings", "document", "../etc")).get("parameter").asText());
        assertEquals("category", body(get("/findings", "category", "FINANCIAL", "category", "CYBER_THEFT")).get("parameter").asText());
        assertEquals("status", body(get("/documents", "status", "lost")).get("parameter").asText());
        assertEquals("item", body(get("/findings", "item", "--")).get("parameter").asText());
        assertEquals("item", body(get("/findings", "item", "x".repeat(201))).get("parameter").asText());
    }

    @Test
    void unknownIdsAndRoutesAre404s() throws Exception {
        assertEquals(404, get("/findings/" + document.id() + "-9999").status());
        assertEquals(404, get("/findings/nonsense").status());
        assertEquals(404, get("/documents/0123456789abcdef0123").status());
        assertEquals(404, get("/documents/0123456789abcdef0123/findings").status());
        assertEquals(404, get("/nowhere").status());
        assertEquals(405, api.handle(new ApiRequest("POST", "/findings", Map.of())).status());
    }

    @Test
    void servesOneFindingOneDocumentItsFindingsAndTheStats() throws Exception {
        JsonNode finding = body(get("/findings/" + document.id() + "-0001"));
        assertEquals("MUNITIONS_TRANSFER", finding.get("category").asText());
        JsonNode doc = body(get("/documents/" + document.id()));
        assertEquals("PROCESSED", doc.get("status").asText());
        assertEquals(60, doc.get("finding_count").asInt());
        JsonNode first = body(get("/documents/" + document.id() + "/findings", "limit", "2"));
        assertEquals(document.id() + "-0000", first.get("items").get(0).get("id").asText());
        assertNotNull(first.get("next_cursor").asText());
        JsonNode stats = body(get("/stats"));
        assertEquals(60, stats.get("findings").asLong());
        assertEquals(1, stats.get("by_month").get("2024-03").asLong() - countOther("2024-03"));
        assertEquals(200, get("/openapi.json").status());
        assertEquals(1, body(get("/documents", "status", "processed")).get("items").size());
    }

    private long countOther(String month) {
        return store.allFindings().stream().skip(3).filter(f -> month.equals(FindingFacts.of(f).month())).count();
    }
}
