package io.sanctionsmonitor.parsing;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
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
        best = earlier(best, iso(value));
        best = earlier(best, compact(value));
        best = earlier(best, dayMonthYear(value));
        best = earlier(best, monthDayYear(value));
        best = earlier(best, monthYear(value));
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

    private static Candidate iso(String value) {
        Matcher m = ISO.matcher(value);
        while (m.find()) {
            String date = date(m.group(1), m.group(2), m.group(3));
            if (date != null) {
                return new Candidate(m.start(), date);
            }
        }
        return null;
    }

    private static Candidate compact(String value) {
        Matcher m = COMPACT.matcher(value);
        while (m.find()) {
            String date = date(m.group(1), m.group(2), m.group(3));
            if (date != null && date.length() == 10) {
                return new Candidate(m.start(), date);
            }
        }
        return null;
    }

    private static Candidate dayMonthYear(String value) {
        Matcher m = DAY_MONTH_YEAR.matcher(value);
        while (m.find()) {
            String date = named(m.group(3), m.group(2), m.group(1));
            if (date != null) {
                return new Candidate(m.start(), date);
            }
        }
        return null;
    }

    private static Candidate monthDayYear(String value) {
        Matcher m = MONTH_DAY_YEAR.matcher(value);
        while (m.find()) {
            String date = named(m.group(3), m.group(1), m.group(2));
            if (date != null) {
                return new Candidate(m.start(), date);
            }
        }
        return null;
    }

    private static Candidate monthYear(String value) {
        Matcher m = MONTH_YEAR.matcher(value);
        while (m.find()) {
            String date = named(m.group(2), m.group(1), null);
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
        try (BufferedReader in = new BufferedReader(new InputStreamReader(
                PublicationDates.class.getResourceAsStream("/parsing/months.txt"), StandardCharsets.UTF_8))) {
            String line;
            while ((line = in.readLine()) != null) {
                line = line.strip();
                if (line.isEmpty() || line.startsWith("#")) {
                    continue;
                }
                String[] words = line.split("\\s+");
                int number = Integer.parseInt(words[0]);
                for (int i = 1; i < words.length; i++) {
                    months.putIfAbsent(words[i], number);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return Map.copyOf(months);
    }
}
