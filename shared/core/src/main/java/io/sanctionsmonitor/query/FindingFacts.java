package io.sanctionsmonitor.query;

import io.sanctionsmonitor.model.Category;
import io.sanctionsmonitor.model.Certainty;
import io.sanctionsmonitor.model.Finding;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * What the filters and statistics see of one finding, normalised once so every store indexes and matches
 * alike: states uppercase, sources and item words lowercase, the period as a day range.
 *
 * @param periodStart first day of the period, or {@link #NO_PERIOD} when the finding has none
 * @param periodEnd   last day of the period, or {@link #NO_PERIOD}
 * @param month       the period's start month (yyyy-MM) when the period names one, else null: the statistics month
 * @param itemType    the kind of goods an incident groups by (see {@link #incidentItemType}); null only in facts
 *                    stored before incidents existed
 */
public record FindingFacts(
        String id,
        String documentId,
        Category category,
        String from,
        String to,
        Set<String> itemWords,
        Set<String> sources,
        Certainty certainty,
        String periodStart,
        String periodEnd,
        String month,
        String itemType) {

    /** Sorts before every real day, so findings without a period come last in newest-first order. */
    public static final String NO_PERIOD = "0000-00-00";
    /** Stands for an unknown state in a state pair, e.g. "PRK->?". */
    public static final String UNKNOWN_STATE = "?";
    /** Longer source names are kept in the finding but not indexed (index keys stay small). */
    public static final int MAX_SOURCE_LENGTH = 200;
    /** What incidents call the kind of goods when no lexicon item was named. */
    public static final String UNSPECIFIED_ITEMS = "unspecified";

    public FindingFacts {
        itemWords = Set.copyOf(itemWords);
        sources = Set.copyOf(sources);
    }

    public static FindingFacts of(Finding finding) {
        Optional<PeriodRange> period = PeriodRange.ofPeriod(finding.period());
        Set<String> sources = new TreeSet<>();
        for (String source : finding.attributedTo()) {
            String normal = normalSource(source);
            if (!normal.isEmpty() && normal.length() <= MAX_SOURCE_LENGTH) {
                sources.add(normal);
            }
        }
        return new FindingFacts(
                finding.id(),
                finding.documentId(),
                finding.category(),
                normalState(finding.from()),
                normalState(finding.to()),
                ItemWords.ofItems(finding.items()),
                sources,
                finding.certainty() == null ? Certainty.SPECULATIVE : finding.certainty(),
                period.map(PeriodRange::start).orElse(NO_PERIOD),
                period.map(PeriodRange::end).orElse(NO_PERIOD),
                period.isPresent() && finding.period().strip().length() >= 7 ? period.get().start().substring(0, 7) : null,
                incidentItemType(finding));
    }

    /**
     * The finding's item type, else its first item, lowercased and without the key separators '#' and '|':
     * findings of one category and direction about the same kind of goods share it.
     */
    static String incidentItemType(Finding finding) {
        String type = finding.itemType() != null && !finding.itemType().isBlank() ? finding.itemType()
                : finding.items().isEmpty() ? UNSPECIFIED_ITEMS : finding.items().get(0);
        String clean = type.strip().toLowerCase(Locale.ROOT).replaceAll("[#|\\s]+", " ").strip();
        clean = clean.length() > 80 ? clean.substring(0, 80).strip() : clean;
        return clean.isEmpty() ? UNSPECIFIED_ITEMS : clean;
    }

    /** Sources match case- and spacing-insensitively: "UN  Panel of experts" is "un panel of experts". */
    public static String normalSource(String source) {
        return source == null ? "" : source.strip().replaceAll("\\s+", " ").toLowerCase(Locale.ROOT);
    }

    static String normalState(String state) {
        return state == null || state.isBlank() ? null : state.strip().toUpperCase(Locale.ROOT);
    }

    public boolean hasPeriod() {
        return !NO_PERIOD.equals(periodStart);
    }

    /** The year bucket of the period's start ("0000" without a period): index keys are split by it. */
    public String startYear() {
        return periodStart.substring(0, 4);
    }

    /** The state pair statistics key, e.g. "PRK->RUS" or "PRK->?". */
    public String statePair() {
        return (from == null ? UNKNOWN_STATE : from) + "->" + (to == null ? UNKNOWN_STATE : to);
    }

    /** The states on either side, without repetition. */
    public List<String> countries() {
        TreeSet<String> both = new TreeSet<>();
        if (from != null) {
            both.add(from);
        }
        if (to != null) {
            both.add(to);
        }
        return List.copyOf(both);
    }
}
