package io.sanctionsmonitor.incidents;

import io.sanctionsmonitor.model.Category;
import io.sanctionsmonitor.query.FindingFacts;
import java.util.Comparator;

/**
 * The order incidents are read in, shared by every store: category (in {@link Category} order), then
 * {@link #sortKey}. Each incident key's findings are contiguous in it, earliest period first, so incidents can be
 * formed in one pass and a page can end between two of them.
 */
public final class IncidentOrder {

    /** Between the key's parts: neither a state code nor an item type contains it. */
    public static final String PART = "|";

    /** Category first, then the sort key. */
    public static final Comparator<FindingFacts> FACTS =
            Comparator.comparing(FindingFacts::category).thenComparing(IncidentOrder::sortKey);

    private IncidentOrder() {}

    /** "{from}|{to}|{item type}": the incident key within a category ("?" for an unknown state). */
    public static String keyPrefix(FindingFacts f) {
        return state(f.from()) + PART + state(f.to()) + PART + f.itemType();
    }

    /**
     * "{from}|{to}|{item type}#{period start}#{finding id}". Item types hold no '#', so one key's findings share
     * the prefix up to the first '#' and sort together; the fixed-width day then orders them by period.
     */
    public static String sortKey(FindingFacts f) {
        return keyPrefix(f) + "#" + f.periodStart() + "#" + f.id();
    }

    /** The prefix of the sort keys a direction filter selects: "RUS|", "RUS|PRK|", or "" for none. */
    public static String directionPrefix(String from, String to) {
        if (from == null) {
            return "";
        }
        return to == null ? from + PART : from + PART + to + PART;
    }

    private static String state(String code) {
        return code == null ? FindingFacts.UNKNOWN_STATE : code;
    }
}
