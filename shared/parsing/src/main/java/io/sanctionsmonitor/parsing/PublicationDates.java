package io.sanctionsmonitor.parsing;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Turns a date as a report writes it ("2025-03-04T10:00Z", "March 4, 2025", "4 de marzo de 2025", "mid-2025")
 * into an ISO date to the precision given: yyyy-MM-dd, yyyy-MM or yyyy. The earliest date in the value wins,
 * so "unknown (mid-2025, citing a December 2024 statement)" gives 2025.
 */
final class PublicationDates {
    private static final Map<String, Integer> MONTHS = loadMonths();
    private static final String MONTH = "(?<!\\p{L})(\\p{L}{3,10})\\.?";
    private static final Pattern ISO = Pattern.compile("(?<!\\d)(\\d{4})-(\\d{2})(?:-(\\d{2}))?(?!\\d)");
    private static final Pattern COMPACT = Pattern.compile("(?<!\\d)(\\d{4})(\\d{2})(\\d{2})(?!\\d)");
    private static final Pattern DAY_MONTH_YEAR = Pattern.compile(
            "(?iu)(?<!\\d)(\\d{1,2})(?:st|nd|rd|th|\\.|º)?\\s+(?:de\\s+)?" + MONTH + ",?\\s+(?:de\\s+)?(\\d{4})(?!\\d)");
    private static final Pattern MONTH_DAY_YEAR = Pattern.compile(
            "(?iu)" + MONTH + "\\s+(\\d{1,2})(?:st|nd|rd|th)?,?\\s+(\\d{4})(?!\\d)");
    private static final Pattern MONTH_YEAR = Pattern.compile("(?iu)" + MONTH + ",?\\s+(?:de\\s+)?(\\d{4})(?!\\d)");
    private static final Pattern YEAR = Pattern.compile("(?<!\\d)((?:19|20)\\d{2})(?!\\d)");

    private PublicationDates() {}

    private record Candidate(int start, String iso) {}

    static String normalize(String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        Candidate best = null;
        best = earlier(best, first(ISO, value, m -> date(m.group(1), m.group(2), m.group(3))));
        best = earlier(best, first(COMPACT, value, m -> {
            String date = date(m.group(1), m.group(2), m.group(3));
            return date != null && date.length() == 10 ? date : null;
        }));
        best = earlier(best, first(DAY_MONTH_YEAR, value, m -> named(m.group(3), m.group(2), m.group(1))));
        best = earlier(best, first(MONTH_DAY_YEAR, value, m -> named(m.group(3), m.group(1), m.group(2))));
        best = earlier(best, first(MONTH_YEAR, value, m -> named(m.group(2), m.group(1), null)));
        Matcher year = YEAR.matcher(value);
        if (year.find()) {
            best = earlier(best, new Candidate(year.start(), year.group(1)));
        }
        return best == null ? null : best.iso();
    }

    /** Prefers the earlier match; at the same position, the more precise (longer) one. */
    private static Candidate earlier(Candidate a, Candidate b) {
        if (a == null) {
            return b;
        }
        if (b == null) {
            return a;
        }
        if (b.start() != a.start()) {
            return b.start() < a.start() ? b : a;
        }
        return b.iso().length() > a.iso().length() ? b : a;
    }

    /** The first match of {@code pattern} that {@code toDate} accepts, with its position. */
    private static Candidate first(Pattern pattern, String value, Function<Matcher, String> toDate) {
        Matcher m = pattern.matcher(value);
        while (m.find()) {
            String date = toDate.apply(m);
            if (date != null) {
                return new Candidate(m.start(), date);
            }
        }
        return null;
    }

    private static String named(String year, String monthName, String day) {
        Integer month = MONTHS.get(monthName.toLowerCase(Locale.ROOT));
        return month == null ? null : date(year, String.format(Locale.ROOT, "%02d", month), day);
    }

    private static String date(String year, String month, String day) {
        try {
            int y = Integer.parseInt(year);
            int m = Integer.parseInt(month);
            if (y < 1900 || y > 2100 || m < 1 || m > 12) {
                return null;
            }
            if (day == null) {
                return String.format(Locale.ROOT, "%04d-%02d", y, m);
            }
            return LocalDate.of(y, m, Integer.parseInt(day)).toString();
        } catch (NumberFormatException | DateTimeException e) {
            return null;
        }
    }

    private static Map<String, Integer> loadMonths() {
        Map<String, Integer> months = new HashMap<>();
        for (String line : ResourceLines.read("/parsing/months.txt")) {
            String[] words = line.split("\\s+");
            for (int i = 1; i < words.length; i++) {
                months.putIfAbsent(words[i], Integer.parseInt(words[0]));
            }
        }
        return Map.copyOf(months);
    }
}
