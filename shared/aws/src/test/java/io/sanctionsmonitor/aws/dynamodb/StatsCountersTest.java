package io.sanctionsmonitor.aws.dynamodb;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.sanctionsmonitor.aws.dynamodb.StatsCounters.Dimension;
import io.sanctionsmonitor.model.Category;
import io.sanctionsmonitor.model.Certainty;
import io.sanctionsmonitor.model.DocumentStatus;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;
import software.amazon.awssdk.services.dynamodb.model.Update;

class StatsCountersTest {

    private static Map<Dimension, Map<String, Long>> delta(Object... dimensionKeyCount) {
        Map<Dimension, Map<String, Long>> delta = new EnumMap<>(Dimension.class);
        for (int i = 0; i < dimensionKeyCount.length; i += 3) {
            delta.computeIfAbsent((Dimension) dimensionKeyCount[i], d -> new TreeMap<>())
                    .put((String) dimensionKeyCount[i + 1], ((Number) dimensionKeyCount[i + 2]).longValue());
        }
        return delta;
    }

    private static String sk(Update u) {
        return u.key().get(TableKeys.SK).s();
    }

    /** Attribute name to the number it adds, from an Update's ADD expression. */
    private static Map<String, Long> adds(Update u) {
        Map<String, Long> adds = new TreeMap<>();
        for (String term : u.updateExpression().substring("ADD ".length()).split(", ")) {
            String[] parts = term.split(" ");
            adds.put(u.expressionAttributeNames().get(parts[0]), Long.parseLong(u.expressionAttributeValues().get(parts[1]).n()));
        }
        return adds;
    }

    @Test
    void aCommitMovesOneCountsItemOfItsShardForFindingsAndStatusTogether() {
        List<TransactWriteItem> items = StatsCounters.updates("t", 3, delta(
                Dimension.CATEGORY, "ARMS_TRANSFER", 2, Dimension.PAIR, "RUS->PRK", 1, Dimension.PAIR, "PRK->RUS", 1,
                Dimension.MONTH, "2024-03", 2, Dimension.CERTAINTY, "reported", 2, Dimension.SPAN, "2024->2024", 2,
                Dimension.STATUS, "FAILED", -1, Dimension.STATUS, "PROCESSED", 1));
        assertEquals(1, items.size());
        Update counts = items.get(0).update();
        assertEquals("COUNTS#3", sk(counts));
        assertEquals(Map.of("CATEGORY#ARMS_TRANSFER", 2L, "PAIR#RUS->PRK", 1L, "PAIR#PRK->RUS", 1L, "MONTH#2024-03", 2L,
                "CERTAINTY#reported", 2L, "SPAN#2024->2024", 2L, "STATUS#FAILED", -1L, "STATUS#PROCESSED", 1L), adds(counts));
    }

    @Test
    void aCommitThatChangesNoCountWritesNoCounter() {
        Map<Dimension, Map<String, Long>> processed = Map.of(Dimension.STATUS, Map.of("PROCESSED", 1L));
        assertEquals(List.of(), StatsCounters.updates("t", 5, StatsCounters.delta(processed, processed)));
    }

    @Test
    void documentsBeingProcessedCountAsProcessingInsteadOfTheStatusTheirCountersHold() {
        Map<Dimension, Map<String, Long>> totals = new EnumMap<>(Dimension.class);
        // the earlier layout counted a document as PROCESSING when it was marked so
        totals.put(Dimension.STATUS, new TreeMap<>(Map.of("PROCESSED", 3L, "FAILED", 1L, "PROCESSING", 1L)));
        // a re-upload of a processed document, a first upload, and the one marked under the earlier layout
        StatsCounters.moveToProcessing(totals, Arrays.asList("PROCESSED", null, "PROCESSING"));
        assertEquals(Map.of("PROCESSED", 2L, "FAILED", 1L, "PROCESSING", 3L), totals.get(Dimension.STATUS));
    }

    @Test
    void moreValuesThanOneUpdateTakesSpreadOverPartsEachAttributeOnce() {
        Map<Dimension, Map<String, Long>> delta = new EnumMap<>(Dimension.class);
        Map<String, Long> months = new TreeMap<>();
        for (int i = 0; i < 250; i++) {
            months.put(String.format("%04d-%02d", 1990 + i / 12, 1 + i % 12), 1L);
        }
        delta.put(Dimension.MONTH, months);
        List<TransactWriteItem> items = StatsCounters.updates("t", 0, delta);
        assertEquals(List.of("COUNTS#0", "COUNTS#0#1", "COUNTS#0#2"), items.stream().map(i -> sk(i.update())).toList());
        Set<String> names = new HashSet<>();
        long total = 0;
        for (TransactWriteItem item : items) {
            Map<String, Long> adds = adds(item.update());
            assertTrue(adds.size() <= StatsCounters.MAX_TERMS_PER_UPDATE);
            for (Map.Entry<String, Long> e : adds.entrySet()) {
                assertTrue(names.add(e.getKey()), "added twice: " + e.getKey());
                total += e.getValue();
            }
        }
        assertEquals(250, total);
    }

    @Test
    void spansLongerThanTheLimitCountAsOpenEndedAndCancelWhenTheyFoldTogether() {
        assertEquals("2001->9999", StatsCounters.foldedSpan("2001->2024"));
        assertEquals("2014->2024", StatsCounters.foldedSpan("2014->2024"));
        assertEquals("2023->9999", StatsCounters.foldedSpan("2023->9999"));
        assertEquals("0000->0000", StatsCounters.foldedSpan("0000->0000"));
        // a finding's period changed from 2001-2020 to 2001-2030: both fold to 2001->9999, nothing to write
        assertEquals(List.of(), StatsCounters.updates("t", 1, delta(Dimension.SPAN, "2001->2020", -1, Dimension.SPAN, "2001->2030", 1)));
    }

    @Test
    void totalsSumTheCountsItemsTheirPartsAndItemsOfTheEarlierLayouts() {
        List<Map<String, AttributeValue>> items = List.of(
                item("COUNTS#0", Map.of("CATEGORY#ARMS_TRANSFER", 2, "PAIR#RUS->PRK", 1, "SPAN#2001->9999", 1,
                        "STATUS#PROCESSED", 1)),
                item("COUNTS#0#1", Map.of("MONTH#2024-03", 1, "CATEGORY#ARMS_TRANSFER", 1)),
                item("FINDINGS#2", Map.of("CATEGORY#ARMS_TRANSFER", 1)), // findings and statuses apart, as before
                item("STATUS#2", Map.of("PROCESSED", 1, "PROCESSING", 0)),
                item("CATEGORY#1", Map.of("ARMS_TRANSFER", 3, "FUEL_TRANSFER", 1)), // one item per dimension, as before
                item("PAIR#1", Map.of("RUS->PRK", 4)),
                item("INCIDENT#1", Map.of("X", 9))); // not a counter item: ignored
        Map<Dimension, Map<String, Long>> totals = StatsCounters.sum(items);
        assertEquals(Map.of("ARMS_TRANSFER", 7L, "FUEL_TRANSFER", 1L), totals.get(Dimension.CATEGORY));
        assertEquals(Map.of("RUS->PRK", 5L), totals.get(Dimension.PAIR));
        assertEquals(Map.of("2024-03", 1L), totals.get(Dimension.MONTH));
        assertEquals(Map.of("2001->9999", 1L), totals.get(Dimension.SPAN));
        assertEquals(Map.of("PROCESSED", 2L, "PROCESSING", 0L), totals.get(Dimension.STATUS));
        assertEquals(Set.of(Dimension.CATEGORY, Dimension.PAIR, Dimension.MONTH, Dimension.SPAN, Dimension.STATUS), totals.keySet());
    }

    private static Map<String, AttributeValue> item(String sk, Map<String, Integer> counts) {
        Map<String, AttributeValue> item = new HashMap<>();
        item.put(TableKeys.PK, AttributeValue.fromS(TableKeys.STATS_PK));
        item.put(TableKeys.SK, AttributeValue.fromS(sk));
        counts.forEach((name, n) -> item.put(name, AttributeValue.fromN(Integer.toString(n))));
        return item;
    }

    /**
     * A FINDINGS item holding every value it could ever count (every pair of gazetteer states and "?", every month
     * and folded span of the years a period can name, every category, certainty) with ten-digit counts stays
     * under DynamoDB's 400 KB item limit. Fails when the gazetteer or the year range outgrow the layout.
     */
    @Test
    void theFullestPossibleFindingsItemFitsDynamoDbsItemLimit() throws IOException {
        Set<String> states = new TreeSet<>(gazetteerCodes());
        states.add("?");
        List<String> names = new ArrayList<>();
        for (Category c : Category.values()) {
            names.add(StatsCounters.attribute(Dimension.CATEGORY, c.name()));
        }
        for (Certainty c : Certainty.values()) {
            names.add(StatsCounters.attribute(Dimension.CERTAINTY, c.label()));
        }
        for (DocumentStatus status : DocumentStatus.values()) {
            names.add(StatsCounters.attribute(Dimension.STATUS, status.name()));
        }
        for (String from : states) {
            for (String to : states) {
                names.add(StatsCounters.attribute(Dimension.PAIR, from + "->" + to));
            }
        }
        // PeriodReader reads years 1900-2099, and relative years ("next year") one past a publication year
        Set<String> spans = new TreeSet<>(List.of(StatsCounters.attribute(Dimension.SPAN, "0000->0000")));
        for (int start = 1900; start <= 2100; start++) {
            for (int month = 1; month <= 12; month++) {
                names.add(StatsCounters.attribute(Dimension.MONTH, String.format("%04d-%02d", start, month)));
            }
            spans.add(StatsCounters.attribute(Dimension.SPAN, start + "->9999"));
            for (int end = start; end <= 2100; end++) {
                spans.add(StatsCounters.attribute(Dimension.SPAN, start + "->" + end));
            }
        }
        names.addAll(spans);
        // DynamoDB's item size: each attribute's name in UTF-8 plus its value; a number is 1 byte per two
        // significant digits plus 1 (a ten-digit count: 6 bytes).
        long bytes = ("pk" + "STATS" + "sk" + StatsCounters.countsSk(7, 9)).length();
        for (String name : names) {
            bytes += name.getBytes(StandardCharsets.UTF_8).length + 6;
        }
        assertTrue(states.size() > 50, "the gazetteer was read: " + states.size() + " codes");
        assertTrue(bytes < 400 * 1024, "the fullest COUNTS item would hold " + bytes + " bytes (" + names.size()
                + " attributes, " + states.size() + " state codes)");
    }

    private static Set<String> gazetteerCodes() throws IOException {
        Set<String> codes = new TreeSet<>();
        try (BufferedReader in = new BufferedReader(new InputStreamReader(
                StatsCountersTest.class.getResourceAsStream("/extract/states.tsv"), StandardCharsets.UTF_8))) {
            for (String line = in.readLine(); line != null; line = in.readLine()) {
                String[] columns = line.split("\t");
                if (!line.startsWith("#") && columns.length >= 2) {
                    codes.add(columns[1].trim());
                }
            }
        }
        return codes;
    }
}
