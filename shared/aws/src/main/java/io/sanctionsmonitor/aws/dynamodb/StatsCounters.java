package io.sanctionsmonitor.aws.dynamodb;

import io.sanctionsmonitor.model.DocumentStatus;
import io.sanctionsmonitor.query.FindingStats;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.zip.CRC32;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;
import software.amazon.awssdk.services.dynamodb.model.Update;

/**
 * The /stats counters, one item per shard under {@code pk STATS}, {@code sk COUNTS#3}: one number attribute per
 * dimension and value ({@code CATEGORY#ARMS_TRANSFER}, {@code PAIR#RUS->PRK}, {@code MONTH#2024-03},
 * {@code STATUS#PROCESSED}, ...). A document's writes always go to the same shard (by its id), in the transaction
 * that commits the document, so the counters move exactly once per commit, with one Update of one item;
 * {@link #SHARDS} shards spread concurrent commits. Documents are counted under their last committed status;
 * PROCESSING is not a commit (see {@code DynamoDocumentStore#COUNTED}). Counters only ever add, so totals are the
 * sum over every item of the partition, whatever its layout: items of earlier layouts ({@code sk FINDINGS#3} with
 * finding dimensions, {@code STATUS#3} with statuses, {@code CATEGORY#3} with attributes named by value) are still
 * summed.
 *
 * <p>Size: an item holds at most one attribute per possible value, and the values are bounded: state pairs by
 * the gazetteer, months and spans by the years a period can name (SPAN folds long periods, see
 * {@link #MAX_SPAN_YEARS}). {@code StatsCountersTest} checks that worst case against DynamoDB's 400 KB.
 */
final class StatsCounters {

    static final int SHARDS = 8;
    /** ADD terms per Update: well under DynamoDB's 300 operators and 4 KB per expression. */
    static final int MAX_TERMS_PER_UPDATE = 100;
    /**
     * A SPAN longer than this many years is counted as open-ended ("2001->9999"): a since-filter then skips its
     * start year less often (never wrongly), and the span keys per start year stay bounded.
     */
    static final int MAX_SPAN_YEARS = 10;
    static final String COUNTS = "COUNTS";
    /** Multi-dimension items of the layout before statuses joined them: still summed. */
    static final String LEGACY_FINDINGS = "FINDINGS";

    /**
     * SPAN counts findings by the years their period starts and ends ("2023->9999" for "2023-09/",
     * "0000->0000" without a period): the directory of posting years, and which years a since-filter can skip.
     */
    enum Dimension { CATEGORY, PAIR, MONTH, CERTAINTY, SPAN, STATUS }

    private StatsCounters() {}

    static int shardOf(String documentId) {
        CRC32 crc = new CRC32();
        crc.update(documentId.getBytes(StandardCharsets.UTF_8));
        return (int) (crc.getValue() % SHARDS);
    }

    /** The shard's item of counters; parts after the first take what one Update cannot. */
    static String countsSk(int shard, int part) {
        return COUNTS + "#" + shard + (part == 0 ? "" : "#" + part);
    }

    /** The attribute counting one value of a dimension on a COUNTS item. */
    static String attribute(Dimension dimension, String value) {
        return dimension.name() + "#" + (dimension == Dimension.SPAN ? foldedSpan(value) : value);
    }

    /** "2001->2024" becomes "2001->9999" (longer than {@link #MAX_SPAN_YEARS}); other spans stay. */
    static String foldedSpan(String span) {
        int arrow = span.indexOf("->");
        try {
            int start = Integer.parseInt(span.substring(0, arrow));
            int end = Integer.parseInt(span.substring(arrow + 2));
            return end != 9999 && end - start > MAX_SPAN_YEARS ? span.substring(0, arrow) + "->9999" : span;
        } catch (RuntimeException e) {
            return span;
        }
    }

    /** new minus old, without zero entries. */
    static Map<Dimension, Map<String, Long>> delta(Map<Dimension, Map<String, Long>> before,
            Map<Dimension, Map<String, Long>> after) {
        Map<Dimension, Map<String, Long>> delta = new EnumMap<>(Dimension.class);
        after.forEach((d, counts) -> counts.forEach((k, v) -> delta.computeIfAbsent(d, x -> new TreeMap<>()).merge(k, v, Long::sum)));
        before.forEach((d, counts) -> counts.forEach((k, v) -> delta.computeIfAbsent(d, x -> new TreeMap<>()).merge(k, -v, Long::sum)));
        delta.values().forEach(m -> m.values().removeIf(v -> v == 0));
        delta.values().removeIf(Map::isEmpty);
        return delta;
    }

    /**
     * The transaction items that apply a delta to one shard: one Update of its COUNTS item (more only past
     * {@link #MAX_TERMS_PER_UPDATE} values, e.g. a long report's many months and pairs); none for an empty delta.
     */
    static List<TransactWriteItem> updates(String table, int shard, Map<Dimension, Map<String, Long>> delta) {
        Map<String, Long> counts = new TreeMap<>();
        delta.forEach((dimension, values) -> values.forEach((value, n) -> counts.merge(attribute(dimension, value), n, Long::sum)));
        counts.values().removeIf(n -> n == 0); // folded spans may cancel out
        List<Map.Entry<String, Long>> terms = new ArrayList<>(counts.entrySet());
        List<TransactWriteItem> items = new ArrayList<>();
        for (int part = 0; part * MAX_TERMS_PER_UPDATE < terms.size(); part++) {
            items.add(update(table, countsSk(shard, part), terms.subList(part * MAX_TERMS_PER_UPDATE,
                    Math.min(terms.size(), (part + 1) * MAX_TERMS_PER_UPDATE))));
        }
        return items;
    }

    private static TransactWriteItem update(String table, String sk, List<Map.Entry<String, Long>> terms) {
        Map<String, String> names = new HashMap<>();
        Map<String, AttributeValue> values = new HashMap<>();
        List<String> adds = new ArrayList<>();
        for (int i = 0; i < terms.size(); i++) {
            names.put("#a" + i, terms.get(i).getKey());
            values.put(":v" + i, AttributeValue.fromN(Long.toString(terms.get(i).getValue())));
            adds.add("#a" + i + " :v" + i);
        }
        return TransactWriteItem.builder().update(Update.builder()
                .tableName(table)
                .key(Map.of(TableKeys.PK, AttributeValue.fromS(TableKeys.STATS_PK), TableKeys.SK, AttributeValue.fromS(sk)))
                .updateExpression("ADD " + String.join(", ", adds))
                .expressionAttributeNames(names)
                .expressionAttributeValues(values)
                .build()).build();
    }

    /** Sums the items of the STATS partition (as read by a Query on pk STATS) into totals per dimension. */
    static Map<Dimension, Map<String, Long>> sum(List<Map<String, AttributeValue>> items) {
        Map<Dimension, Map<String, Long>> totals = new EnumMap<>(Dimension.class);
        for (Map<String, AttributeValue> item : items) {
            String sk = item.get(TableKeys.SK).s();
            String kind = sk.substring(0, Math.max(0, sk.indexOf('#')));
            boolean manyDimensions = kind.equals(COUNTS) || kind.equals(LEGACY_FINDINGS);
            Dimension itemDimension = manyDimensions ? null : dimension(kind); // earlier layouts: one dimension per item
            if (!manyDimensions && itemDimension == null) {
                continue;
            }
            item.forEach((name, value) -> {
                if (value.n() == null || name.equals(TableKeys.PK) || name.equals(TableKeys.SK)) {
                    return;
                }
                Dimension d = itemDimension;
                String key = name;
                if (manyDimensions) {
                    int hash = name.indexOf('#');
                    d = hash < 0 ? null : dimension(name.substring(0, hash));
                    key = name.substring(hash + 1);
                }
                if (d != null) {
                    totals.computeIfAbsent(d, x -> new TreeMap<>()).merge(key, Long.parseLong(value.n()), Long::sum);
                }
            });
        }
        return totals;
    }

    private static Dimension dimension(String name) {
        try {
            return Dimension.valueOf(name);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    /**
     * Counts each document being processed as PROCESSING instead of under the status its counters hold.
     *
     * @param counted for each PROCESSING document, the status it is counted under, or null for none
     */
    static void moveToProcessing(Map<Dimension, Map<String, Long>> totals, List<String> counted) {
        Map<String, Long> statuses = totals.computeIfAbsent(Dimension.STATUS, d -> new TreeMap<>());
        for (String status : counted) {
            if (status != null) {
                statuses.merge(status, -1L, Long::sum);
            }
            statuses.merge(DocumentStatus.PROCESSING.name(), 1L, Long::sum);
        }
    }

    static FindingStats stats(Map<Dimension, Map<String, Long>> totals) {
        Map<String, Long> byCategory = totals.getOrDefault(Dimension.CATEGORY, Map.of());
        long findings = byCategory.values().stream().mapToLong(Long::longValue).sum();
        return new FindingStats(findings, byCategory, totals.getOrDefault(Dimension.PAIR, Map.of()),
                totals.getOrDefault(Dimension.MONTH, Map.of()), totals.getOrDefault(Dimension.CERTAINTY, Map.of()),
                totals.getOrDefault(Dimension.STATUS, Map.of()));
    }
}
