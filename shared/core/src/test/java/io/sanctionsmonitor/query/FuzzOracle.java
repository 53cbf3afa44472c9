package io.sanctionsmonitor.query;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.sanctionsmonitor.model.Category;
import io.sanctionsmonitor.model.Certainty;
import io.sanctionsmonitor.model.DocumentStatus;
import io.sanctionsmonitor.model.Finding;
import io.sanctionsmonitor.model.ReportDocument;
import io.sanctionsmonitor.query.FuzzRequests.FuzzRequest;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What each fuzzed request deserves, worked out from the API's documented contract over the seeded data alone
 * (not from the store's answers), and the checks every answer must pass: never a 5xx, JSON with the right
 * content type, no Java or library name in the body, problems that do not mirror large inputs, the status the
 * contract gives, and list pages holding exactly the seeded findings that match every given filter.
 */
public final class FuzzOracle {

    /** One answer, whatever transport carried it. */
    public record Response(int status, String contentType, String body) {}

    /** Sends a request to the API under test. */
    public interface Api {
        Response call(FuzzRequest request);
    }

    /** Names of code, not of data: any of these in a body means an exception or a stack trace leaked. */
    static final Pattern LEAK = Pattern.compile("Exception|Throwable|\\tat |\\bat [a-z]+\\.[a-z]+\\.|java\\.|javax\\.|jdk\\."
            + "|com\\.fasterxml|software\\.amazon|com\\.amazonaws|io\\.sanctionsmonitor|Caused by|\\.java:\\d|"
            + "NullPointer|IllegalArgument|IllegalState|DynamoDb|Jackson|\\$\\d+\\b");
    /** The largest problem body a request may cause; the largest legitimate one is about 600 characters. */
    static final int MAX_PROBLEM_LENGTH = 1500;

    private static final Pattern STATE = Pattern.compile("[A-Za-z]{3}");
    private static final Pattern DOCUMENT_ID = Pattern.compile("[0-9a-f]{20}");
    private static final Pattern FINDING_ID = Pattern.compile("[0-9a-f]{20}-\\d{4,6}");
    private static final Pattern LIMIT = Pattern.compile("[0-9]{1,9}");
    private static final Pattern FINDING_PATH = Pattern.compile("/findings/([^/]+)");
    private static final Pattern DOCUMENT_PATH = Pattern.compile("/documents/([^/]+)");
    private static final Pattern DOCUMENT_FINDINGS_PATH = Pattern.compile("/documents/([^/]+)/findings");
    private static final ObjectMapper JSON = new ObjectMapper();

    private final Map<String, Finding> findings = new LinkedHashMap<>();
    private final List<Seeded> seeded = new ArrayList<>();
    private final Map<String, ReportDocument> documents = new LinkedHashMap<>();
    /** Every cursor an answer carried, with the scope (route and normalised filter) it was issued for. */
    private final Map<String, String> cursorScopes = new HashMap<>();
    private final int maxPages;
    /** How many answers were checked, and how many of them were 200s with items. */
    public int checked;
    public int nonEmptyPages;

    public FuzzOracle(List<Finding> findings, List<ReportDocument> documents, int maxPages) {
        findings.forEach(f -> this.findings.put(f.id(), f));
        findings.forEach(f -> seeded.add(Seeded.of(f)));
        documents.forEach(d -> this.documents.put(d.id(), d));
        this.maxPages = maxPages;
    }

    /** The filters of a findings list as the contract reads them. */
    record Want(Category category, String country, String from, String to, List<String> words, Certainty min,
            String source, String since, String until, String document) {

        boolean matches(Seeded f) {
            return (category == null || category == f.finding().category())
                    && (country == null || country.equals(f.from()) || country.equals(f.to()))
                    && (from == null || from.equals(f.from()))
                    && (to == null || to.equals(f.to()))
                    && f.words().containsAll(words)
                    && (min == null || f.certainty().ordinal() >= min.ordinal())
                    && (source == null || f.sources().contains(source))
                    && (since == null || f.period().isPresent() && f.period().get().end().compareTo(since) >= 0)
                    && (until == null || f.period().isPresent() && f.period().get().start().compareTo(until) <= 0)
                    && (document == null || document.equals(f.finding().documentId()));
        }
    }

    /** A seeded finding as the contract describes its filterable values, worked out once. */
    record Seeded(Finding finding, String from, String to, Set<String> words, Set<String> sources,
            Optional<PeriodRange> period, Certainty certainty) {
        static Seeded of(Finding f) {
            Set<String> words = new HashSet<>();
            f.items().forEach(i -> words.addAll(ItemWords.of(i)));
            Set<String> sources = new HashSet<>();
            f.attributedTo().forEach(s -> sources.add(FindingFacts.normalSource(s)));
            return new Seeded(f, f.from() == null ? null : f.from().strip().toUpperCase(Locale.ROOT),
                    f.to() == null ? null : f.to().strip().toUpperCase(Locale.ROOT), words, sources,
                    PeriodRange.ofPeriod(f.period()), f.certainty() == null ? Certainty.SPECULATIVE : f.certainty());
        }
    }

    /** What a request deserves: the statuses allowed, and for lists the ids and the scope of its cursors. */
    record Expectation(Set<Integer> statuses, Set<String> ids, boolean continuation, String scope, String singleId,
            boolean incidents) {
        static Expectation status(int... statuses) {
            Set<Integer> s = new TreeSet<>();
            for (int status : statuses) {
                s.add(status);
            }
            return new Expectation(s, null, false, null, null, false);
        }
    }

    /** A parameter value the contract refuses. */
    private static final class Refused extends RuntimeException {
        Refused() {
            super(null, null, false, false);
        }
    }

    Expectation expect(FuzzRequest request) {
        if (!"GET".equalsIgnoreCase(request.method())) {
            return Expectation.status(405);
        }
        String path = normalPath(request.path());
        Map<String, List<String>> q = request.query();
        Matcher m;
        try {
            switch (path) {
                case "/findings" -> {
                    return findingsList(q, "findings?");
                }
                case "/incidents" -> {
                    return findingsList(q, "incidents?");
                }
                case "/documents" -> {
                    return documentsList(q);
                }
                case "/stats", "/openapi.json" -> {
                    return q.isEmpty() ? Expectation.status(200) : Expectation.status(400);
                }
                default -> { }
            }
            if ((m = FINDING_PATH.matcher(path)).matches()) {
                String id = m.group(1);
                if (!q.isEmpty()) {
                    return Expectation.status(400);
                }
                return FINDING_ID.matcher(id).matches() && findings.containsKey(id)
                        ? new Expectation(Set.of(200), null, false, null, id, false) : Expectation.status(404);
            }
            if ((m = DOCUMENT_FINDINGS_PATH.matcher(path)).matches()) {
                String id = m.group(1);
                allowOnly(q, Set.of("limit", "cursor"));
                limit(q);
                Optional<String> cursor = single(q, "cursor");
                if (!DOCUMENT_ID.matcher(id).matches() || !documents.containsKey(id)) {
                    return Expectation.status(404);
                }
                Want want = new Want(null, null, null, null, List.of(), null, null, null, null, id);
                return list("document-findings?" + id, cursor, matching(want));
            }
            if ((m = DOCUMENT_PATH.matcher(path)).matches()) {
                String id = m.group(1);
                if (!q.isEmpty()) {
                    return Expectation.status(400);
                }
                return DOCUMENT_ID.matcher(id).matches() && documents.containsKey(id)
                        ? new Expectation(Set.of(200), null, false, null, id, false) : Expectation.status(404);
            }
            return Expectation.status(404);
        } catch (Refused e) {
            return Expectation.status(400);
        }
    }

    /** /findings, or /incidents with the same filters: ids are then the findings an incident must include one of. */
    private Expectation findingsList(Map<String, List<String>> q, String route) {
        allowOnly(q, QueryApi.FINDINGS_PARAMETERS);
        Want want = new Want(
                single(q, "category").map(v -> parse(() -> Category.valueOf(code(v)))).orElse(null),
                state(q, "country"), state(q, "from"), state(q, "to"),
                single(q, "item").map(v -> {
                    List<String> words = ItemWords.of(v);
                    if (v.length() > 200 || words.isEmpty() || !printable(v)) {
                        throw new Refused();
                    }
                    return words;
                }).orElse(List.of()),
                single(q, "certainty").map(v -> parse(() -> Certainty.valueOf(code(v)))).orElse(null),
                single(q, "source").map(v -> {
                    String normal = FindingFacts.normalSource(v);
                    if (normal.isEmpty() || v.length() > 200 || !printable(v)) {
                        throw new Refused();
                    }
                    return normal;
                }).orElse(null),
                single(q, "since").map(v -> PeriodRange.firstDay(v.strip()).orElseThrow(Refused::new)).orElse(null),
                single(q, "until").map(v -> PeriodRange.lastDay(v.strip()).orElseThrow(Refused::new)).orElse(null),
                single(q, "document").map(v -> {
                    if (!DOCUMENT_ID.matcher(v).matches()) {
                        throw new Refused();
                    }
                    return v;
                }).orElse(null));
        if (want.since() != null && want.until() != null && want.since().compareTo(want.until()) > 0) {
            throw new Refused();
        }
        limit(q);
        Expectation list = list(route + want, single(q, "cursor"), matching(want));
        return route.equals("incidents?") && list.ids() != null
                ? new Expectation(list.statuses(), list.ids(), list.continuation(), list.scope(), null, true) : list;
    }

    private Expectation documentsList(Map<String, List<String>> q) {
        allowOnly(q, Set.of("status", "limit", "cursor"));
        DocumentStatus status = single(q, "status")
                .map(v -> parse(() -> DocumentStatus.valueOf(code(v)))).orElse(null);
        limit(q);
        Set<String> ids = new TreeSet<>();
        documents.values().stream().filter(d -> status == null || d.status() == status).forEach(d -> ids.add(d.id()));
        return list("documents?" + status, single(q, "cursor"), ids);
    }

    private Expectation list(String scope, Optional<String> cursor, Set<String> ids) {
        if (cursor.isPresent() && !scope.equals(cursorScopes.get(cursor.get()))) {
            return Expectation.status(400);
        }
        return new Expectation(Set.of(200), ids, cursor.isPresent(), scope, null, false);
    }

    private Set<String> matching(Want want) {
        Set<String> ids = new TreeSet<>();
        seeded.stream().filter(want::matches).forEach(f -> ids.add(f.finding().id()));
        return ids;
    }

    /**
     * Sends the request, checks the answer, and for a first page walks the next pages: every violation found,
     * empty when the API kept its contract.
     */
    public List<String> check(FuzzRequest request, Api api, FuzzRequests generator) {
        Expectation expected = expect(request);
        List<String> violations = new ArrayList<>();
        Response response = api.call(request);
        JsonNode body = checkAnswer(request, response, expected, violations);
        if (body == null || response.status() != 200) {
            return violations;
        }
        if (expected.singleId() != null) {
            Object seeded = findings.containsKey(expected.singleId()) && request.path().contains("/findings/")
                    ? findings.get(expected.singleId()) : documents.get(expected.singleId());
            if (!holds(body, asJson(seeded))) {
                violations.add(describe(request) + ": item differs from the seeded one: " + clip(body.toString()));
            }
            return violations;
        }
        if (expected.ids() == null) {
            return violations;
        }
        PageChecker checker = expected.incidents() ? new IncidentPages(expected, violations) : new ItemPages(expected, violations);
        walk(request, body, expected, api, generator, violations, checker);
        return violations;
    }

    /** Checks the pages of one list as they come, and the whole walk once its last page came. */
    private interface PageChecker {
        void page(FuzzRequest page, JsonNode body);

        void walkEnded(FuzzRequest first);
    }

    /** Findings or documents: each matches the filter and equals the seeded one, none repeats, none is missed. */
    private final class ItemPages implements PageChecker {
        private final Expectation expected;
        private final List<String> violations;
        private final Set<String> seen = new HashSet<>();

        ItemPages(Expectation expected, List<String> violations) {
            this.expected = expected;
            this.violations = violations;
        }

        @Override
        public void page(FuzzRequest page, JsonNode body) {
            for (JsonNode item : body.path("items")) {
                String id = item.path("id").asText();
                Object seeded = findings.containsKey(id) ? findings.get(id) : documents.get(id);
                if (!expected.ids().contains(id)) {
                    violations.add(describe(page) + ": item " + id + " is outside the requested filter");
                } else if (!holds(item, asJson(seeded))) {
                    violations.add(describe(page) + ": item " + id + " differs from the seeded one");
                }
                if (!seen.add(id)) {
                    violations.add(describe(page) + ": item " + id + " repeated across pages");
                }
            }
        }

        @Override
        public void walkEnded(FuzzRequest first) {
            if (!expected.continuation() && !seen.equals(expected.ids())) {
                Set<String> missing = new TreeSet<>(expected.ids());
                missing.removeAll(seen);
                violations.add(describe(first) + ": pages miss " + missing.size() + " matching items, e.g. "
                        + missing.stream().limit(3).toList());
            }
        }
    }

    /**
     * Incidents: each listed one includes a finding that matches the filter, none repeats across pages, and every
     * matching finding is in some incident (when no incident lists fewer findings than it holds).
     */
    private final class IncidentPages implements PageChecker {
        private final Expectation expected;
        private final List<String> violations;
        private final Set<String> keys = new HashSet<>();
        private final Set<String> listed = new HashSet<>();
        private boolean clipped;

        IncidentPages(Expectation expected, List<String> violations) {
            this.expected = expected;
            this.violations = violations;
        }

        @Override
        public void page(FuzzRequest page, JsonNode body) {
            for (JsonNode incident : body.path("items")) {
                List<String> ids = new ArrayList<>();
                incident.path("findings").forEach(f -> ids.add(f.path("id").asText()));
                listed.addAll(ids);
                clipped |= incident.path("finding_count").asInt() > ids.size();
                String key = incident.path("key").asText();
                if (ids.stream().noneMatch(expected.ids()::contains) && incident.path("finding_count").asInt() == ids.size()) {
                    violations.add(describe(page) + ": incident " + key + " has no matching finding");
                }
                if (!keys.add(key)) {
                    violations.add(describe(page) + ": incident " + key + " repeated across pages");
                }
            }
        }

        @Override
        public void walkEnded(FuzzRequest first) {
            if (!expected.continuation() && !clipped && !listed.containsAll(expected.ids())) {
                violations.add(describe(first) + ": matching findings in no incident");
            }
        }
    }

    /** Follows next_cursor from a first page already checked, to the last page or {@code maxPages}. */
    private void walk(FuzzRequest request, JsonNode body, Expectation expected, Api api, FuzzRequests generator,
            List<String> violations, PageChecker checker) {
        FuzzRequest page = request;
        for (int n = 0; ; n++) {
            checker.page(page, body);
            if (!body.path("items").isEmpty()) {
                nonEmptyPages++;
            }
            JsonNode next = body.path("next_cursor");
            if (next.isNull() || next.isMissingNode()) {
                checker.walkEnded(request);
                return;
            }
            cursorScopes.put(next.asText(), expected.scope());
            generator.issued(next.asText());
            if (n + 1 >= maxPages) {
                return;
            }
            page = page.with("cursor", next.asText());
            Response response = api.call(page);
            body = checkAnswer(page, response, expect(page), violations);
            if (body == null || response.status() != 200) {
                return;
            }
        }
    }

    /** The checks every answer must pass; the parsed body, or null when it is not JSON. */
    private JsonNode checkAnswer(FuzzRequest request, Response response, Expectation expected, List<String> violations) {
        checked++;
        String what = describe(request) + " -> " + response.status();
        if (response.status() >= 500) {
            violations.add(what + ": server error " + clip(response.body()));
        }
        if (!expected.statuses().contains(response.status())) {
            violations.add(what + ": expected " + expected.statuses() + ", body " + clip(response.body()));
        }
        String wantedType = response.status() == 200 ? ApiResponse.JSON : ApiResponse.PROBLEM_JSON;
        if (!wantedType.equals(response.contentType())) {
            violations.add(what + ": content type " + response.contentType());
        }
        if (response.body() == null) {
            violations.add(what + ": no body");
            return null;
        }
        Matcher leak = LEAK.matcher(response.body());
        if (leak.find()) {
            violations.add(what + ": body names code ('" + leak.group() + "'): " + clip(response.body()));
        }
        JsonNode body;
        try {
            body = JSON.readTree(response.body());
        } catch (Exception e) {
            violations.add(what + ": body is not JSON: " + clip(response.body()));
            return null;
        }
        if (body == null || !body.isObject()) {
            violations.add(what + ": body is not a JSON object");
            return null;
        }
        if (response.status() != 200) {
            if (body.path("status").asInt() != response.status() || !body.path("type").asText().startsWith("https://")
                    || body.path("title").asText().isEmpty()) {
                violations.add(what + ": not an RFC 9457 problem: " + clip(response.body()));
            }
            if (response.body().length() > MAX_PROBLEM_LENGTH) {
                violations.add(what + ": problem of " + response.body().length() + " characters mirrors the input");
            }
        }
        return body;
    }

    /** Whether the served item carries every seeded field unchanged (fields derived when read may be added). */
    private static boolean holds(JsonNode served, JsonNode seeded) {
        for (var field : seeded.properties()) {
            if (!field.getValue().equals(served.get(field.getKey()))) {
                return false;
            }
        }
        return true;
    }

    /** As the API writes it (a tree built from the object directly would type numbers differently). */
    private static JsonNode asJson(Object seeded) {
        try {
            return JSON.readTree(JSON.writeValueAsString(seeded));
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static void allowOnly(Map<String, List<String>> q, Set<String> allowed) {
        if (!allowed.containsAll(q.keySet())) {
            throw new Refused();
        }
    }

    private static Optional<String> single(Map<String, List<String>> q, String name) {
        List<String> values = q.get(name);
        if (values == null || values.isEmpty()) {
            return Optional.empty();
        }
        if (values.size() > 1) {
            throw new Refused();
        }
        return Optional.of(values.get(0));
    }

    private static String state(Map<String, List<String>> q, String name) {
        return single(q, name).map(v -> {
            if (!STATE.matcher(v.strip()).matches()) {
                throw new Refused();
            }
            return v.strip().toUpperCase(Locale.ROOT);
        }).orElse(null);
    }

    private static void limit(Map<String, List<String>> q) {
        single(q, "limit").ifPresent(v -> {
            if (!LIMIT.matcher(v).matches() || Integer.parseInt(v) < 1 || Integer.parseInt(v) > 100) {
                throw new Refused();
            }
        });
    }

    /** An enumeration value is ASCII letters and underscores, case-insensitive, surrounding spaces ignored. */
    private static String code(String v) {
        String code = v.strip();
        if (!code.matches("[A-Za-z_]+")) {
            throw new Refused();
        }
        return code.toUpperCase(Locale.ROOT);
    }

    /** Free text is refused with a control (other than tab, CR, LF), format, unassigned or private-use character or a lone surrogate. */
    private static boolean printable(String v) {
        Set<Integer> refused = Set.of((int) Character.CONTROL, (int) Character.FORMAT, (int) Character.UNASSIGNED,
                (int) Character.PRIVATE_USE, (int) Character.SURROGATE);
        return v.codePoints().allMatch(c -> c == '\t' || c == '\n' || c == '\r' || !refused.contains(Character.getType(c)));
    }

    private static <T> T parse(java.util.function.Supplier<T> parser) {
        try {
            return parser.get();
        } catch (IllegalArgumentException e) {
            throw new Refused();
        }
    }

    private static String normalPath(String path) {
        if (path == null || path.isEmpty()) {
            return "/";
        }
        String p = path.startsWith("/") ? path : "/" + path;
        return p.length() > 1 && p.endsWith("/") ? p.substring(0, p.length() - 1) : p;
    }

    static String describe(FuzzRequest r) {
        StringBuilder s = new StringBuilder().append(r.method()).append(' ').append(clip(String.valueOf(r.path())));
        r.params().forEach(p -> s.append(s.indexOf("?") < 0 ? '?' : '&').append(clip(p.getKey())).append('=').append(clip(p.getValue())));
        return s.toString().replace("\u0000", "\\0");
    }

    private static String clip(String s) {
        return s == null ? "null" : s.length() <= 120 ? s : s.substring(0, 120) + "...(" + s.length() + ")";
    }
}
