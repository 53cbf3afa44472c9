package io.sanctionsmonitor.aws.dynamodb;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.sanctionsmonitor.model.Category;
import io.sanctionsmonitor.model.Certainty;
import io.sanctionsmonitor.model.Finding;
import io.sanctionsmonitor.model.ReportDocument;
import io.sanctionsmonitor.query.ApiRequest;
import io.sanctionsmonitor.query.ApiResponse;
import io.sanctionsmonitor.query.CursorCodec;
import io.sanctionsmonitor.query.QueryApi;
import io.sanctionsmonitor.testing.InMemoryStore;
import io.sanctionsmonitor.testing.SampleFindings;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Property: for random stored findings and random filter combinations and page sizes, walking every page of
 * GET /findings on DynamoDB (moto) returns exactly the in-memory oracle's matches, in the same order, each once.
 */
class FindingPagesPropertyTest {

    private static final long SEED = Long.getLong("property.seed", 20261127L);
    private static final int FILTERS = Integer.getInteger("property.filters", 25);
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final byte[] KEY = "property-test-key-32-bytes------".getBytes(StandardCharsets.UTF_8);

    private static final String[] STATES = {"PRK", "RUS", "CHN", "IRN", "SYR", "UKR", "USA"};
    private static final String[] WORDS = {"pantsir", "artillery", "shells", "152mm", "missiles", "troops", "petroleum",
            "cryptocurrency", "mig", "29", "coal", "bank", "air defence", "jamming equipment", "tanks"};
    private static final String[] SOURCES = {"MSMT", "un panel of experts", "South  Korea", "United States", "RUSI"};
    private static final String[] DATES = {"2019", "2021-06", "2022", "2023-09", "2023-12-31", "2024", "2024-03",
            "2024-10-31", "2025", "2025-02", "2026"};

    private static MotoTable table;
    private static QueryApi dynamoApi;
    private static final InMemoryStore oracle = new InMemoryStore();
    private static final List<String> documentIds = new ArrayList<>();

    @BeforeAll
    static void storeRandomDocuments() {
        table = MotoTable.create("property");
        DynamoDocumentStore store = new DynamoDocumentStore(table.client, table.name);
        Random random = new Random(SEED);
        for (int d = 0; d < 8; d++) {
            ReportDocument doc = SampleFindings.document("reports/random-" + d + ".txt", "2026-01-0" + (d % 9 + 1) + "T00:00:00Z");
            documentIds.add(doc.id());
            List<Finding> findings = SampleFindings.random(random, doc.id(), 10 + random.nextInt(25));
            store.begin(doc);
            oracle.begin(doc);
            store.complete(doc, findings);
            oracle.complete(doc, findings);
            if (d % 4 == 1) { // a re-upload with other findings
                List<Finding> again = SampleFindings.random(random, doc.id(), 5 + random.nextInt(10));
                store.complete(doc, again);
                oracle.complete(doc, again);
            }
            if (d % 5 == 3) {
                store.delete(doc);
                oracle.delete(doc);
            }
        }
        dynamoApi = new QueryApi(new DynamoFindingQueries(table.client, table.name), new CursorCodec(KEY));
    }

    @AfterAll
    static void drop() {
        table.close();
    }

    @Test
    void everyFilterCombinationPagesExactlyThroughTheOraclesMatches() throws Exception {
        Random random = new Random(SEED + 1);
        QueryApi oracleApi = new QueryApi(oracle, new CursorCodec(KEY));
        for (int i = 0; i < FILTERS; i++) {
            Map<String, List<String>> query = randomFilter(random, documentIds);
            int limit = 1 + random.nextInt(random.nextInt(3) == 0 ? 4 : 30);
            List<String> expected = walk(oracleApi, query, limit, null);
            List<String> actual = walk(dynamoApi, query, limit, expected.size());
            String context = "seed " + SEED + ", filter " + query + ", limit " + limit;
            assertEquals(expected, actual, context);
            assertEquals(actual.size(), new HashSet<>(actual).size(), "duplicates for " + context);
        }
    }

    @Test
    void theStatisticsEqualTheStoredFindings() {
        assertEquals(oracle.stats(), new DynamoFindingQueries(table.client, table.name).stats());
    }

    /** A random combination of /findings filters, also used by {@link IncidentPagesPropertyTest}. */
    static Map<String, List<String>> randomFilter(Random r, List<String> documentIds) {
        Map<String, List<String>> q = new LinkedHashMap<>();
        if (r.nextInt(3) == 0) {
            q.put("category", List.of(Category.values()[r.nextInt(Category.values().length)].name()));
        }
        if (r.nextInt(3) == 0) {
            q.put("country", List.of(STATES[r.nextInt(STATES.length)]));
        }
        if (r.nextInt(4) == 0) {
            q.put("from", List.of(STATES[r.nextInt(STATES.length)]));
        }
        if (r.nextInt(4) == 0) {
            q.put("to", List.of(STATES[r.nextInt(STATES.length)].toLowerCase()));
        }
        if (r.nextInt(4) == 0) {
            q.put("item", List.of(WORDS[r.nextInt(WORDS.length)]));
        }
        if (r.nextInt(4) == 0) {
            q.put("certainty", List.of(Certainty.values()[r.nextInt(Certainty.values().length)].label()));
        }
        if (r.nextInt(5) == 0) {
            q.put("source", List.of(SOURCES[r.nextInt(SOURCES.length)]));
        }
        if (r.nextInt(4) == 0) {
            q.put("since", List.of(DATES[r.nextInt(DATES.length)]));
        }
        if (r.nextInt(4) == 0) {
            String until = DATES[r.nextInt(DATES.length)];
            if (!q.containsKey("since") || q.get("since").get(0).compareTo(until) <= 0) {
                q.put("until", List.of(until));
            }
        }
        if (r.nextInt(8) == 0) {
            q.put("document", List.of(documentIds.get(r.nextInt(documentIds.size()))));
        }
        return q;
    }

    /** Every page's ids, following next_cursor; fails if it walks more pages than the expected count allows. */
    private static List<String> walk(QueryApi api, Map<String, List<String>> filter, int limit, Integer expected)
            throws Exception {
        int maxPages = expected == null ? 1_000 : expected / limit + 2;
        return items(api, "/findings", filter, limit, maxPages).stream().map(f -> f.get("id").asText()).toList();
    }

    /**
     * Every page's items of a list route, following next_cursor; fails on a page over {@code limit} or on more
     * than {@code maxPages} pages. Also walks /incidents for {@link IncidentPagesPropertyTest}.
     */
    static List<JsonNode> items(QueryApi api, String route, Map<String, List<String>> filter, int limit, int maxPages)
            throws Exception {
        List<JsonNode> items = new ArrayList<>();
        String cursor = null;
        int pages = 0;
        do {
            Map<String, List<String>> query = new LinkedHashMap<>(filter);
            query.put("limit", List.of(Integer.toString(limit)));
            if (cursor != null) {
                query.put("cursor", List.of(cursor));
            }
            ApiResponse response = api.handle(ApiRequest.get(route, query));
            assertEquals(200, response.status(), response.body());
            JsonNode body = JSON.readTree(response.body());
            assertTrue(body.get("items").size() <= limit);
            body.get("items").forEach(items::add);
            cursor = body.get("next_cursor").isNull() ? null : body.get("next_cursor").asText();
            assertTrue(++pages <= maxPages, "too many pages for " + filter);
        } while (cursor != null);
        return items;
    }
}
