package io.sanctionsmonitor.query;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import io.sanctionsmonitor.ingest.TransientFailureException;
import io.sanctionsmonitor.model.DocumentStatus;
import io.sanctionsmonitor.model.Finding;
import io.sanctionsmonitor.model.ReportDocument;
import io.sanctionsmonitor.provisions.ProvisionCatalog;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The HTTP API's logic: routes a request, checks every parameter, asks {@link FindingQueries} and renders JSON
 * or an RFC 9457 problem. Pure: no AWS types; the Lambda handler only translates events.
 */
public final class QueryApi {

    static final Set<String> FINDINGS_PARAMETERS = Set.of("category", "country", "from", "to", "item", "certainty",
            "source", "since", "until", "document", "limit", "cursor");
    static final Set<String> DOCUMENTS_PARAMETERS = Set.of("status", "limit", "cursor");
    static final Set<String> PAGE_PARAMETERS = Set.of("limit", "cursor");

    private static final Pattern FINDING_PATH = Pattern.compile("/findings/([^/]+)");
    private static final Pattern DOCUMENT_PATH = Pattern.compile("/documents/([^/]+)");
    private static final Pattern DOCUMENT_FINDINGS_PATH = Pattern.compile("/documents/([^/]+)/findings");
    private static final Pattern FINDING_ID = Pattern.compile("[0-9a-f]{20}-\\d{4,6}");
    private static final Pattern DOCUMENT_ID = Pattern.compile("[0-9a-f]{20}");

    private final FindingQueries queries;
    private final CursorCodec cursors;
    private final ProvisionCatalog provisions = ProvisionCatalog.standard();
    private final String openApi = resource("/query/openapi.json");

    public QueryApi(FindingQueries queries, CursorCodec cursors) {
        this.queries = queries;
        this.cursors = cursors;
    }

    /** A page of a list in JSON: the items and the cursor of the next page, null on the last page. */
    @JsonPropertyOrder({"items", "next_cursor"})
    record ListBody<T>(List<T> items, @JsonProperty("next_cursor") @JsonInclude(JsonInclude.Include.ALWAYS) String nextCursor) {}

    public ApiResponse handle(ApiRequest request) {
        return handle(request, QueryApi::logFailure);
    }

    /**
     * @param failures told of each failure that became a 5xx, so the caller can log it with its request's ids;
     *                 the answer never carries the exception
     */
    public ApiResponse handle(ApiRequest request, Consumer<RuntimeException> failures) {
        String path = normalPath(request.path());
        try {
            if (!"GET".equalsIgnoreCase(request.method())) {
                return problem(Problem.methodNotAllowed(clip(String.valueOf(request.method()))), path);
            }
            return route(path, request.query());
        } catch (InvalidParameterException e) {
            return problem(e.problem(), path);
        } catch (TransientFailureException e) {
            failures.accept(e);
            return problem(Problem.unavailable(), path);
        } catch (RuntimeException e) {
            failures.accept(e);
            return problem(Problem.internal(), path);
        }
    }

    /** The 500 problem, for a failure outside {@link #handle} (e.g. while reading the transport's event). */
    public ApiResponse internalError(String path) {
        return problem(Problem.internal(), normalPath(path));
    }

    /** A JSON line with the failure's class only: its message may carry a library's or the store's details. */
    private static void logFailure(RuntimeException e) {
        System.err.println("{\"level\":\"ERROR\",\"event\":\"query.failed\",\"error\":\"" + e.getClass().getSimpleName() + "\"}");
    }

    private ApiResponse route(String path, Map<String, List<String>> query) {
        Matcher m;
        switch (path) {
            case "/findings" -> {
                return listFindings(query);
            }
            case "/incidents" -> {
                return listIncidents(query);
            }
            case "/documents" -> {
                return listDocuments(query);
            }
            case "/stats" -> {
                new QueryParameters(query, Set.of());
                return ok(queries.stats());
            }
            case "/openapi.json" -> {
                new QueryParameters(query, Set.of());
                return new ApiResponse(200, ApiResponse.JSON, openApi);
            }
            default -> {
                // matched below
            }
        }
        if ((m = FINDING_PATH.matcher(path)).matches()) {
            new QueryParameters(query, Set.of());
            String id = m.group(1);
            Optional<Finding> finding = FINDING_ID.matcher(id).matches() ? queries.finding(id) : Optional.empty();
            return finding.map(f -> ok(view(f))).orElseGet(() -> problem(Problem.notFound("No finding has the id '" + clip(id) + "'."), path));
        }
        if ((m = DOCUMENT_FINDINGS_PATH.matcher(path)).matches()) {
            String id = m.group(1);
            QueryParameters p = new QueryParameters(query, PAGE_PARAMETERS);
            int limit = p.limit();
            Optional<String> cursor = p.cursor();
            if (!DOCUMENT_ID.matcher(id).matches() || queries.document(id).isEmpty()) {
                return problem(Problem.notFound("No document has the id '" + clip(id) + "'."), path);
            }
            return findingsPage(FindingFilter.ofDocument(id), limit, cursor, "document-findings?");
        }
        if ((m = DOCUMENT_PATH.matcher(path)).matches()) {
            new QueryParameters(query, Set.of());
            String id = m.group(1);
            Optional<ReportDocument> document =
                    DOCUMENT_ID.matcher(id).matches() ? queries.document(id) : Optional.empty();
            return document.map(this::ok)
                    .orElseGet(() -> problem(Problem.notFound("No document has the id '" + clip(id) + "'."), path));
        }
        return problem(Problem.notFound("No route serves '" + clip(path) + "'; see /openapi.json."), path);
    }

    private ApiResponse listFindings(Map<String, List<String>> query) {
        QueryParameters p = new QueryParameters(query, FINDINGS_PARAMETERS);
        return findingsPage(findingFilter(p), p.limit(), p.cursor(), "findings?");
    }

    /** /incidents takes the /findings filters: an incident is listed when any of its findings matches. */
    private ApiResponse listIncidents(Map<String, List<String>> query) {
        QueryParameters p = new QueryParameters(query, FINDINGS_PARAMETERS);
        FindingFilter filter = findingFilter(p);
        return page("incidents?" + filter.canonical(), p.cursor(), after -> queries.incidents(filter, p.limit(), after),
                Function.identity());
    }

    private static FindingFilter findingFilter(QueryParameters p) {
        FindingFilter filter = new FindingFilter(p.category(), p.state("country"), p.state("from"), p.state("to"),
                p.itemWords(), p.certainty(), p.source(), p.date("since", false), p.date("until", true),
                p.documentId("document"));
        if (filter.since() != null && filter.until() != null && filter.since().compareTo(filter.until()) > 0) {
            throw new InvalidParameterException("until", "Parameter 'until' must not be before 'since'.",
                    List.of("a date on or after since"));
        }
        return filter;
    }

    private ApiResponse findingsPage(FindingFilter filter, int limit, Optional<String> cursor, String route) {
        return page(route + filter.canonical(), cursor, after -> queries.findings(filter, limit, after), this::view);
    }

    /**
     * One page of a list: the cursor is decoded against the request's scope (its route and filters), the store
     * reads from there, and the next page's position is signed into a cursor bound to the same scope.
     */
    private <T, V> ApiResponse page(String scope, Optional<String> cursor, Function<PagePosition, Page<T>> read,
            Function<T, V> view) {
        PagePosition after = cursor.map(c -> position(scope, c)).orElse(null);
        Page<T> page = read.apply(after);
        return ok(new ListBody<>(page.items().stream().map(view).toList(),
                page.next() == null ? null : cursors.encode(scope, page.next())));
    }

    private FindingView view(Finding finding) {
        return new FindingView(finding, provisions.provisionsFor(finding));
    }

    private ApiResponse listDocuments(Map<String, List<String>> query) {
        QueryParameters p = new QueryParameters(query, DOCUMENTS_PARAMETERS);
        DocumentStatus status = p.status();
        int limit = p.limit();
        return page("documents?status=" + (status == null ? "" : status.name()), p.cursor(),
                after -> queries.documents(status, limit, after), Function.identity());
    }

    private PagePosition position(String scope, String cursor) {
        return cursors.decode(scope, cursor).orElseThrow(() -> new InvalidParameterException("cursor",
                "Parameter 'cursor' is not a cursor this API issued for this filter set; start again without it.",
                List.of("the next_cursor of the previous page of the same request")));
    }

    private ApiResponse ok(Object body) {
        return new ApiResponse(200, ApiResponse.JSON, ResponseJson.write(body));
    }

    private ApiResponse problem(Problem problem, String path) {
        return new ApiResponse(problem.status(), ApiResponse.PROBLEM_JSON, ResponseJson.write(problem.at(clip(path))));
    }

    private static String normalPath(String path) {
        if (path == null || path.isEmpty()) {
            return "/";
        }
        String p = path.startsWith("/") ? path : "/" + path;
        return p.length() > 1 && p.endsWith("/") ? p.substring(0, p.length() - 1) : p;
    }

    private static String clip(String v) {
        return v.length() <= 80 ? v : v.substring(0, 80) + "...";
    }

    private static String resource(String name) {
        try (InputStream in = QueryApi.class.getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException("missing resource " + name);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
