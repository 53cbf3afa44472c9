package io.sanctionsmonitor.query;

import io.sanctionsmonitor.model.Category;
import io.sanctionsmonitor.model.Certainty;
import io.sanctionsmonitor.model.DocumentStatus;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;

/** One request's query parameters, read and checked one by one; every refusal names the parameter and its form. */
final class QueryParameters {

    static final int DEFAULT_LIMIT = 25;
    static final int MAX_LIMIT = 100;
    static final int MAX_TEXT = 200;
    private static final Pattern STATE = Pattern.compile("[A-Za-z]{3}");
    private static final Pattern DOCUMENT_ID = Pattern.compile("[0-9a-f]{20}");
    private static final Pattern DIGITS = Pattern.compile("\\d{1,9}");
    private static final Pattern CODE = Pattern.compile("[A-Za-z_]{1,40}");
    /** Character types free text may not hold; a lone surrogate is of type SURROGATE. */
    private static final Set<Integer> NOT_TEXT = Set.of((int) Character.CONTROL, (int) Character.FORMAT,
            (int) Character.UNASSIGNED, (int) Character.PRIVATE_USE, (int) Character.SURROGATE);
    static final List<String> DATE_FORMS = List.of("yyyy", "yyyy-MM", "yyyy-MM-dd");

    private final Map<String, List<String>> values;

    QueryParameters(Map<String, List<String>> values, Set<String> allowed) {
        this.values = values;
        for (String name : new TreeSet<>(values.keySet())) {
            if (!allowed.contains(name)) {
                throw new InvalidParameterException(clip(name), "Unknown query parameter '" + clip(name) + "'.",
                        List.copyOf(new TreeSet<>(allowed)));
            }
        }
    }

    Optional<String> single(String name) {
        List<String> given = values.get(name);
        if (given == null || given.isEmpty()) {
            return Optional.empty();
        }
        if (given.size() > 1) {
            throw new InvalidParameterException(name, "Parameter '" + name + "' may be given once.", List.of("one value"));
        }
        return Optional.of(given.get(0));
    }

    Category category() {
        return single("category").map(v -> {
            try {
                return Category.valueOf(code(v));
            } catch (IllegalArgumentException e) {
                throw new InvalidParameterException("category", "Unknown category '" + clip(v) + "'.",
                        Arrays.stream(Category.values()).map(Enum::name).toList());
            }
        }).orElse(null);
    }

    String state(String name) {
        return single(name).map(v -> {
            if (!STATE.matcher(v.strip()).matches()) {
                throw new InvalidParameterException(name,
                        "Parameter '" + name + "' must be an ISO 3166-1 alpha-3 state code, not '" + clip(v) + "'.",
                        List.of("ISO 3166-1 alpha-3 code, e.g. PRK, RUS"));
            }
            return v.strip().toUpperCase(Locale.ROOT);
        }).orElse(null);
    }

    Certainty certainty() {
        return single("certainty").map(v -> {
            try {
                return Certainty.valueOf(code(v));
            } catch (IllegalArgumentException e) {
                throw new InvalidParameterException("certainty", "Unknown certainty '" + clip(v) + "'.",
                        Arrays.stream(Certainty.values()).map(Certainty::label).toList());
            }
        }).orElse(null);
    }

    List<String> itemWords() {
        return single("item").map(v -> {
            List<String> words = v.length() > MAX_TEXT || !printable(v) ? List.of() : ItemWords.of(v);
            if (words.isEmpty()) {
                throw new InvalidParameterException("item",
                        "Parameter 'item' must hold a word of an item (letters or digits), at most " + MAX_TEXT
                                + " characters.",
                        List.of("text of 1 to " + MAX_TEXT + " characters with a letter or digit, e.g. pantsir"));
            }
            return words;
        }).orElse(List.of());
    }

    String source() {
        return single("source").map(v -> {
            String normal = FindingFacts.normalSource(v);
            if (normal.isEmpty() || v.length() > MAX_TEXT || !printable(v)) {
                throw new InvalidParameterException("source",
                        "Parameter 'source' must be a source's name of 1 to " + MAX_TEXT + " characters.",
                        List.of("text of 1 to " + MAX_TEXT + " characters, e.g. MSMT"));
            }
            return normal;
        }).orElse(null);
    }

    /** A partial ISO date as its first day ({@code lastDay} false) or its last day. */
    String date(String name, boolean lastDay) {
        return single(name).map(v -> {
            Optional<String> day = lastDay ? PeriodRange.lastDay(v.strip()) : PeriodRange.firstDay(v.strip());
            return day.orElseThrow(() -> new InvalidParameterException(name,
                    "Parameter '" + name + "' must be a date as yyyy, yyyy-MM or yyyy-MM-dd, not '" + clip(v) + "'.",
                    DATE_FORMS));
        }).orElse(null);
    }

    String documentId(String name) {
        return single(name).map(v -> {
            if (!DOCUMENT_ID.matcher(v).matches()) {
                throw new InvalidParameterException(name,
                        "Parameter '" + name + "' must be a document id (20 lowercase hex digits).",
                        List.of("20 lowercase hexadecimal digits"));
            }
            return v;
        }).orElse(null);
    }

    DocumentStatus status() {
        return single("status").map(v -> {
            try {
                return DocumentStatus.valueOf(code(v));
            } catch (IllegalArgumentException e) {
                throw new InvalidParameterException("status", "Unknown document status '" + clip(v) + "'.",
                        Arrays.stream(DocumentStatus.values()).map(Enum::name).toList());
            }
        }).orElse(null);
    }

    int limit() {
        return single("limit").map(v -> {
            int limit = DIGITS.matcher(v).matches() ? Integer.parseInt(v) : -1;
            if (limit < 1 || limit > MAX_LIMIT) {
                throw new InvalidParameterException("limit",
                        "Parameter 'limit' must be an integer from 1 to " + MAX_LIMIT + ", not '" + clip(v) + "'.",
                        List.of("integer from 1 to " + MAX_LIMIT));
            }
            return limit;
        }).orElse(DEFAULT_LIMIT);
    }

    Optional<String> cursor() {
        return single("cursor");
    }

    /** An enumeration's name as given: ASCII letters and underscores, so look-alikes that upper-case to one (ſ, ı) are refused. */
    private static String code(String v) {
        String code = v.strip();
        if (!CODE.matcher(code).matches()) {
            throw new IllegalArgumentException("not a code");
        }
        return code.toUpperCase(Locale.ROOT);
    }

    /**
     * Free text without control or format characters (NUL, ESC, bidi overrides, zero-width marks) and without
     * unpaired surrogates: such text is no item or source name, and it would reach the store's index keys.
     */
    static boolean printable(String v) {
        return v.codePoints().allMatch(c -> c == '\t' || c == '\n' || c == '\r' || !NOT_TEXT.contains(Character.getType(c)));
    }

    /** Echoes at most 40 characters of a bad value back, so a problem never mirrors a large input. */
    private static String clip(String v) {
        return v.length() <= 40 ? v : v.substring(0, 40) + "...";
    }
}
