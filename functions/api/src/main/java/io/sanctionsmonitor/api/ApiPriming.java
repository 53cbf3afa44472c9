package io.sanctionsmonitor.api;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import io.sanctionsmonitor.incidents.Incident;
import io.sanctionsmonitor.incidents.IncidentMember;
import io.sanctionsmonitor.incidents.IncidentPager;
import io.sanctionsmonitor.incidents.MembersInMemory;
import io.sanctionsmonitor.model.Category;
import io.sanctionsmonitor.model.Certainty;
import io.sanctionsmonitor.model.DocumentIds;
import io.sanctionsmonitor.model.DocumentStatus;
import io.sanctionsmonitor.model.Finding;
import io.sanctionsmonitor.model.Quantity;
import io.sanctionsmonitor.model.ReportDocument;
import io.sanctionsmonitor.query.ApiResponse;
import io.sanctionsmonitor.query.CursorCodec;
import io.sanctionsmonitor.query.FindingFilter;
import io.sanctionsmonitor.query.FindingQueries;
import io.sanctionsmonitor.query.FindingStats;
import io.sanctionsmonitor.query.Page;
import io.sanctionsmonitor.query.PagePosition;
import io.sanctionsmonitor.query.QueryApi;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.crac.Core;
import org.crac.Resource;

/**
 * Warms the API's request path before a SnapStart snapshot: every route, a filtered list, a second page by cursor
 * and a refused parameter go through event translation, {@link QueryApi} and JSON rendering, answered by made-up
 * findings held in memory. Touches no table, no client and no credentials, and keeps no clock, random source or
 * key of the real handler, so nothing captured in the snapshot goes stale or is shared between restored copies.
 *
 * <p>Registered by {@link ApiHandler} with {@code private final ApiPriming priming = ApiPriming.registered();}
 * (a field, because the CRaC context keeps only weak references to its resources).
 */
final class ApiPriming implements Resource {
    /** Signs the priming cursors only; public on purpose: it protects nothing. */
    private static final byte[] PRIMING_CURSOR_KEY = "api-priming-cursor-key-not-a-secret".getBytes(StandardCharsets.UTF_8);
    private static final String DOCUMENT_ID = DocumentIds.of("priming-bucket", "reports/priming.txt");

    private volatile List<Integer> primedStatuses = List.of();

    /** A priming resource registered with the global CRaC context (a no-op on JVMs without CRaC). */
    static ApiPriming registered() {
        ApiPriming priming = new ApiPriming();
        Core.getGlobalContext().register(priming);
        return priming;
    }

    @Override
    public void beforeCheckpoint(org.crac.Context<? extends Resource> context) {
        QueryApi api = primingApi();
        List<Integer> statuses = new ArrayList<>();
        APIGatewayV2HTTPResponse first = answer(api, "/findings", "limit=1");
        statuses.add(first.getStatusCode());
        String cursor = nextCursor(first.getBody());
        statuses.add(answer(api, "/findings", cursor == null ? "limit=1" : "limit=1&cursor=" + cursor).getStatusCode());
        statuses.add(answer(api, "/findings", "category=arms_transfer&from=RUS&to=PRK&since=2024-01&item=air&certainty=reported")
                .getStatusCode());
        statuses.add(answer(api, "/findings/" + DOCUMENT_ID + "-0001", "").getStatusCode());
        statuses.add(answer(api, "/documents", "status=processed").getStatusCode());
        statuses.add(answer(api, "/documents/" + DOCUMENT_ID, "").getStatusCode());
        statuses.add(answer(api, "/documents/" + DOCUMENT_ID + "/findings", "").getStatusCode());
        statuses.add(answer(api, "/incidents", "category=arms_transfer&from=RUS").getStatusCode());
        statuses.add(answer(api, "/stats", "").getStatusCode());
        statuses.add(answer(api, "/openapi.json", "").getStatusCode());
        statuses.add(answer(api, "/findings", "limit=not-a-number").getStatusCode());
        primedStatuses = List.copyOf(statuses);
    }

    @Override
    public void afterRestore(org.crac.Context<? extends Resource> context) {
        // Nothing to refresh: the real handler's client resolves credentials per request from the restored
        // environment, and the priming kept nothing the handler uses.
    }

    /** The HTTP statuses of the primed requests at the last checkpoint; empty before any. */
    List<Integer> primedStatuses() {
        return primedStatuses;
    }

    /** The query logic over the made-up findings, signing cursors with the priming key. */
    static QueryApi primingApi() {
        return new QueryApi(new PrimingQueries(), new CursorCodec(PRIMING_CURSOR_KEY));
    }

    /** Event in, response out, the way {@link ApiHandler#handleRequest} translates them. */
    static APIGatewayV2HTTPResponse answer(QueryApi api, String path, String rawQuery) {
        APIGatewayV2HTTPEvent event = APIGatewayV2HTTPEvent.builder()
                .withVersion("2.0").withRouteKey("GET " + path).withRawPath(path).withRawQueryString(rawQuery)
                .withRequestContext(APIGatewayV2HTTPEvent.RequestContext.builder().withStage("$default")
                        .withHttp(APIGatewayV2HTTPEvent.RequestContext.Http.builder().withMethod("GET").withPath(path)
                                .build())
                        .build())
                .build();
        ApiResponse response = api.handle(HttpEvents.request(event));
        return HttpEvents.response(response);
    }

    static String nextCursor(String body) {
        String marker = "\"next_cursor\":\"";
        int at = body.indexOf(marker);
        if (at < 0) {
            return null;
        }
        int end = body.indexOf('"', at + marker.length());
        return end < 0 ? null : body.substring(at + marker.length(), end);
    }

    /** Two made-up findings of one made-up document, paged one by one so the cursor path runs too. */
    private static final class PrimingQueries implements FindingQueries {
        private static final List<Finding> FINDINGS = List.of(
                finding(1, Category.ARMS_TRANSFER, "RUS", "PRK", "air defence systems", Certainty.REPORTED),
                finding(2, Category.MUNITIONS_TRANSFER, "PRK", "RUS", "artillery shells", Certainty.ALLEGED));
        private static final ReportDocument DOCUMENT = new ReportDocument(DOCUMENT_ID, "priming-bucket",
                "reports/priming.txt", "v1", 512L, "text", "Priming report", "2025-01-15", "Priming", "en",
                DocumentStatus.PROCESSED, null, FINDINGS.size(), "2025-01-15T00:00:00Z");

        private static Finding finding(int ordinal, Category category, String from, String to, String item,
                                       Certainty certainty) {
            return new Finding(null, null, category, from, to, List.of(item), "priming item", new Quantity(2, "units"), "2024-03/2024-10",
                    List.of("monitoring team"), certainty, "A made-up sentence for priming.", 0, 31,
                    List.of("priming")).identified(DOCUMENT_ID, ordinal);
        }

        @Override
        public Page<Finding> findings(FindingFilter filter, int limit, PagePosition after) {
            int from = after == null ? 0 : Integer.parseInt(after.values().getOrDefault("i", "0"));
            int to = Math.min(FINDINGS.size(), from + limit);
            PagePosition next = to < FINDINGS.size() ? new PagePosition(Map.of("i", Integer.toString(to))) : null;
            return new Page<>(FINDINGS.subList(from, to), next);
        }

        @Override
        public Page<Incident> incidents(FindingFilter filter, int limit, PagePosition after) {
            List<IncidentMember> members = FINDINGS.stream().map(f -> IncidentMember.of(f, DOCUMENT)).toList();
            return IncidentPager.page(new MembersInMemory(members, after), filter, limit, Long.MAX_VALUE);
        }

        @Override
        public Optional<Finding> finding(String findingId) {
            return FINDINGS.stream().filter(f -> f.id().equals(findingId)).findFirst();
        }

        @Override
        public Optional<ReportDocument> document(String documentId) {
            return DOCUMENT.id().equals(documentId) ? Optional.of(DOCUMENT) : Optional.empty();
        }

        @Override
        public Page<ReportDocument> documents(DocumentStatus status, int limit, PagePosition after) {
            return new Page<>(List.of(DOCUMENT), null);
        }

        @Override
        public FindingStats stats() {
            return new FindingStats(FINDINGS.size(), Map.of("arms_transfer", 1L, "munitions_transfer", 1L),
                    Map.of("RUS->PRK", 1L, "PRK->RUS", 1L), Map.of("2024-03", 2L), Map.of("reported", 1L, "alleged", 1L),
                    Map.of("processed", 1L));
        }
    }
}
