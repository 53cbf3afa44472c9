package io.sanctionsmonitor.extract;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Consumer;
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
    private static final String YEAR_REF = "((?:19|20)\\d{2}|(?:of\\s+)?(?:last|this|next|the\\s+previous|the\\s+past)\\s+year)";

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
            "\\b(?:(?:earlier|later)\\s+)?(last|this|next|the\\s+previous)\\s+year\\b", Pattern.CASE_INSENSITIVE);
    /**
     * A part of a year: "the first half of 2024", "the third quarter of last year", "Q1 2025", "the summer of 2023";
     * "the first half of the year" is the publication year's.
     */
    private static final Pattern PART_OF_YEAR = Pattern.compile(
            "\\b(?:the\\s+)?(first|second|third|fourth|1st|2nd|3rd|4th|spring|summer|autumn|fall|winter|Q[1-4]|H[12])"
                    + "(?:\\s+(half|quarter))?(?:\\s+of)?\\s+(" + YEAR_REF + "|the\\s+year)", Pattern.CASE_INSENSITIVE);
    /** A month named without its year ("in April"), read as the latest such month up to publication. */
    private static final Pattern BARE_MONTH = Pattern.compile(
            // not after a speech verb: "said in January" dates the statement, not the claim. The look-behind runs
            // only where a preposition starts: a look-behind of alternatives of different lengths tries each length,
            // far too costly to try at every word.
            "\\b(?=(?i:in|during|since|by|until|through|early|late|mid-|end))"
                    + "(?<!said\\s|stated\\s|reported\\s|announced\\s|noted\\s|told\\s|wrote\\s|warned\\s|admitted\\s)"
                    + "((?i:in|during|since|by|until|through|early|late|mid-|end\\s+of))\\s+(?:early\\s+|late\\s+|mid-)?" + MONTH
                    + "\\b(?![\\s,]*(?:\\d|of\\s|last|this|next))");
    /** "between April and June" with no year: the latest such stretch up to publication. */
    private static final Pattern BARE_MONTH_RANGE = Pattern.compile(
            "\\b(?:between|from)\\s+" + MONTH + "\\s+(?:and|to|-|–)\\s+" + MONTH
                    + "\\b(?![\\s,]*(?:\\d|of\\s|last|this|next))", Pattern.CASE_INSENSITIVE);
    /** "on 3 March", "on March 3" with no year: that day of the latest such month up to publication. */
    private static final Pattern BARE_DAY = Pattern.compile(
            "\\bon\\s+(?:(\\d{1,2})\\s+" + MONTH + "|" + MONTH + "\\s+(\\d{1,2}))\\b(?![\\s,]*(?:\\d|of\\s|last|this|next))",
            Pattern.CASE_INSENSITIVE);
    /** A speech verb shortly before a day ("said on 3 March", "citing the agency on 20 November"). */
    private static final Pattern STATEMENT_BEFORE = Pattern.compile(
            "\\b(?:said|says|citing|cited|told|stated|reported|announced|noted|wrote|added)\\b");
    private static final int STATEMENT_REACH = 50;
    /** "February's hack": a month in the possessive names when the thing happened. */
    private static final Pattern POSSESSIVE_MONTH = Pattern.compile("\\b" + MONTH + "['’]s\\b");

    /** The publication date as far as it is known: year, month, day (later parts null). */
    record Published(Integer year, Integer month, Integer day, Integer covered) {
        static Published parse(String iso) {
            if (iso == null || iso.length() < 4 || !iso.substring(0, 4).chars().allMatch(Character::isDigit)) {
                return new Published(null, null, null, null);
            }
            Integer y = Integer.valueOf(iso.substring(0, 4));
            Integer m = iso.length() >= 7 ? Integer.valueOf(iso.substring(5, 7)) : null;
            Integer d = iso.length() >= 10 ? Integer.valueOf(iso.substring(8, 10)) : null;
            return new Published(y, m, d, null);
        }

        /** The same date, for a document that covers one year ("Annual Report 2025", published in 2026). */
        Published covering(Integer year) {
            return new Published(this.year, month, day, year);
        }

        /** The year "the year" means: the one the document covers, else the publication year. */
        Integer theYear() {
            return covered != null ? covered : year;
        }
    }

    /**
     * The year an annual report covers, from its title: "annual" or "year in review" and exactly one year
     * ("Annual Enforcement Report 2025"). Null otherwise.
     */
    static Integer coveredYear(String title) {
        if (title == null || !ANNUAL.matcher(title).find()) {
            return null;
        }
        Matcher y = TITLE_YEAR.matcher(title);
        Integer found = null;
        while (y.find()) {
            if (found != null) {
                return null;
            }
            found = Integer.valueOf(y.group());
        }
        return found;
    }

    private static final Pattern ANNUAL = Pattern.compile("\\b(?:annual|year in review)\\b", Pattern.CASE_INSENSITIVE);
    private static final Pattern TITLE_YEAR = Pattern.compile("(?<!\\d)(?:19|20)\\d{2}(?!\\d)");

    List<Period> find(String sentence, Published published) {
        List<Period> out = find(sentence, published.year(), published.theYear());
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
        if (published.month() != null) {
            bareMonths(sentence, lower, published, out);
            relativeSeasons(sentence, lower, published, out);
        }
        out.removeIf(p -> isBaseline(lower, p.start()));
        return out;
    }

    /** "this summer", "since last autumn": a season named relative to publication (a winter spans two years). */
    private static final Pattern RELATIVE_SEASON = Pattern.compile(
            "\\b(since\\s+)?(last|this|next)\\s+(spring|summer|autumn|fall)\\b", Pattern.CASE_INSENSITIVE);

    /**
     * "this summer" is the publication year's, "next spring" the year after; "last autumn" is the latest autumn
     * that had ended by the publication month ("last autumn" in June 2026 is 2025-09/2025-11, in December 2026 it is
     * 2026's). "since" makes it open-ended from the season's first month.
     */
    private static void relativeSeasons(String sentence, String lower, Published published, List<Period> out) {
        if (!(lower.contains("spring") || lower.contains("summer") || lower.contains("autumn") || lower.contains("fall"))) {
            return;
        }
        Matcher m = RELATIVE_SEASON.matcher(sentence);
        while (m.find()) {
            String which = m.group(2).toLowerCase(Locale.ROOT);
            String season = m.group(3).toLowerCase(Locale.ROOT);
            int lastMonth = switch (season) {
                case "spring" -> 5;
                case "summer" -> 8;
                default -> 11;
            };
            int year = switch (which) {
                case "this" -> published.year();
                case "next" -> published.year() + 1;
                default -> lastMonth < published.month() ? published.year() : published.year() - 1;
            };
            String months = partOfYear(season, null, year);
            add(out, m, m.group(1) != null ? months.substring(0, months.indexOf('/') + 1) : months);
        }
        out.sort((a, b) -> Integer.compare(a.start(), b.start()));
    }

    /** Words right before a date that make it the baseline of a comparison, not when something happened. */
    private static final Pattern BASELINE = Pattern.compile(
            "(?:compared\\s+(?:to|with)|than|as\\s+(?:many|much|high|large)\\s+as|(?:increase|rise|up|down|jump)\\s+(?:from|on|over)|relative\\s+to)\\s+(?:in\\s+)?$");

    /** "a twelvefold increase compared to the previous year": the year compared with is no period of the claim. */
    private static boolean isBaseline(String lower, int start) {
        return BASELINE.matcher(lower.substring(Math.max(0, start - 30), start)).find();
    }

    /**
     * "in April" with no year: the latest April up to the publication month (news speaks of the recent past);
     * "since April" is open-ended. Needs the publication month, so the year is not ambiguous.
     */
    private static void bareMonths(String sentence, String lower, Published published, List<Period> out) {
        boolean anyMonth = false;
        for (String name : LONG_MONTHS) {
            if (lower.contains(name)) {
                anyMonth = true;
                break;
            }
        }
        if (!anyMonth) {
            return;
        }
        Matcher r = BARE_MONTH_RANGE.matcher(sentence);
        while (r.find()) {
            Integer first = month(r.group(1));
            Integer last = month(r.group(2));
            if (first != null && last != null) {
                int endYear = last <= published.month() ? published.year() : published.year() - 1;
                int startYear = first <= last ? endYear : endYear - 1;
                add(out, r, format(startYear, first, null) + "/" + format(endYear, last, null));
            }
        }
        Matcher d = BARE_DAY.matcher(sentence);
        while (d.find()) {
            if (STATEMENT_BEFORE.matcher(lower.substring(Math.max(0, d.start() - STATEMENT_REACH), d.start())).find()) {
                continue; // "citing the intelligence service on 20 November": the day of the statement
            }
            Integer month = month(d.group(2) != null ? d.group(2) : d.group(3));
            int day = Integer.parseInt(d.group(1) != null ? d.group(1) : d.group(4));
            if (month != null && day >= 1 && day <= 31) {
                add(out, d, format(month <= published.month() ? published.year() : published.year() - 1, month, day));
            }
        }
        Matcher m = BARE_MONTH.matcher(sentence);
        while (m.find()) {
            Integer month = month(m.group(2));
            if (month == null || m.group(2).equals("may") || m.group(2).equals("MAY")) {
                continue; // lowercase "may" is the hedge
            }
            int year = month <= published.month() ? published.year() : published.year() - 1;
            String value = format(year, month, null) + (m.group(1).equalsIgnoreCase("since") ? "/" : "");
            add(out, m, value);
        }
        // the pattern tries every word; most sentences have no possessive at all
        boolean possessive = sentence.contains("'s") || sentence.contains("’s");
        Matcher p = POSSESSIVE_MONTH.matcher(sentence);
        while (possessive && p.find()) {
            Integer month = month(p.group(1));
            if (month != null) {
                add(out, p, format(month <= published.month() ? published.year() : published.year() - 1, month, null));
            }
        }
        out.sort((a, b) -> Integer.compare(a.start(), b.start()));
    }

    private static final List<String> LONG_MONTHS = List.of("january", "february", "march", "april", "may", "june",
            "july", "august", "september", "october", "november", "december");

    List<Period> find(String sentence, Integer publishedYear) {
        return find(sentence, publishedYear, publishedYear);
    }

    List<Period> find(String sentence, Integer publishedYear, Integer theYear) {
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
                    findIn(sentence, lower, window[0], window[1], publishedYear, theYear, out);
                }
                window = new int[] {from, to};
            }
            i += 3;
        }
        if (window != null) {
            findIn(sentence, lower, window[0], window[1], publishedYear, theYear, out);
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

    private void findIn(String sentence, String lower, int from, int to, Integer publishedYear, Integer theYear,
                        List<Period> out) {
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
                Integer day = m.group(2) != null ? Integer.valueOf(m.group(2)) : dayBefore(lower, m.start());
                add(out, m, format(y, month(m.group(1)), day));
            }
        });
        if (part.contains("months")) {
            scan(FIRST_MONTHS, List.of("the", "first"), lower, sentence, from, to, m -> {
                Integer y = m.group(2).toLowerCase(Locale.ROOT).matches("the\\s+year") ? theYear : year(m.group(2), publishedYear);
                Integer n = count(m.group(1));
                if (y != null && n != null && n >= 2 && n <= 11) {
                    add(out, m, format(y, 1, null) + "/" + format(y, n, null));
                }
            });
        }
        scan(PART_OF_YEAR, PART_WORDS, lower, sentence, from, to, m -> {
            Integer y = m.group(3).toLowerCase(Locale.ROOT).matches("the\\s+year") ? theYear : year(m.group(3), publishedYear);
            String months = partOfYear(m.group(1), m.group(2), y);
            if (months != null) {
                // "since the autumn of 2024" is open-ended from the part's first month
                boolean since = lower.substring(Math.max(0, m.start() - 6), m.start()).strip().endsWith("since");
                add(out, m, since && months.contains("/") ? months.substring(0, months.indexOf('/') + 1) : months);
            }
        });
        scan(IN_YEAR, List.of("in", "during", "throughout", "over"), lower, sentence, from, to, m -> add(out, m, m.group(1)));
        if (part.contains("year")) {
            scan(RELATIVE_YEAR, List.of("last", "this", "next", "the", "earlier", "later"), lower, sentence, from, to, m -> {
                Integer y = m.group(1).toLowerCase(Locale.ROOT).startsWith("the")
                        ? yearBefore(lower, m.start(), publishedYear) : year(m.group(1) + " year", publishedYear);
                if (y != null) {
                    add(out, m, String.valueOf(y));
                }
            });
        }
    }

    /** "the first nine months of 2026": January to the ninth month of that year. */
    private static final Pattern FIRST_MONTHS = Pattern.compile(
            "\\b(?:the\\s+)?first\\s+(\\d{1,2}|two|three|four|five|six|seven|eight|nine|ten|eleven)\\s+months\\s+of\\s+("
                    + YEAR_REF + "|the\\s+year)", Pattern.CASE_INSENSITIVE);

    private static Integer count(String word) {
        String w = word.toLowerCase(Locale.ROOT);
        if (Character.isDigit(w.charAt(0))) {
            return Integer.valueOf(w);
        }
        int i = List.of("two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven").indexOf(w);
        return i < 0 ? null : i + 2;
    }

    /** The day written before a month in British order ("on 3 March 2026"), or null. */
    private static Integer dayBefore(String lower, int monthStart) {
        Matcher d = DAY_BEFORE.matcher(lower.substring(Math.max(0, monthStart - 4), monthStart));
        if (!d.find()) {
            return null;
        }
        int day = Integer.parseInt(d.group(1));
        return day >= 1 && day <= 31 ? day : null;
    }

    private static final Pattern DAY_BEFORE = Pattern.compile("(?<![\\d,.$])(\\d{1,2})\\s+$");

    private static final List<String> PART_WORDS = List.of("the", "first", "second", "third", "fourth", "1st", "2nd",
            "3rd", "4th", "spring", "summer", "autumn", "fall", "winter", "q1", "q2", "q3", "q4", "h1", "h2");

    /**
     * The months of a half, quarter or season of a year; a winter spans two years, so only its year is kept, and an
     * ordinal with neither "half" nor "quarter" is no part of a year.
     */
    private static String partOfYear(String which, String unit, Integer year) {
        if (year == null) {
            return null;
        }
        String w = which.toLowerCase(Locale.ROOT);
        int first;
        int length;
        switch (w) {
            case "h1", "h2" -> { first = w.equals("h1") ? 1 : 7; length = 6; }
            case "q1", "q2", "q3", "q4" -> { first = 1 + 3 * (w.charAt(1) - '1'); length = 3; }
            case "spring" -> { first = 3; length = 3; }
            case "summer" -> { first = 6; length = 3; }
            case "autumn", "fall" -> { first = 9; length = 3; }
            case "winter" -> { return String.valueOf(year); }
            default -> {
                int ordinal = switch (w) {
                    case "first", "1st" -> 1;
                    case "second", "2nd" -> 2;
                    case "third", "3rd" -> 3;
                    default -> 4;
                };
                if (unit == null || unit.equalsIgnoreCase("half") && ordinal > 2) {
                    return null;
                }
                length = unit.equalsIgnoreCase("half") ? 6 : 3;
                first = 1 + (ordinal - 1) * length;
            }
        }
        if (unit != null && (w.startsWith("q") || w.startsWith("h") || w.equals("spring") || w.equals("summer")
                || w.equals("autumn") || w.equals("fall"))) {
            return null; // "Q1 half of" is no expression
        }
        return format(year, first, null) + "/" + format(year, first + length - 1, null);
    }

    private static final List<String> MONTH_WORDS = MONTHS.keySet().stream().sorted().toList();

    /**
     * Tries a pattern only where one of the words it can start with begins, instead of at every character:
     * the patterns are costly to attempt and most positions cannot start a date.
     */
    private static void scan(Pattern p, List<String> firstWords, String lower, String s, int from, int to,
                             Consumer<Matcher> onMatch) {
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

    /**
     * "the previous year" counts back from the last year the sentence named before it ("in 2023, twice the previous
     * year" = 2022); with none named, from the publication year.
     */
    private static Integer yearBefore(String lower, int at, Integer publishedYear) {
        for (int i = at - 4; i >= 0; i--) {
            if (isYearAt(lower, i)) {
                return Integer.valueOf(lower.substring(i, i + 4)) - 1;
            }
        }
        return publishedYear == null ? null : publishedYear - 1;
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
        return r.contains("this") ? publishedYear : r.contains("next") ? publishedYear + 1 : publishedYear - 1;
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
