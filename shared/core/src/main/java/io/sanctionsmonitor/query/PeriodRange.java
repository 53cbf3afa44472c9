package io.sanctionsmonitor.query;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * A period as an inclusive range of ISO days, so periods of any precision compare as plain strings.
 * "2024" is 2024-01-01..2024-12-31, "2024-03/2024-10" is 2024-03-01..2024-10-31 and an open end ("2023-09/")
 * reaches {@link #OPEN_END}.
 */
public record PeriodRange(String start, String end) {

    public static final String OPEN_END = "9999-12-31";
    private static final Pattern PARTIAL_DATE = Pattern.compile("\\d{4}(-\\d{2}(-\\d{2})?)?");

    /** The range a finding's period covers, or empty when the period is missing or malformed. */
    public static Optional<PeriodRange> ofPeriod(String period) {
        if (period == null || period.isBlank()) {
            return Optional.empty();
        }
        String text = period.trim();
        int slash = text.indexOf('/');
        String first = slash < 0 ? text : text.substring(0, slash);
        String second = slash < 0 ? text : text.substring(slash + 1);
        Optional<String> start = firstDay(first);
        if (start.isEmpty()) {
            return Optional.empty();
        }
        Optional<String> end = second.isEmpty() ? Optional.of(OPEN_END) : lastDay(second);
        if (end.isEmpty() || end.get().compareTo(start.get()) < 0) {
            return Optional.empty();
        }
        return Optional.of(new PeriodRange(start.get(), end.get()));
    }

    /** The first day a date of any precision (yyyy, yyyy-MM, yyyy-MM-dd) covers, or empty when it is not one. */
    public static Optional<String> firstDay(String partialDate) {
        return parse(partialDate, false);
    }

    /** The last day a date of any precision covers, or empty when it is not one. */
    public static Optional<String> lastDay(String partialDate) {
        return parse(partialDate, true);
    }

    private static Optional<String> parse(String text, boolean last) {
        if (text == null || !PARTIAL_DATE.matcher(text).matches()) {
            return Optional.empty();
        }
        try {
            LocalDate day = switch (text.length()) {
                case 4 -> last ? LocalDate.of(Integer.parseInt(text), 12, 31) : LocalDate.of(Integer.parseInt(text), 1, 1);
                case 7 -> last ? YearMonth.parse(text).atEndOfMonth() : YearMonth.parse(text).atDay(1);
                default -> LocalDate.parse(text);
            };
            return Optional.of(day.toString());
        } catch (java.time.DateTimeException e) {
            return Optional.empty();
        }
    }

    /** Whether this range shares at least one day with [since, until]; either bound may be null (unbounded). */
    public boolean overlaps(String since, String until) {
        return (until == null || start.compareTo(until) <= 0) && (since == null || end.compareTo(since) >= 0);
    }
}
