package io.sanctionsmonitor.aws.dynamodb;

import io.sanctionsmonitor.json.Json;
import io.sanctionsmonitor.query.FindingFacts;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;

/**
 * The facts of a document's stored finding set, kept (gzipped) on the document item. From it a writer knows,
 * without reading the findings back, which items the set occupies and what it adds to the counters, so a new
 * version removes exactly the old set's leftovers and moves the counters by exactly the difference.
 */
record FindingSetSummary(List<FindingFacts> facts) {

    static final FindingSetSummary EMPTY = new FindingSetSummary(List.of());

    FindingSetSummary {
        facts = List.copyOf(facts);
    }

    /** A table item's primary key. */
    record ItemKey(String pk, String sk) {}

    Set<ItemKey> itemKeys() {
        Set<ItemKey> keys = new LinkedHashSet<>();
        for (FindingFacts f : facts) {
            keys.add(new ItemKey(TableKeys.document(f.documentId()), TableKeys.findingSk(f.id())));
            String sk = TableKeys.postingSk(f);
            for (String pk : TableKeys.postingPartitions(f)) {
                keys.add(new ItemKey(pk, sk));
            }
            ItemKey incident = TableKeys.incidentPosting(f);
            if (incident != null) {
                keys.add(incident);
            }
        }
        return keys;
    }

    /** What this set adds to each counter, by statistics dimension and value. */
    Map<StatsCounters.Dimension, Map<String, Long>> counts() {
        Map<StatsCounters.Dimension, Map<String, Long>> counts = new TreeMap<>();
        for (FindingFacts f : facts) {
            add(counts, StatsCounters.Dimension.CATEGORY, f.category().name());
            add(counts, StatsCounters.Dimension.PAIR, f.statePair());
            add(counts, StatsCounters.Dimension.CERTAINTY, f.certainty().label());
            add(counts, StatsCounters.Dimension.SPAN, f.startYear() + "->" + f.periodEnd().substring(0, 4));
            if (f.month() != null) {
                add(counts, StatsCounters.Dimension.MONTH, f.month());
            }
        }
        return counts;
    }

    private static void add(Map<StatsCounters.Dimension, Map<String, Long>> counts, StatsCounters.Dimension d, String key) {
        counts.computeIfAbsent(d, x -> new TreeMap<>()).merge(key, 1L, Long::sum);
    }

    byte[] toBytes() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (GZIPOutputStream gz = new GZIPOutputStream(out)) {
            Json.write(gz, g -> FindingFactsJson.write(g, facts));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    static FindingSetSummary fromBytes(byte[] bytes) {
        try (GZIPInputStream in = new GZIPInputStream(new ByteArrayInputStream(bytes))) {
            return new FindingSetSummary(Json.read(in, FindingFactsJson::read));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
