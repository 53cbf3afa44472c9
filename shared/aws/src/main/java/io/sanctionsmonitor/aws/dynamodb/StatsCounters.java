package io.sanctionsmonitor.aws.dynamodb;

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
 * The /stats counters: one item per dimension and shard ({@code pk STATS, sk CATEGORY#3}), one number attribute
 * per value. A document's writes always go to the same shard (by its id), in the transaction that commits the
 * document, so the counters move exactly once per commit; {@link #SHARDS} shards spread concurrent commits.
 */
final class StatsCounters {

    static final int SHARDS = 8;

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

    static String sk(Dimension dimension, int shard) {
        return dimension.name() + "#" + shard;
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

    /** The transaction items that apply a delta to one shard. */
    static List<TransactWriteItem> updates(String table, int shard, Map<Dimension, Map<String, Long>> delta) {
        List<TransactWriteItem> items = new ArrayList<>();
        delta.forEach((dimension, counts) -> {
            Map<String, String> names = new HashMap<>();
            Map<String, AttributeValue> values = new HashMap<>();
            List<String> adds = new ArrayList<>();
            int i = 0;
            for (Map.Entry<String, Long> e : counts.entrySet()) {
                names.put("#a" + i, e.getKey());
                values.put(":v" + i, AttributeValue.fromN(Long.toString(e.getValue())));
                adds.add("#a" + i + " :v" + i);
                i++;
            }
            items.add(TransactWriteItem.builder().update(Update.builder()
                    .tableName(table)
                    .key(Map.of(TableKeys.PK, AttributeValue.fromS(TableKeys.STATS_PK),
                            TableKeys.SK, AttributeValue.fromS(sk(dimension, shard))))
                    .updateExpression("ADD " + String.join(", ", adds))
                    .expressionAttributeNames(names)
                    .expressionAttributeValues(values)
                    .build()).build());
        });
        return items;
    }

    /** Sums the shards' items (as read by a Query on pk STATS) into totals per dimension. */
    static Map<Dimension, Map<String, Long>> sum(List<Map<String, AttributeValue>> items) {
        Map<Dimension, Map<String, Long>> totals = new EnumMap<>(Dimension.class);
        for (Map<String, AttributeValue> item : items) {
            String sk = item.get(TableKeys.SK).s();
            Dimension dimension;
            try {
                dimension = Dimension.valueOf(sk.substring(0, sk.indexOf('#')));
            } catch (RuntimeException e) {
                continue;
            }
            Map<String, Long> counts = totals.computeIfAbsent(dimension, x -> new TreeMap<>());
            item.forEach((name, value) -> {
                if (value.n() != null && !name.equals(TableKeys.PK) && !name.equals(TableKeys.SK)) {
                    counts.merge(name, Long.parseLong(value.n()), Long::sum);
                }
            });
        }
        return totals;
    }

    static FindingStats stats(Map<Dimension, Map<String, Long>> totals) {
        Map<String, Long> byCategory = totals.getOrDefault(Dimension.CATEGORY, Map.of());
        long findings = byCategory.values().stream().mapToLong(Long::longValue).sum();
        return new FindingStats(findings, byCategory, totals.getOrDefault(Dimension.PAIR, Map.of()),
                totals.getOrDefault(Dimension.MONTH, Map.of()), totals.getOrDefault(Dimension.CERTAINTY, Map.of()),
                totals.getOrDefault(Dimension.STATUS, Map.of()));
    }
}
