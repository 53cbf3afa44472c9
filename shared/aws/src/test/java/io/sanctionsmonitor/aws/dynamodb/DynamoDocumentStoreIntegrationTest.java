package io.sanctionsmonitor.aws.dynamodb;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.sanctionsmonitor.model.Category;
import io.sanctionsmonitor.model.Certainty;
import io.sanctionsmonitor.model.DocumentStatus;
import io.sanctionsmonitor.model.Finding;
import io.sanctionsmonitor.model.ReportDocument;
import io.sanctionsmonitor.query.FindingFilter;
import io.sanctionsmonitor.query.FindingStats;
import io.sanctionsmonitor.query.Page;
import io.sanctionsmonitor.query.PagePosition;
import io.sanctionsmonitor.testing.InMemoryStore;
import io.sanctionsmonitor.testing.SampleFindings;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

class DynamoDocumentStoreIntegrationTest {

    private final MotoTable table = MotoTable.create("store-it");
    private final DynamoDocumentStore store = new DynamoDocumentStore(table.client, table.name);
    private final DynamoFindingQueries queries = new DynamoFindingQueries(table.client, table.name);

    @AfterEach
    void drop() {
        table.close();
    }

    /** Every item of the table, as (pk, sk) pairs: what "the same store" compares. */
    private Set<String> everyItem() {
        return table.client.scanPaginator(b -> b.tableName(table.name)).items().stream()
                .map(i -> i.get("pk").s() + "|" + i.get("sk").s() + "|" + withoutNonceAndGeneration(i))
                .collect(Collectors.toSet());
    }

    private static String withoutNonceAndGeneration(Map<String, AttributeValue> item) {
        return item.entrySet().stream().filter(e -> !Set.of("n", "gen", "summary").contains(e.getKey()))
                .map(e -> e.getKey() + "=" + e.getValue()).sorted().collect(Collectors.joining(","));
    }

    private List<Finding> all(FindingFilter filter, int limit) {
        List<Finding> found = new ArrayList<>();
        PagePosition after = null;
        do {
            Page<Finding> page = queries.findings(filter, limit, after);
            assertTrue(page.items().size() <= limit);
            found.addAll(page.items());
            after = page.next();
        } while (after != null);
        return found;
    }

    @Test
    void storesAndServesADocumentAndItsFindings() {
        ReportDocument doc = SampleFindings.document("reports/one.txt", "2026-01-01T00:00:00Z");
        store.begin(doc);
        assertEquals(DocumentStatus.PROCESSING, queries.document(doc.id()).orElseThrow().status());
        List<Finding> findings = List.of(
                SampleFindings.finding(Category.ARMS_TRANSFER, "RUS", "PRK", List.of("Pantsir-class combat vehicle"),
                        "2024-03/2024-10", List.of("MSMT"), Certainty.REPORTED).identified(doc.id(), 0),
                SampleFindings.finding(Category.MUNITIONS_TRANSFER, "PRK", "RUS", List.of("artillery shells"),
                        "2023-09/", List.of(), Certainty.CONFIRMED).identified(doc.id(), 1));
        store.complete(doc, findings);
        ReportDocument stored = queries.document(doc.id()).orElseThrow();
        assertEquals(DocumentStatus.PROCESSED, stored.status());
        assertEquals(2, stored.findingCount());
        assertEquals(findings.get(0), queries.finding(findings.get(0).id()).orElseThrow());
        assertEquals(findings, all(FindingFilter.ofDocument(doc.id()), 1));
        FindingFilter rusArms = new FindingFilter(Category.ARMS_TRANSFER, "RUS", null, null, List.of(), null, null, null, null, null);
        assertEquals(List.of(findings.get(0)), all(rusArms, 25));
        FindingStats stats = queries.stats();
        assertEquals(2, stats.findings());
        assertEquals(Map.of("PRK->RUS", 1L, "RUS->PRK", 1L), stats.byStatePair());
        assertEquals(Map.of("PROCESSED", 1L), stats.documentsByStatus());
    }

    @Test
    void theSameCallTwiceLeavesTheSameStore() {
        ReportDocument doc = SampleFindings.document("reports/twice.txt", "2026-01-01T00:00:00Z");
        List<Finding> findings = SampleFindings.random(new Random(3), doc.id(), 12);
        store.begin(doc);
        store.complete(doc, findings);
        Set<String> once = everyItem();
        FindingStats stats = queries.stats();
        store.begin(doc);
        store.complete(doc, findings);
        assertEquals(once, everyItem());
        assertEquals(stats, queries.stats());
    }

    /**
     * Two deliveries racing, interleaved deterministically: the second runs whole while the first sits between
     * its puts and its commit. (moto applies TransactWriteItems without isolation from concurrent requests, so
     * threads racing on moto would test moto; DynamoDB serialises transactions on an item.)
     */
    private DynamoDocumentStore interruptedBy(Runnable other) {
        boolean[] done = {false};
        return new DynamoDocumentStore(table.client, table.name, java.time.Clock.systemUTC(), () -> {
            if (!done[0]) {
                done[0] = true;
                other.run();
            }
        });
    }

    @Test
    void aDuplicateDeliveryCommittingMidwayLeavesOneCopy() {
        ReportDocument doc = SampleFindings.document("reports/race.txt", "2026-01-01T00:00:00Z");
        List<Finding> findings = SampleFindings.random(new Random(5), doc.id(), 15);
        interruptedBy(() -> store.complete(doc, findings)).complete(doc, findings);
        InMemoryStore oracle = new InMemoryStore();
        oracle.complete(doc, findings);
        assertEquals(oracle.stats(), queries.stats());
        assertEquals(Set.copyOf(findings), Set.copyOf(all(FindingFilter.NONE, 7)));
        assertEquals(15, all(FindingFilter.NONE, 100).size());
        assertEquals(0, pendingIntents(doc.id()));
        Set<String> raced = everyItem();
        assertItemsAsIfStoredAlone(doc, findings, "the same items as storing that set alone");
        store.complete(doc, findings);
        assertEquals(raced, everyItem());
    }

    @Test
    void versionsRacingEndWithExactlyTheLastCommittedOne() {
        ReportDocument doc = SampleFindings.document("reports/versions-race.txt", "2026-01-01T00:00:00Z");
        List<Finding> first = SampleFindings.random(new Random(21), doc.id(), 9);
        List<Finding> second = SampleFindings.random(new Random(22), doc.id(), 4);
        store.complete(doc, SampleFindings.random(new Random(20), doc.id(), 12));
        // The first version's writer is overtaken by the second's, then commits last: the first version wins.
        interruptedBy(() -> store.complete(doc, second)).complete(doc, first);
        InMemoryStore oracle = new InMemoryStore();
        oracle.complete(doc, first);
        assertEquals(oracle.stats(), queries.stats());
        assertEquals(Set.copyOf(first), Set.copyOf(all(FindingFilter.NONE, 5)));
        // A delete overtaking a version: the version commits last and is what stays.
        interruptedBy(() -> store.delete(doc)).complete(doc, second);
        oracle.complete(doc, second);
        assertEquals(oracle.stats(), queries.stats());
        assertEquals(Set.copyOf(second), Set.copyOf(all(FindingFilter.NONE, 5)));
        assertItemsAsIfStoredAlone(doc, second, "no leftovers of the overtaken versions");
    }

    @Test
    void aCommitWhoseBeginWasOvertakenReadsAgainAndLeavesNoLeftovers() {
        ReportDocument doc = SampleFindings.document("reports/overtaken-begin.txt", "2026-01-01T00:00:00Z");
        List<Finding> first = SampleFindings.random(new Random(31), doc.id(), 6);
        List<Finding> second = SampleFindings.random(new Random(32), doc.id(), 5);
        store.complete(doc, SampleFindings.random(new Random(30), doc.id(), 8));
        DynamoDocumentStore slow = new DynamoDocumentStore(table.client, table.name);
        slow.begin(doc); // keeps the document item it wrote for its commit
        store.begin(doc);
        store.complete(doc, second); // another delivery overtakes it
        slow.complete(doc, first); // its kept item is stale now: the commit must read again
        InMemoryStore oracle = new InMemoryStore();
        oracle.complete(doc, first);
        assertEquals(oracle.stats(), queries.stats());
        assertEquals(Map.of("PROCESSED", 1L), queries.stats().documentsByStatus());
        assertEquals(Set.copyOf(first), Set.copyOf(all(FindingFilter.NONE, 5)));
        assertEquals(0, pendingIntents(doc.id()));
        assertItemsAsIfStoredAlone(doc, first, "no leftovers of the overtaken attempt or version");
    }

    @Test
    void aWriterThatDiedBeforeCommittingLeavesNothingOnceTheNextCommits() {
        ReportDocument doc = SampleFindings.document("reports/crash.txt", "2026-01-01T00:00:00Z");
        List<Finding> kept = SampleFindings.random(new Random(31), doc.id(), 5);
        DynamoDocumentStore dying = new DynamoDocumentStore(table.client, table.name, java.time.Clock.systemUTC(), () -> {
            throw new IllegalStateException("the Lambda timed out here");
        });
        try {
            dying.complete(doc, SampleFindings.random(new Random(30), doc.id(), 11));
        } catch (IllegalStateException expected) {
            // its puts and its intent stay behind
        }
        store.complete(doc, kept);
        InMemoryStore oracle = new InMemoryStore();
        oracle.complete(doc, kept);
        assertEquals(oracle.stats(), queries.stats());
        assertEquals(Set.copyOf(kept), Set.copyOf(all(FindingFilter.NONE, 100)));
        assertEquals(0, pendingIntents(doc.id()));
    }

    /**
     * A duplicate delivery puts the same items after the winner's puts, under its own nonce, then dies; the winner
     * commits its nonce. A new version must still delete those items: the committed nonce is not what they bear.
     */
    @Test
    void aNewVersionAfterADuplicateRestampedTheItemsLeavesNoLeftovers() {
        ReportDocument doc = SampleFindings.document("reports/restamped.txt", "2026-01-01T00:00:00Z");
        List<Finding> findings = SampleFindings.random(new Random(41), doc.id(), 10);
        DynamoDocumentStore dying = new DynamoDocumentStore(table.client, table.name, java.time.Clock.systemUTC(), () -> {
            throw new IllegalStateException("the Lambda timed out here");
        });
        interruptedBy(() -> {
            try {
                dying.complete(doc, findings);
            } catch (IllegalStateException expected) {
                // its puts, the last ones, stay behind
            }
        }).complete(doc, findings);
        List<Map<String, AttributeValue>> items = table.client.scanPaginator(b -> b.tableName(table.name)).items()
                .stream().toList();
        String committedNonce = items.stream().filter(i -> "DOC".equals(i.get("sk").s()))
                .findFirst().orElseThrow().get("n").s();
        Set<String> findingNonces = items.stream().filter(i -> i.get("sk").s().startsWith("F#"))
                .map(i -> i.get("n").s()).collect(Collectors.toSet());
        assertEquals(1, findingNonces.size(), findingNonces.toString());
        assertFalse(findingNonces.contains(committedNonce), "the duplicate's nonce, not the committed one, is on the items");

        List<Finding> second = SampleFindings.random(new Random(42), doc.id(), 3);
        store.complete(doc, second);
        assertItemsAsIfStoredAlone(doc, second, "no item of the first version is left");
        InMemoryStore oracle = new InMemoryStore();
        oracle.complete(doc, second);
        assertEquals(oracle.stats(), queries.stats());
    }

    /** The table holds the keys of exactly the items that storing {@code findings} into an empty table gives. */
    private void assertItemsAsIfStoredAlone(ReportDocument doc, List<Finding> findings, String message) {
        MotoTable fresh = MotoTable.create("store-fresh");
        try {
            new DynamoDocumentStore(fresh.client, fresh.name).complete(doc, findings);
            assertEquals(keys(fresh), keys(table), message);
        } finally {
            fresh.close();
        }
    }

    private static Set<String> keys(MotoTable t) {
        return t.client.scanPaginator(b -> b.tableName(t.name)).items().stream()
                .map(i -> i.get("pk").s() + "|" + i.get("sk").s()).collect(Collectors.toSet());
    }

    @Test
    void aNewVersionReplacesTheFindingsWithNoLeftovers() {
        ReportDocument doc = SampleFindings.document("reports/versions.txt", "2026-01-01T00:00:00Z");
        store.complete(doc, SampleFindings.random(new Random(1), doc.id(), 20));
        List<Finding> second = SampleFindings.random(new Random(2), doc.id(), 8);
        store.complete(doc, second);

        assertItemsAsIfStoredAlone(doc, second, "the table holds exactly what storing the new version alone holds");
        InMemoryStore oracle = new InMemoryStore();
        oracle.complete(doc, second);
        assertEquals(oracle.stats(), queries.stats());
    }

    @Test
    void deleteAndFailRemoveTheFindingsAndTheirCounts() {
        ReportDocument kept = SampleFindings.document("reports/kept.txt", "2026-01-01T00:00:00Z");
        ReportDocument deleted = SampleFindings.document("reports/deleted.txt", "2026-01-02T00:00:00Z");
        ReportDocument failed = SampleFindings.document("reports/failed.txt", "2026-01-03T00:00:00Z");
        List<Finding> keptFindings = SampleFindings.random(new Random(11), kept.id(), 6);
        store.complete(kept, keptFindings);
        store.complete(deleted, SampleFindings.random(new Random(12), deleted.id(), 6));
        store.complete(failed, SampleFindings.random(new Random(13), failed.id(), 6));
        store.delete(deleted);
        ReportDocument failure = new ReportDocument(failed.id(), failed.bucket(), failed.key(), "v2", 10L, "pdf", null,
                null, null, null, DocumentStatus.FAILED, "the PDF is encrypted", null, "2026-01-04T00:00:00Z");
        store.fail(failure);
        store.delete(deleted);

        assertEquals(DocumentStatus.DELETED, queries.document(deleted.id()).orElseThrow().status());
        ReportDocument failedNow = queries.document(failed.id()).orElseThrow();
        assertEquals("the PDF is encrypted", failedNow.error());
        assertEquals(0, failedNow.findingCount());
        assertEquals(Set.copyOf(keptFindings), Set.copyOf(all(FindingFilter.NONE, 10)));
        assertEquals(6, queries.stats().findings());
        assertEquals(Map.of("PROCESSED", 1L, "DELETED", 1L, "FAILED", 1L), queries.stats().documentsByStatus());
        assertEquals(List.of(failed.id()),
                queries.documents(DocumentStatus.FAILED, 10, null).items().stream().map(ReportDocument::id).toList());
        assertEquals(3, queries.documents(null, 10, null).items().size());
        Set<String> partitions = new HashSet<>();
        table.client.scanPaginator(b -> b.tableName(table.name)).items()
                .forEach(i -> partitions.add(i.containsKey("doc") ? i.get("doc").s() : ""));
        assertTrue(!partitions.contains(deleted.id()) && !partitions.contains(failed.id()), "no finding or posting left");
    }

    @Test
    void oversizedTextsAreBoundedBelowTheItemLimit() {
        ReportDocument doc = SampleFindings.document("reports/huge.txt", "2026-01-01T00:00:00Z");
        Finding huge = new Finding(null, null, Category.FINANCIAL, "PRK", "CHN",
                java.util.Collections.nCopies(500, "x".repeat(5_000)), "t".repeat(5_000), null, "2024", java.util.Collections.nCopies(300, "s".repeat(900)),
                Certainty.ALLEGED, "e".repeat(1_000_000), 0, 1_000_000, java.util.Collections.nCopies(200, "w".repeat(1000)));
        store.complete(doc, List.of(huge.identified(doc.id(), 0)));
        Finding stored = queries.finding(doc.id() + "-0000").orElseThrow();
        assertTrue(stored.evidence().length() <= FindingItems.MAX_TEXT);
        assertTrue(stored.items().size() <= FindingItems.MAX_LIST);
    }

    private int pendingIntents(String documentId) {
        return table.client.query(b -> b.tableName(table.name).keyConditionExpression("pk = :pk AND begins_with(sk, :p)")
                .expressionAttributeValues(Map.of(":pk", AttributeValue.fromS("DOC#" + documentId),
                        ":p", AttributeValue.fromS("PENDING#")))).count();
    }
}
