package io.sanctionsmonitor.aws.dynamodb;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.sanctionsmonitor.model.Category;
import io.sanctionsmonitor.model.Finding;
import io.sanctionsmonitor.model.ReportDocument;
import io.sanctionsmonitor.query.FindingFilter;
import io.sanctionsmonitor.query.Page;
import io.sanctionsmonitor.query.PagePosition;
import io.sanctionsmonitor.testing.SampleFindings;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * A page stops reading at its read budget and returns short, with a cursor, so a very selective filter cannot
 * run a request into the function's timeout; walking the pages still gives exactly the matching findings.
 */
class PageReadBudgetIntegrationTest {
    private static MotoTable table;
    private static List<Finding> stored;

    @BeforeAll
    static void storeFindings() {
        table = MotoTable.create("read-budget");
        DynamoDocumentStore store = new DynamoDocumentStore(table.client, table.name);
        ReportDocument document = SampleFindings.document("reports/many.txt", "2026-01-01T00:00:00Z");
        store.begin(document);
        List<Finding> findings = SampleFindings.random(new Random(11), document.id(), 120);
        List<Finding> identified = new ArrayList<>();
        for (int i = 0; i < findings.size(); i++) {
            identified.add(findings.get(i).identified(document.id(), i + 1));
        }
        store.complete(document, identified);
        stored = identified;
    }

    @AfterAll
    static void drop() {
        table.close();
    }

    @Test
    void aSelectiveFilterReturnsShortPagesWhoseWalkIsExactlyTheMatchingSet() {
        DynamoFindingQueries queries = new DynamoFindingQueries(table.client, table.name, (a, s, r) -> { }, 4);
        // A category within one document: read from the document's partition, the category filtered.
        FindingFilter filter = new FindingFilter(Category.CYBER_THEFT, null, null, null, List.of(), null, null, null,
                null, stored.get(0).documentId());
        Set<String> expected = new TreeSet<>();
        stored.stream().filter(f -> filter.matches(io.sanctionsmonitor.query.FindingFacts.of(f))).forEach(f -> expected.add(f.id()));

        assertTrue(expected.size() > 3, "the seeded document should hold several matching findings");
        Set<String> walked = new TreeSet<>();
        int pages = 0;
        int shortPages = 0;
        PagePosition after = null;
        do {
            Page<Finding> page = queries.findings(filter, 3, after);
            pages++;
            if (page.items().size() < 3 && page.next() != null) {
                shortPages++;
            }
            page.items().forEach(f -> assertTrue(walked.add(f.id()), "repeated " + f.id()));
            after = page.next();
        } while (after != null && pages < 500);

        assertEquals(expected, walked);
        assertTrue(shortPages > 0, "the read budget of 4 items never cut a page short");
    }
}
