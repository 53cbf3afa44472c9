package io.sanctionsmonitor.extract;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds time expressions in a sentence and writes them as guideline-12 periods: "2024-03/2024-10",
 * "2023-09/" (since), "2024-03", "2024". Relative years ("last year", "this year", "of last year") resolve against
 * the publication year and are dropped when it is unknown. Patterns are compiled once; thread-safe.
 */
final class PeriodReader {

    /** A period and where its expression sits in the sentence. */
    record Period(int start, int end, String value, String expression) {}

    private static final Map<String, Integer> MONTHS = Map.ofEntries(
            Map.entry("january", 1), Map.entry("february", 2), Map.entry("march", 3), Map.entry("april", 4),
            Map.entry("may", 5), Map.entry("june", 6), Map.entry("july", 7), Map.entry("august", 8),
            Map.entry("september", 9), Map.entry("october", 10), Map.entry("november", 11), Map.entry("december", 12),
            Map.entry("jan", 1), Map.entry("feb", 2), Map.entry("mar", 3), Map.entry("apr", 4), Map.entry("jun", 6),
            Map.entry("jul", 7), Map.entry("aug", 8), Map.entry("sep", 9), Map.entry("sept", 9), Map.entry("oct", 10),
            Map.entry("nov", 11), Map.entry("dec", 12));

    private static final String MONTH = "(January|February|March|April|May|June|July|August|September|October|November|December|Jan\\.?|Feb\\.?|Mar\\.?|Apr\\.?|Jun\\.?|Jul\\.?|Aug\\.?|Sept?\\.?|Oct\\.?|Nov\\.?|Dec\\.?)";
    private static final String YEAR_REF = "((?:19|20)\\d{2}|(?:of\\s+)?(?:last|this|the\\s+previous|the\\s+past)\\s+year)";

    private static final Pattern BETWEEN = Pattern.compile(
            "\\b(?:between|from)\\s+(?:" + MONTH + "\\s+)?((?:19|20)\\d{2})?\\s*(?:and|to|-|–)\\s+(?:" + MONTH + "\\s+)?(?:\\d{1,2},?\\s+)?" + YEAR_REF,
            Pattern.CASE_INSENSITIVE);
    private static final Pattern SINCE = Pattern.compile(
            "\\bsince\\s+(?:(?:early|late|mid|the\\s+end\\s+of|the\\s+start\\s+of)[\\s-]+)?(?:" + MONTH + "\\s+)?(?:\\d{1,2},?\\s+)?" + YEAR_REF,
            Pattern.CASE_INSENSITIVE);
    private static final Pattern MONTH_YEAR = Pattern.compile(
            "\\b" + MONTH + "\\s+(?:(\\d{1,2}),?\\s+)?" + YEAR_REF, Pattern.CASE_INSENSITIVE);
    private static final Pattern IN_YEAR = Pattern.compile(
            "\\b(?:in|during|throughout|over)\\s+(?:early\\s+|late\\s+|mid-)?((?:19|20)\\d{2})\\b(?!\\s*(?:report|resolution))",
            Pattern.CASE_INSENSITIVE);
    private static final Pattern RELATIVE_YEAR = Pattern.compile(
            "\\b(?:(?:earlier|later)\\s+)?(last|this|the\\s+previous)\\s+year\\b", Pattern.CASE_INSENSITIVE);

    List<Period> find(String sentence, Integer publishedYear) {
        List<Period> out = new ArrayList<>();
        Matcher m = BETWEEN.matcher(sentence);
        while (m.find()) {
            Integer endYear = year(m.group(4), publishedYear);
            Integer startYear = m.group(2) != null ? Integer.valueOf(m.group(2)) : endYear;
            if (endYear == null || startYear == null) {
                continue;
            }
            String a = format(startYear, month(m.group(1)), null);
            String b = format(endYear, month(m.group(3)), null);
            add(out, m, a + "/" + b);
        }
        m = SINCE.matcher(sentence);
        while (m.find()) {
            Integer y = year(m.group(2), publishedYear);
            if (y != null) {
                add(out, m, format(y, month(m.group(1)), null) + "/");
            }
        }
        m = MONTH_YEAR.matcher(sentence);
        while (m.find()) {
            Integer y = year(m.group(3), publishedYear);
            if (y != null) {
                add(out, m, format(y, month(m.group(1)), m.group(2) == null ? null : Integer.valueOf(m.group(2))));
            }
        }
        m = IN_YEAR.matcher(sentence);
        while (m.find()) {
            add(out, m, m.group(1));
        }
        m = RELATIVE_YEAR.matcher(sentence);
        while (m.find()) {
            Integer y = year(m.group(1) + " year", publishedYear);
            if (y != null) {
                add(out, m, String.valueOf(y));
            }
        }
        return out;
    }

    /** Keeps the first (most specific) expression that covers a stretch of text. */
    private static void add(List<Period> out, Matcher m, String value) {
        for (Period p : out) {
            if (m.start() < p.end() && p.start() < m.end()) {
                return;
            }
        }
        out.add(new Period(m.start(), m.end(), value, m.group()));
    }

    private static Integer year(String ref, Integer publishedYear) {
        if (ref == null) {
            return null;
        }
        String r = ref.toLowerCase(Locale.ROOT);
        if (Character.isDigit(r.charAt(0))) {
            return Integer.valueOf(r);
        }
        if (publishedYear == null) {
            return null;
        }
        return r.contains("this") ? publishedYear : publishedYear - 1;
    }

    private static Integer month(String name) {
        if (name == null) {
            return null;
        }
        return MONTHS.get(name.toLowerCase(Locale.ROOT).replace(".", ""));
    }

    private static String format(int year, Integer month, Integer day) {
        if (month == null) {
            return String.valueOf(year);
        }
        String ym = String.format("%04d-%02d", year, month);
        return day == null ? ym : ym + String.format("-%02d", day);
    }
}
