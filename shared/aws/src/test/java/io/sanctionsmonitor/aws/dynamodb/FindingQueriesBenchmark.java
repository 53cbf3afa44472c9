package io.sanctionsmonitor.aws.dynamodb;

import io.sanctionsmonitor.model.Category;
import io.sanctionsmonitor.model.Certainty;
import io.sanctionsmonitor.model.DocumentStatus;
import io.sanctionsmonitor.model.Finding;
import io.sanctionsmonitor.model.ReportDocument;
import io.sanctionsmonitor.query.FindingFilter;
import io.sanctionsmonitor.query.Page;
import io.sanctionsmonitor.query.PagePosition;
import io.sanctionsmonitor.testing.SampleFindings;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

/**
 * Loads {@code benchmark.documents} x {@code benchmark.findings} random findings (default 40 x 260 = 10,400)
 * into moto (two documents through the store, the rest with the store's item writes, see {@link #bulkLoad}), then walks each access pattern's pages and prints items read per item returned
 * (DynamoDB's ScannedCount over the items the pages returned). No timings: moto's speed says nothing of DynamoDB's.
 *
 * <p>Run: {@code ./mvnw -B -o -pl shared/core,shared/aws verify -Dtest=FindingQueriesBenchmark
 * -Dsurefire.failIfNoSpecifiedTests=false -Dbenchmark=true} (optional: {@code -Dbenchmark.pages=4} pages of 100 per
 * pattern, {@code -Dbenchmark.only=since,item} patterns whose name contains a word)
 */
@Tag("benchmark")
@EnabledIfSystemProperty(named = "benchmark", matches = "true")
class FindingQueriesBenchmark {

    private static final int DOCUMENTS = Integer.getInteger("benchmark.documents", 40);
    private static final int FINDINGS = Integer.getInteger("benchmark.findings", 260);
    private static final int MAX_PAGES = Integer.getInteger("benchmark.pages", 15);

    private long scanned;
    private long counted;
    private long queries;

    @Test
    void itemsReadPerItemReturned() {
        try (MotoTable table = MotoTable.create("benchmark")) {
            DynamoDocumentStore store = new DynamoDocumentStore(table.client, table.name);
            Random random = new Random(42);
            List<String> documentIds = new ArrayList<>();
            BatchWriter writer = new BatchWriter(table.client, table.name);
            for (int d = 0; d < DOCUMENTS; d++) {
                ReportDocument doc = SampleFindings.document("reports/bench-" + d + ".txt", "2026-01-01T00:00:" + (10 + d % 50) + "Z");
                List<Finding> findings = SampleFindings.random(random, doc.id(), FINDINGS);
                if (d < 2) {
                    store.complete(doc, findings);
                } else {
                    bulkLoad(table, writer, findings);
                }
                documentIds.add(doc.id());
            }
            DynamoFindingQueries queries = new DynamoFindingQueries(table.client, table.name, (access, s, c) -> {
                scanned += s;
                counted += c;
                this.queries++;
            });
            System.out.printf("loaded %d findings in %d documents; stats say %d%n", DOCUMENTS * FINDINGS, DOCUMENTS,
                    queries.stats().findings());
            Map<String, FindingFilter> patterns = new LinkedHashMap<>();
            patterns.put("none (all findings)", FindingFilter.NONE);
            patterns.put("category", filter(Category.MUNITIONS_TRANSFER, null, null, null, List.of(), null, null, null, null));
            patterns.put("country", filter(null, "RUS", null, null, List.of(), null, null, null, null));
            patterns.put("from", filter(null, null, "PRK", null, List.of(), null, null, null, null));
            patterns.put("to", filter(null, null, null, "RUS", List.of(), null, null, null, null));
            patterns.put("from+to", filter(null, null, "PRK", "RUS", List.of(), null, null, null, null));
            patterns.put("item", filter(null, null, null, null, List.of("pantsir"), null, null, null, null));
            patterns.put("item (2 words)", filter(null, null, null, null, List.of("artillery", "shells"), null, null, null, null));
            patterns.put("certainty>=confirmed", filter(null, null, null, null, List.of(), Certainty.CONFIRMED, null, null, null));
            patterns.put("certainty>=alleged", filter(null, null, null, null, List.of(), Certainty.ALLEGED, null, null, null));
            patterns.put("source", filter(null, null, null, null, List.of(), null, "msmt", null, null));
            patterns.put("since 2025", filter(null, null, null, null, List.of(), null, null, "2025-01-01", null));
            patterns.put("until 2022", filter(null, null, null, null, List.of(), null, null, null, "2022-12-31"));
            patterns.put("since 2024 until 2024", filter(null, null, null, null, List.of(), null, null, "2024-01-01", "2024-12-31"));
            patterns.put("document", FindingFilter.ofDocument(documentIds.get(0)));
            patterns.put("category+country", filter(Category.ARMS_TRANSFER, "PRK", null, null, List.of(), null, null, null, null));
            patterns.put("category+from+to+since", filter(Category.MUNITIONS_TRANSFER, null, "PRK", "RUS", List.of(), null, null, "2024-01-01", null));
            patterns.put("item+country", filter(null, "RUS", null, null, List.of("troops"), null, null, null, null));
            patterns.put("certainty+category", filter(Category.FINANCIAL, null, null, null, List.of(), Certainty.REPORTED, null, null, null));
            patterns.put("document+category", new FindingFilter(Category.ARMS_TRANSFER, null, null, null, List.of(), null, null, null, null, documentIds.get(documentIds.size() - 1)));
            System.out.printf("%-28s %-10s %8s %8s %8s %8s%n", "pattern", "key", "returned", "read", "read/ret", "queries");
            String only = System.getProperty("benchmark.only", "");
            for (Map.Entry<String, FindingFilter> p : patterns.entrySet()) {
                if (!only.isEmpty() && java.util.Arrays.stream(only.split(",")).noneMatch(p.getKey()::contains)) {
                    continue;
                }
                scanned = 0;
                counted = 0;
                this.queries = 0;
                long returned = 0;
                PagePosition after = null;
                int pages = 0;
                do {
                    Page<Finding> page = queries.findings(p.getValue(), 100, after);
                    returned += page.items().size();
                    after = page.next();
                } while (after != null && ++pages < MAX_PAGES);
                String key = p.getValue().document() != null ? "document" : queries.access(p.getValue()).dimension().label();
                System.out.printf("%-28s %-10s %8d %8d %8.2f %8d%n", p.getKey(), key, returned, scanned,
                        returned == 0 ? 0.0 : (double) scanned / returned, this.queries);
            }
            scanned = 0;
            long docs = queries.documents(DocumentStatus.PROCESSED, 100, null).items().size();
            System.out.printf("%-28s %-10s %8d %8d %8.2f%n", "documents?status", "gsi1", docs, scanned, (double) scanned / docs);
        }
    }

    /**
     * The store's own item and counter writes, without its commit transaction: moto deep-copies the whole table
     * for every TransactWriteItems, which takes longer than a read timeout once the table holds 10^5 items.
     */
    private static void bulkLoad(MotoTable table, BatchWriter writer, List<Finding> findings) {
        writer.write(DynamoDocumentStore.findingWrites(findings,
                io.sanctionsmonitor.testing.SampleFindings.document("reports/bulk.txt", "2025-01-15T00:00:00Z"), "bulk", 1));
        FindingSetSummary summary = new FindingSetSummary(findings.stream().map(io.sanctionsmonitor.query.FindingFacts::of).toList());
        for (var action : StatsCounters.updates(table.name, 0, summary.counts())) {
            var u = action.update();
            table.client.updateItem(b -> b.tableName(u.tableName()).key(u.key()).updateExpression(u.updateExpression())
                    .expressionAttributeNames(u.expressionAttributeNames())
                    .expressionAttributeValues(u.expressionAttributeValues()));
        }
    }

    private static FindingFilter filter(Category category, String country, String from, String to, List<String> words,
            Certainty certainty, String source, String since, String until) {
        return new FindingFilter(category, country, from, to, words, certainty, source, since, until, null);
    }
}
