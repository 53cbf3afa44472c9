package io.sanctionsmonitor.aws.dynamodb;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.sanctionsmonitor.model.Category;
import io.sanctionsmonitor.model.Certainty;
import io.sanctionsmonitor.model.Finding;
import io.sanctionsmonitor.model.ReportDocument;
import io.sanctionsmonitor.query.FindingStats;
import io.sanctionsmonitor.testing.InMemoryStore;
import io.sanctionsmonitor.testing.SampleFindings;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/** The counter layout against moto: which items a commit writes, and that /stats sums them all. */
class StatsCountersIntegrationTest {

    private final MotoTable table = MotoTable.create("counters-it");
    private final DynamoDocumentStore store = new DynamoDocumentStore(table.client, table.name);
    private final DynamoFindingQueries queries = new DynamoFindingQueries(table.client, table.name);

    @AfterEach
    void drop() {
        table.close();
    }

    private Set<String> counterItems() {
        Set<String> sks = new TreeSet<>();
        table.client.queryPaginator(b -> b.tableName(table.name).keyConditionExpression("pk = :pk")
                .expressionAttributeValues(Map.of(":pk", AttributeValue.fromS(TableKeys.STATS_PK))))
                .items().forEach(i -> sks.add(i.get(TableKeys.SK).s()));
        return sks;
    }

    @Test
    void aDocumentsCountersLiveInItsShardsCountsItem() {
        ReportDocument doc = SampleFindings.document("reports/counted.txt", "2026-01-01T00:00:00Z");
        List<Finding> findings = SampleFindings.random(new Random(21), doc.id(), 12);
        store.begin(doc);
        store.complete(doc, findings);
        int shard = StatsCounters.shardOf(doc.id());
        assertEquals(Set.of(StatsCounters.countsSk(shard, 0)), counterItems());
        InMemoryStore oracle = new InMemoryStore();
        oracle.complete(doc, findings);
        assertEquals(oracle.stats(), queries.stats());
    }

    @Test
    void documentsBeingProcessedCountAsProcessingThoughBeginMovesNoCounter() {
        ReportDocument first = SampleFindings.document("reports/first.txt", "2026-01-01T00:00:00Z");
        ReportDocument again = SampleFindings.document("reports/again.txt", "2026-01-01T00:00:00Z");
        List<Finding> findings = SampleFindings.random(new Random(5), again.id(), 4);
        InMemoryStore oracle = new InMemoryStore();
        store.begin(again);
        store.complete(again, findings);
        oracle.begin(again);
        oracle.complete(again, findings);

        store.begin(first); // a first upload, and a re-upload of a processed document
        store.begin(again);
        oracle.begin(first);
        oracle.begin(again);
        assertEquals(Set.of(StatsCounters.countsSk(StatsCounters.shardOf(again.id()), 0)), counterItems());
        assertEquals(Map.of("PROCESSING", 2L), queries.stats().documentsByStatus());
        assertEquals(oracle.stats(), queries.stats());

        store.fail(first);
        store.complete(again, findings);
        oracle.fail(first);
        oracle.complete(again, findings);
        assertEquals(Map.of("PROCESSED", 1L, "FAILED", 1L), queries.stats().documentsByStatus());
        assertEquals(oracle.stats(), queries.stats());
    }

    @Test
    void aDocumentMarkedProcessingUnderTheEarlierLayoutIsCountedOnceWhenItCommits() {
        ReportDocument doc = SampleFindings.document("reports/in-flight-at-upgrade.txt", "2026-01-01T00:00:00Z");
        // What the earlier begin() left: a document item without "counted", and a PROCESSING counter for it.
        table.client.putItem(b -> b.tableName(table.name).item(Map.of(
                TableKeys.PK, AttributeValue.fromS(TableKeys.document(doc.id())),
                TableKeys.SK, AttributeValue.fromS(TableKeys.DOCUMENT_SK),
                DynamoDocumentStore.STATUS, AttributeValue.fromS("PROCESSING"),
                DynamoDocumentStore.GENERATION, AttributeValue.fromN("1"),
                TableKeys.GSI1PK, AttributeValue.fromS(TableKeys.documentStatus("PROCESSING")),
                TableKeys.GSI1SK, AttributeValue.fromS("2026-01-01T00:00:00Z#" + doc.id()))));
        table.client.putItem(b -> b.tableName(table.name).item(Map.of(
                TableKeys.PK, AttributeValue.fromS(TableKeys.STATS_PK), TableKeys.SK, AttributeValue.fromS("STATUS#0"),
                "PROCESSING", AttributeValue.fromN("1"))));
        assertEquals(Map.of("PROCESSING", 1L), queries.stats().documentsByStatus());

        store.complete(doc, SampleFindings.random(new Random(8), doc.id(), 3));
        assertEquals(Map.of("PROCESSED", 1L), queries.stats().documentsByStatus());
    }

    @Test
    void aReportWithMoreValuesThanOneUpdateTakesCountsExactlyAndUncountsOnDelete() {
        ReportDocument doc = SampleFindings.document("reports/long-panel-report.pdf", "2026-01-01T00:00:00Z");
        String[] states = {"RUS", "PRK", "IRN", "CHN", "SYR", "BLR", "MMR", "VEN"};
        List<Finding> findings = new ArrayList<>();
        for (int i = 0; i < 64; i++) { // 64 months, 56 pairs, 6 spans: more than one Update's worth
            String period = String.format("%04d-%02d", 2000 + i / 12, 1 + i % 12);
            findings.add(SampleFindings.finding(Category.values()[i % Category.values().length], states[i % 8],
                    states[(i % 8 + 1 + (i / 8) % 7) % 8], List.of(), period, List.of(),
                    Certainty.values()[i % Certainty.values().length]).identified(doc.id(), i));
        }
        store.begin(doc);
        store.complete(doc, findings);
        int shard = StatsCounters.shardOf(doc.id());
        Set<String> items = counterItems();
        assertTrue(items.containsAll(Set.of(StatsCounters.countsSk(shard, 0), StatsCounters.countsSk(shard, 1))),
                items.toString());
        assertTrue(items.stream().allMatch(sk -> sk.startsWith(StatsCounters.countsSk(shard, 0))), items.toString());
        InMemoryStore oracle = new InMemoryStore();
        oracle.complete(doc, findings);
        assertEquals(oracle.stats(), queries.stats());

        store.delete(doc);
        oracle.delete(doc);
        assertEquals(oracle.stats(), queries.stats());
        assertEquals(0, queries.stats().findings());
    }

    @Test
    void countersOfTheEarlierOneItemPerDimensionLayoutAreStillSummed() {
        table.client.putItem(b -> b.tableName(table.name).item(Map.of(
                TableKeys.PK, AttributeValue.fromS(TableKeys.STATS_PK), TableKeys.SK, AttributeValue.fromS("CATEGORY#2"),
                "ARMS_TRANSFER", AttributeValue.fromN("3"))));
        table.client.putItem(b -> b.tableName(table.name).item(Map.of(
                TableKeys.PK, AttributeValue.fromS(TableKeys.STATS_PK), TableKeys.SK, AttributeValue.fromS("PAIR#2"),
                "RUS->PRK", AttributeValue.fromN("3"))));
        ReportDocument doc = SampleFindings.document("reports/after-upgrade.txt", "2026-01-01T00:00:00Z");
        store.complete(doc, List.of(SampleFindings.finding(Category.ARMS_TRANSFER, "RUS", "PRK", List.of("drones"),
                "2024-05", List.of(), Certainty.REPORTED).identified(doc.id(), 0)));
        FindingStats stats = queries.stats();
        assertEquals(4, stats.findings());
        assertEquals(Map.of("ARMS_TRANSFER", 4L), stats.byCategory());
        assertEquals(Map.of("RUS->PRK", 4L), stats.byStatePair());
    }
}
