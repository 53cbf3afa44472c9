package io.sanctionsmonitor.query;

import io.sanctionsmonitor.model.Category;
import io.sanctionsmonitor.model.Certainty;
import java.util.List;
import java.util.StringJoiner;

/**
 * The filters of {@code GET /findings}, validated and normalised; a null field does not filter.
 *
 * @param itemWords   every word must be among the finding's item words (see {@link ItemWords}); empty: no filter
 * @param source      a normalised source (see {@link FindingFacts#normalSource})
 * @param since       first day of the asked period: the finding's period must end on or after it
 * @param until       last day of the asked period: the finding's period must start on or before it
 * @param document    only this document's findings
 */
public record FindingFilter(
        Category category,
        String country,
        String from,
        String to,
        List<String> itemWords,
        Certainty minCertainty,
        String source,
        String since,
        String until,
        String document) {

    public static final FindingFilter NONE = new FindingFilter(null, null, null, null, List.of(), null, null, null, null, null);

    public FindingFilter {
        itemWords = itemWords == null ? List.of() : List.copyOf(itemWords);
    }

    public static FindingFilter ofDocument(String documentId) {
        return new FindingFilter(null, null, null, null, List.of(), null, null, null, null, documentId);
    }

    public boolean hasPeriod() {
        return since != null || until != null;
    }

    /** The oracle every store must agree with. */
    public boolean matches(FindingFacts f) {
        return (category == null || category == f.category())
                && (country == null || country.equals(f.from()) || country.equals(f.to()))
                && (from == null || from.equals(f.from()))
                && (to == null || to.equals(f.to()))
                && f.itemWords().containsAll(itemWords)
                && (minCertainty == null || f.certainty().atLeast(minCertainty))
                && (source == null || f.sources().contains(source))
                && (!hasPeriod() || (f.hasPeriod() && new PeriodRange(f.periodStart(), f.periodEnd()).overlaps(since, until)))
                && (document == null || document.equals(f.documentId()));
    }

    /** A canonical text of the filter, which a cursor is bound to. */
    public String canonical() {
        StringJoiner j = new StringJoiner("&");
        j.add("category=" + (category == null ? "" : category.name()));
        j.add("country=" + nullToEmpty(country));
        j.add("from=" + nullToEmpty(from));
        j.add("to=" + nullToEmpty(to));
        j.add("item=" + String.join(" ", itemWords));
        j.add("certainty=" + (minCertainty == null ? "" : minCertainty.label()));
        j.add("source=" + nullToEmpty(source));
        j.add("since=" + nullToEmpty(since));
        j.add("until=" + nullToEmpty(until));
        j.add("document=" + nullToEmpty(document));
        return j.toString();
    }

    private static String nullToEmpty(String s) {
        return s == null ? "" : s;
    }
}
