package io.sanctionsmonitor.aws.dynamodb;

import io.sanctionsmonitor.incidents.IncidentOrder;
import io.sanctionsmonitor.model.Category;
import io.sanctionsmonitor.model.Certainty;
import io.sanctionsmonitor.query.FindingFacts;
import java.util.ArrayList;
import java.util.List;

/**
 * How items use the table's generic keys. One table, {@code pk}/{@code sk}, and two overloaded indexes:
 * <pre>
 * document        pk DOC#{doc}                         sk DOC
 *                 gsi1pk DOCSTATUS#{status}            gsi1sk {updatedAt}#{doc}
 *                 gsi2pk DOCS                          gsi2sk {updatedAt}#{doc}
 * finding         pk DOC#{doc}                         sk F#{findingId}
 * write intent    pk DOC#{doc}                         sk PENDING#{nonce}
 * stale set       pk DOC#{doc}                         sk PENDING#stale#{generation}
 * posting         pk P#{dimension}#{value}#{yyyy}      sk {periodStart}#{findingId}
 *                 (dimensions: all, category, country, from, to, pair, item, source, certainty,
 *                  category_country, category_pair)
 * incident posting pk I#{category}                    sk {from}|{to}|{itemType}#{periodStart}#{findingId}
 * counters        pk STATS                             sk COUNTS#{shard} (see StatsCounters)
 * </pre>
 * A posting is a copy of a finding under one filterable value, split by the year its period starts
 * ("0000" without a period), so a filter is a Query on one posting partition per year, newest first.
 * An incident posting is one more copy, in {@link IncidentOrder}: read forwards, each incident's findings come
 * together, earliest period first, and a direction filter is a sort key prefix.
 */
final class TableKeys {

    static final String PK = "pk";
    static final String SK = "sk";
    static final String GSI1 = "gsi1";
    static final String GSI1PK = "gsi1pk";
    static final String GSI1SK = "gsi1sk";
    static final String GSI2 = "gsi2";
    static final String GSI2PK = "gsi2pk";
    static final String GSI2SK = "gsi2sk";

    static final String DOCUMENT_SK = "DOC";
    static final String FINDING_SK_PREFIX = "F#";
    static final String PENDING_SK_PREFIX = "PENDING#";
    static final String STATS_PK = "STATS";
    static final String ALL_DOCUMENTS = "DOCS";
    /** Past every character of a finding id, so "{day}#~" bounds a sort key range on a day. */
    static final String AFTER_ID = "#~";

    /** The dimensions a posting can be filed under. */
    enum Dimension {
        ALL, CATEGORY, COUNTRY, FROM, TO, PAIR, ITEM, SOURCE, CERTAINTY, CATEGORY_COUNTRY, CATEGORY_PAIR;

        String label() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }
    }

    private TableKeys() {}

    static String document(String documentId) {
        return "DOC#" + documentId;
    }

    static String findingSk(String findingId) {
        return FINDING_SK_PREFIX + findingId;
    }

    static String pendingSk(String nonce) {
        return PENDING_SK_PREFIX + nonce;
    }

    /** Sorts with the intents, so one Query finds all of a document's pending work; no nonce starts "stale". */
    static String staleSetSk(long generation) {
        return PENDING_SK_PREFIX + "stale#" + String.format("%019d", generation);
    }

    static String documentStatus(String status) {
        return "DOCSTATUS#" + status;
    }

    static String posting(Dimension dimension, String value, String year) {
        return dimension == Dimension.ALL ? "P#all#" + year : "P#" + dimension.label() + "#" + value + "#" + year;
    }

    static String incidents(Category category) {
        return "I#" + category.name();
    }

    /** The incident posting's key, or null for facts stored before incidents existed (they have none). */
    static FindingSetSummary.ItemKey incidentPosting(FindingFacts f) {
        return f.itemType() == null ? null : new FindingSetSummary.ItemKey(incidents(f.category()), IncidentOrder.sortKey(f));
    }

    static String categoryAnd(String category, String value) {
        return category + "|" + value;
    }

    static String postingSk(FindingFacts facts) {
        return facts.periodStart() + "#" + facts.id();
    }

    /** The posting partitions of one finding, without its year: one per filterable value. */
    static List<String> postingPartitions(FindingFacts f) {
        String y = f.startYear();
        List<String> keys = new ArrayList<>();
        keys.add(posting(Dimension.ALL, null, y));
        keys.add(posting(Dimension.CATEGORY, f.category().name(), y));
        for (String country : f.countries()) {
            keys.add(posting(Dimension.COUNTRY, country, y));
        }
        if (f.from() != null) {
            keys.add(posting(Dimension.FROM, f.from(), y));
        }
        if (f.to() != null) {
            keys.add(posting(Dimension.TO, f.to(), y));
        }
        if (f.from() != null && f.to() != null) {
            keys.add(posting(Dimension.PAIR, f.statePair(), y));
            keys.add(posting(Dimension.CATEGORY_PAIR, categoryAnd(f.category().name(), f.statePair()), y));
        }
        // The combinations analysts ask most ("arms transfers from RUS to PRK") get partitions of their own.
        for (String country : f.countries()) {
            keys.add(posting(Dimension.CATEGORY_COUNTRY, categoryAnd(f.category().name(), country), y));
        }
        for (String word : f.itemWords()) {
            keys.add(posting(Dimension.ITEM, word, y));
        }
        for (String source : f.sources()) {
            keys.add(posting(Dimension.SOURCE, source, y));
        }
        // Cumulative: a confirmed finding is filed under alleged, reported and confirmed, so "at least X" is one
        // partition. "At least speculative" is every finding: the ALL posting serves it.
        for (Certainty level : Certainty.values()) {
            if (level != Certainty.SPECULATIVE && f.certainty().atLeast(level)) {
                keys.add(posting(Dimension.CERTAINTY, level.label(), y));
            }
        }
        return keys;
    }
}
