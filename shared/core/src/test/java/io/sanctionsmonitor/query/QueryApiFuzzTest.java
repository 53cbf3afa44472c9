package io.sanctionsmonitor.query;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.sanctionsmonitor.model.Category;
import io.sanctionsmonitor.model.Certainty;
import io.sanctionsmonitor.model.Finding;
import io.sanctionsmonitor.model.ReportDocument;
import io.sanctionsmonitor.query.FuzzRequests.FuzzRequest;
import io.sanctionsmonitor.testing.InMemoryStore;
import io.sanctionsmonitor.testing.SampleFindings;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * Thousands of seeded random and hostile requests against the query core over the in-memory store: each answer
 * is held to {@link FuzzOracle}'s contract (no 5xx, JSON with the right type, no code names, the contract's
 * status, pages with exactly the findings matching every filter). A failure names the request and its seed.
 */
class QueryApiFuzzTest {

    /** About 15 s on a loaded 2-core machine; -Dfuzz.cases=200000 for a longer run, -Dfuzz.seed to vary. */
    static final int CASES = Integer.getInteger("fuzz.cases", 10_000);
    private static final byte[] KEY = "a-fuzz-test-key-of-32-bytes-----".getBytes(StandardCharsets.UTF_8);

    /** Five documents of random findings, one failed and one deleted document, and one hand-written finding. */
    static InMemoryStore seededStore(long seed) {
        Random random = new Random(seed);
        InMemoryStore store = new InMemoryStore();
        for (int d = 0; d < 5; d++) {
            ReportDocument document = SampleFindings.document("reports/fuzz-" + d + ".txt", "2026-01-0" + (d + 1) + "T00:00:00Z");
            store.begin(document);
            List<Finding> findings = new ArrayList<>(SampleFindings.random(random, document.id(), 12 + random.nextInt(10)));
            if (d == 0) {
                findings.add(SampleFindings.finding(Category.ARMS_TRANSFER, "RUS", "PRK", List.of("Pantsir-class combat vehicle"),
                        "2024-03/2024-10", List.of("MSMT", "UN  Panel of experts"), Certainty.REPORTED)
                        .identified(document.id(), findings.size()));
            }
            store.complete(document, findings);
        }
        ReportDocument failed = SampleFindings.document("reports/broken.pdf", "2026-02-01T00:00:00Z");
        store.begin(failed);
        store.fail(failed);
        ReportDocument deleted = SampleFindings.document("reports/gone.txt", "2026-02-02T00:00:00Z");
        store.begin(deleted);
        store.delete(deleted);
        return store;
    }

    static List<ReportDocument> documents(InMemoryStore store) {
        return store.documents(null, 100, null).items();
    }

    @Test
    void hostileAndRandomRequestsNeverBreakTheContract() {
        long seed = Long.getLong("fuzz.seed", 20261127L);
        InMemoryStore store = seededStore(seed);
        QueryApi api = new QueryApi(store, new CursorCodec(KEY));
        FuzzOracle oracle = new FuzzOracle(store.allFindings(), documents(store), 20);
        FuzzRequests requests = new FuzzRequests(new Random(seed), store.allFindings(), documents(store));
        FuzzOracle.Api call = r -> {
            ApiResponse response = api.handle(new ApiRequest(r.method(), r.path(), r.query()));
            return new FuzzOracle.Response(response.status(), response.contentType(), response.body());
        };
        List<String> violations = new ArrayList<>();
        for (int i = 0; i < CASES && violations.size() < 20; i++) {
            violations.addAll(oracle.check(requests.next(), call, requests));
        }
        assertEquals(List.of(), violations, "seed " + seed);
        assertTrue(oracle.checked >= CASES, "answers checked: " + oracle.checked);
        assertTrue(oracle.nonEmptyPages > CASES / 10, "too few requests reached data: " + oracle.nonEmptyPages);
    }

    @Test
    void aCursorOfAnotherDeploymentOrFilterIsRefused() {
        InMemoryStore store = seededStore(1);
        QueryApi api = new QueryApi(store, new CursorCodec(KEY));
        QueryApi foreign = new QueryApi(store, new CursorCodec("another-deployments-key-32-bytes".getBytes(StandardCharsets.UTF_8)));
        FuzzRequest first = new FuzzRequest("GET", "/findings", List.of(Map.entry("limit", "2")));
        String foreignCursor = nextCursor(foreign.handle(new ApiRequest("GET", "/findings", first.query())));
        String ownCursor = nextCursor(api.handle(new ApiRequest("GET", "/findings", first.query())));

        assertEquals(400, api.handle(new ApiRequest("GET", "/findings", first.with("cursor", foreignCursor).query())).status());
        assertEquals(200, api.handle(new ApiRequest("GET", "/findings", first.with("cursor", ownCursor).query())).status());
        // The same cursor on a narrower filter would page through data it was not issued for.
        assertEquals(400, api.handle(new ApiRequest("GET", "/findings",
                first.with("cursor", ownCursor).with("category", "FINANCIAL").query())).status());
        assertEquals(400, api.handle(new ApiRequest("GET", "/documents", Map.of("cursor", List.of(ownCursor)))).status());
    }

    @Test
    void theOracleCatchesDataOutsideTheFilter() {
        // Proves the fuzz test can fail: an API that ignores the category filter is caught at once.
        InMemoryStore store = seededStore(2);
        QueryApi api = new QueryApi(store, new CursorCodec(KEY));
        FuzzOracle oracle = new FuzzOracle(store.allFindings(), documents(store), 50);
        FuzzRequest request = new FuzzRequest("GET", "/findings", List.of(Map.entry("category", "FINANCIAL")));
        List<String> violations = oracle.check(request, r -> {
            ApiResponse response = api.handle(ApiRequest.get("/findings", Map.of()));
            return new FuzzOracle.Response(response.status(), response.contentType(), response.body());
        }, new FuzzRequests(new Random(2), store.allFindings(), documents(store)));
        assertTrue(violations.stream().anyMatch(v -> v.contains("outside the requested filter")), violations.toString());
    }

    @Test
    void theOracleCatchesALeakedExceptionAndAServerError() {
        InMemoryStore store = seededStore(3);
        FuzzOracle oracle = new FuzzOracle(store.allFindings(), documents(store), 1);
        FuzzRequest request = new FuzzRequest("GET", "/stats", List.of());
        List<String> violations = oracle.check(request, r -> new FuzzOracle.Response(500, ApiResponse.PROBLEM_JSON,
                "{\"type\":\"https://x/\",\"title\":\"t\",\"status\":500,\"detail\":\"java.lang.NullPointerException\"}"),
                new FuzzRequests(new Random(3), store.allFindings(), documents(store)));
        assertTrue(violations.stream().anyMatch(v -> v.contains("server error")), violations.toString());
        assertTrue(violations.stream().anyMatch(v -> v.contains("names code")), violations.toString());
    }

    @Test
    void aProblemNeverMirrorsAHugeParameterName() {
        InMemoryStore store = seededStore(4);
        QueryApi api = new QueryApi(store, new CursorCodec(KEY));
        String name = "n".repeat(8_000);
        ApiResponse response = api.handle(ApiRequest.get("/findings", Map.of(name, List.of("1"))));
        assertEquals(400, response.status());
        assertTrue(response.body().length() <= FuzzOracle.MAX_PROBLEM_LENGTH,
                "a problem of " + response.body().length() + " characters mirrors the parameter name");
    }

    private static String nextCursor(ApiResponse response) {
        assertEquals(200, response.status(), response.body());
        String body = response.body();
        int at = body.indexOf("\"next_cursor\":\"") + "\"next_cursor\":\"".length();
        return body.substring(at, body.indexOf('"', at));
    }
}
