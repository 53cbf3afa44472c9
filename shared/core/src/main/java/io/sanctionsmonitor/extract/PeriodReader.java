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
    private static final String MONTH_START = "\\b";
    private static final String YEAR_REF = "((?:19|20)\\d{2}|(?:of\\s+)?(?:last|this|the\\s+previous|the\\s+past)\\s+year)";

    private static final Pattern BETWEEN = Pattern.compile(
            "\\b(?:between|from)\\s+(?:" + MONTH + "\\s+)?((?:19|20)\\d{2})?\\s*(?:and|to|-|–)\\s+(?:" + MONTH + "\\s+)?(?:\\d{1,2},?\\s+)?" + YEAR_REF,
            Pattern.CASE_INSENSITIVE);
    private static final Pattern SINCE = Pattern.compile(
            "\\bsince\\s+(?:(?:early|late|mid|the\\s+end\\s+of|the\\s+start\\s+of)[\\s-]+)?(?:" + MONTH + "\\s+)?(?:\\d{1,2},?\\s+)?" + YEAR_REF,
            Pattern.CASE_INSENSITIVE);
    private static final Pattern MONTH_YEAR = Pattern.compile(
            MONTH_START + MONTH + "\\s+(?:(\\d{1,2}),?\\s+)?" + YEAR_REF, Pattern.CASE_INSENSITIVE);
    private static final Pattern IN_YEAR = Pattern.compile(
            "\\b(?:in|during|throughout|over)\\s+(?:early\\s+|late\\s+|mid-)?((?:19|20)\\d{2})\\b(?!\\s*(?:report|resolution))",
            Pattern.CASE_INSENSITIVE);
    private static final Pattern RELATIVE_DAY = Pattern.compile(
            "\\b(yesterday|today|(?:last|this|earlier\\s+this)\\s+month)\\b", Pattern.CASE_INSENSITIVE);
    private static final Pattern RELATIVE_YEAR = Pattern.compile(
            "\\b(?:(?:earlier|later)\\s+)?(last|this|the\\s+previous)\\s+year\\b", Pattern.CASE_INSENSITIVE);

    /** The publication date as far as it is known: year, month, day (later parts null). */
    record Published(Integer year, Integer month, Integer day) {
        static Published parse(String iso) {
            if (iso == null || iso.length() < 4 || !iso.substring(0, 4).chars().allMatch(Character::isDigit)) {
                return new Published(null, null, null);
            }
            Integer y = Integer.valueOf(iso.substring(0, 4));
            Integer m = iso.length() >= 7 ? Integer.valueOf(iso.substring(5, 7)) : null;
            Integer d = iso.length() >= 10 ? Integer.valueOf(iso.substring(8, 10)) : null;
            return new Published(y, m, d);
        }
    }

    List<Period> find(String sentence, Published published) {
        List<Period> out = find(sentence, published.year());
        String lower = sentence.toLowerCase(Locale.ROOT);
        if (published.month() != null && (lower.contains("yesterday") || lower.contains("today") || lower.contains("month"))) {
            Matcher m = RELATIVE_DAY.matcher(sentence);
            while (m.find()) {
                String what = m.group(1).toLowerCase(Locale.ROOT);
                java.time.YearMonth ym = java.time.YearMonth.of(published.year(), published.month());
                String value = null;
                if (what.equals("yesterday") || what.equals("today")) {
                    if (published.day() != null) {
                        java.time.LocalDate d = ym.atDay(published.day()).minusDays(what.equals("yesterday") ? 1 : 0);
                        value = d.toString();
                    }
                } else {
                    value = (what.startsWith("last") ? ym.minusMonths(1) : ym).toString();
                }
                if (value != null) {
                    add(out, m, value);
                }
            }
        }
        return out;
    }

    List<Period> find(String sentence, Integer publishedYear) {
        List<Period> out = new ArrayList<>();
        // every expression holds a year or the word "year": run the patterns only in windows around those
        String lower = sentence.toLowerCase(Locale.ROOT);
        int[] window = null;
        for (int i = 0; i < lower.length(); i++) {
            boolean anchor = isYearAt(lower, i) || lower.startsWith("year", i);
            if (!anchor) {
                continue;
            }
            int from = Math.max(0, i - WINDOW_BEFORE);
            int to = Math.min(lower.length(), i + WINDOW_AFTER);
            if (window != null && from <= window[1]) {
                window[1] = to;
            } else {
                if (window != null) {
                    findIn(sentence, lower, window[0], window[1], publishedYear, out);
                }
                window = new int[] {from, to};
            }
            i += 3;
        }
        if (window != null) {
            findIn(sentence, lower, window[0], window[1], publishedYear, out);
        }
        out.sort((a, b) -> Integer.compare(a.start(), b.start()));
        return out;
    }

    private static final int WINDOW_BEFORE = 70;
    private static final int WINDOW_AFTER = 25;

    private static boolean isYearAt(String s, int i) {
        if (i + 4 > s.length() || !(s.startsWith("19", i) || s.startsWith("20", i))) {
            return false;
        }
        return Character.isDigit(s.charAt(i + 2)) && Character.isDigit(s.charAt(i + 3))
                && (i == 0 || !Character.isDigit(s.charAt(i - 1)))
                && (i + 4 == s.length() || !Character.isDigit(s.charAt(i + 4)));
    }

    private void findIn(String sentence, String lower, int from, int to, Integer publishedYear, List<Period> out) {
        String part = lower.substring(from, to);
        if (part.contains("between") || part.contains("from")) {
            scan(BETWEEN, List.of("between", "from"), lower, sentence, from, to, m -> {
                Integer endYear = year(m.group(4), publishedYear);
                Integer startYear = m.group(2) != null ? Integer.valueOf(m.group(2)) : endYear;
                if (endYear != null && startYear != null) {
                    add(out, m, format(startYear, month(m.group(1)), null) + "/" + format(endYear, month(m.group(3)), null));
                }
            });
        }
        if (part.contains("since")) {
            scan(SINCE, List.of("since"), lower, sentence, from, to, m -> {
                Integer y = year(m.group(2), publishedYear);
                if (y != null) {
                    add(out, m, format(y, month(m.group(1)), null) + "/");
                }
            });
        }
        scan(MONTH_YEAR, MONTH_WORDS, lower, sentence, from, to, m -> {
            Integer y = year(m.group(3), publishedYear);
            if (y != null) {
                add(out, m, format(y, month(m.group(1)), m.group(2) == null ? null : Integer.valueOf(m.group(2))));
            }
        });
        scan(IN_YEAR, List.of("in", "during", "throughout", "over"), lower, sentence, from, to, m -> add(out, m, m.group(1)));
        if (part.contains("year")) {
            scan(RELATIVE_YEAR, List.of("last", "this", "the", "earlier", "later"), lower, sentence, from, to, m -> {
                Integer y = year(m.group(1) + " year", publishedYear);
                if (y != null) {
                    add(out, m, String.valueOf(y));
                }
            });
        }
    }

    private static final List<String> MONTH_WORDS = MONTHS.keySet().stream().sorted().toList();

    /**
     * Tries a pattern only where one of the words it can start with begins, instead of at every character:
     * the patterns are costly to attempt and most positions cannot start a date.
     */
    private static void scan(Pattern p, List<String> firstWords, String lower, String s, int from, int to,
                             java.util.function.Consumer<Matcher> onMatch) {
        Matcher m = null;
        for (int i = from; i < to; i++) {
            if (i > 0 && Character.isLetterOrDigit(lower.charAt(i - 1)) || !startsWord(lower, i, firstWords)) {
                continue;
            }
            if (m == null) {
                m = p.matcher(s).useTransparentBounds(true).useAnchoringBounds(false);
            }
            m.region(i, to);
            if (m.lookingAt()) {
                onMatch.accept(m);
                i = m.end() - 1;
            }
        }
    }

    private static boolean startsWord(String lower, int i, List<String> words) {
        char first = lower.charAt(i);
        if (first < 'a' || first > 'z') {
            return false;
        }
        for (String w : words) {
            if (w.charAt(0) != first) {
                continue;
            }
            int end = i + w.length();
            if (lower.startsWith(w, i) && (end >= lower.length() || !Character.isLetter(lower.charAt(end)))) {
                return true;
            }
        }
        return false;
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
