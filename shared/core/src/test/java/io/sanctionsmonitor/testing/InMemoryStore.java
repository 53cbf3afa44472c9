package io.sanctionsmonitor.testing;

import io.sanctionsmonitor.incidents.Incident;
import io.sanctionsmonitor.incidents.IncidentMember;
import io.sanctionsmonitor.incidents.IncidentPager;
import io.sanctionsmonitor.incidents.MembersInMemory;
import io.sanctionsmonitor.ingest.DocumentStore;
import io.sanctionsmonitor.model.DocumentStatus;
import io.sanctionsmonitor.model.Finding;
import io.sanctionsmonitor.model.ReportDocument;
import io.sanctionsmonitor.query.FindingFacts;
import io.sanctionsmonitor.query.FindingFilter;
import io.sanctionsmonitor.query.FindingQueries;
import io.sanctionsmonitor.query.FindingStats;
import io.sanctionsmonitor.query.Page;
import io.sanctionsmonitor.query.PagePosition;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.Function;

/**
 * A store in memory with the same contract as the DynamoDB one: the oracle of the query tests and a fake for
 * tests of the ingest core. Thread-safe by a single lock.
 */
public final class InMemoryStore implements DocumentStore, FindingQueries {

    private final Map<String, ReportDocument> documents = new LinkedHashMap<>();
    private final Map<String, List<Finding>> findingsByDocument = new HashMap<>();

    @Override
    public synchronized void begin(ReportDocument document) {
        documents.put(document.id(), with(document, DocumentStatus.PROCESSING, count(document.id())));
    }

    @Override
    public synchronized void complete(ReportDocument document, List<Finding> findings) {
        List<Finding> identified = new java.util.ArrayList<>();
        for (int i = 0; i < findings.size(); i++) {
            Finding f = findings.get(i);
            // as the DynamoDB store does: a finding gets its id when its document stores it
            identified.add(f.id() != null && document.id().equals(f.documentId()) ? f : f.identified(document.id(), i));
        }
        findingsByDocument.put(document.id(), List.copyOf(identified));
        documents.put(document.id(), with(document, DocumentStatus.PROCESSED, findings.size()));
    }

    @Override
    public synchronized void fail(ReportDocument document) {
        findingsByDocument.remove(document.id());
        documents.put(document.id(), with(document, DocumentStatus.FAILED, 0));
    }

    @Override
    public synchronized void delete(ReportDocument document) {
        findingsByDocument.remove(document.id());
        documents.put(document.id(), with(document, DocumentStatus.DELETED, 0));
    }

    /** Every stored finding, in no particular order. */
    public synchronized List<Finding> allFindings() {
        return findingsByDocument.values().stream().flatMap(List::stream).toList();
    }

    @Override
    public synchronized Page<Finding> findings(FindingFilter filter, int limit, PagePosition after) {
        Comparator<Finding> order = filter.document() != null
                ? Comparator.comparing(Finding::id)
                : Comparator.comparing((Finding f) -> FindingFacts.of(f).periodStart()).thenComparing(Finding::id).reversed();
        List<Finding> matching = allFindings().stream().filter(f -> filter.matches(FindingFacts.of(f))).sorted(order).toList();
        return page(matching, Finding::id, limit, after);
    }

    @Override
    public synchronized Page<Incident> incidents(FindingFilter filter, int limit, PagePosition after) {
        List<IncidentMember> members = findingsByDocument.entrySet().stream()
                .flatMap(e -> e.getValue().stream().map(f -> IncidentMember.of(f, documents.get(e.getKey()))))
                .toList();
        return IncidentPager.page(new MembersInMemory(members, after), filter, limit, Long.MAX_VALUE);
    }

    @Override
    public synchronized Optional<Finding> finding(String findingId) {
        return allFindings().stream().filter(f -> f.id().equals(findingId)).findFirst();
    }

    @Override
    public synchronized Optional<ReportDocument> document(String documentId) {
        return Optional.ofNullable(documents.get(documentId));
    }

    @Override
    public synchronized Page<ReportDocument> documents(DocumentStatus status, int limit, PagePosition after) {
        List<ReportDocument> matching = documents.values().stream()
                .filter(d -> status == null || d.status() == status)
                .sorted(Comparator.comparing((ReportDocument d) -> String.valueOf(d.updatedAt()))
                        .thenComparing(ReportDocument::id).reversed())
                .toList();
        return page(matching, ReportDocument::id, limit, after);
    }

    /** The page after the item whose id the position names. */
    private static <T> Page<T> page(List<T> matching, Function<T, String> id, int limit, PagePosition after) {
        int start = 0;
        if (after != null) {
            String last = after.values().get("after");
            while (start < matching.size() && !id.apply(matching.get(start)).equals(last)) {
                start++;
            }
            start++;
        }
        List<T> page = matching.subList(Math.min(start, matching.size()), Math.min(start + limit, matching.size()));
        boolean more = start + limit < matching.size();
        return new Page<>(page, more ? new PagePosition(Map.of("after", id.apply(page.get(page.size() - 1)))) : null);
    }

    @Override
    public synchronized FindingStats stats() {
        Map<String, Long> byCategory = new TreeMap<>();
        Map<String, Long> byPair = new TreeMap<>();
        Map<String, Long> byMonth = new TreeMap<>();
        Map<String, Long> byCertainty = new TreeMap<>();
        Map<String, Long> byStatus = new TreeMap<>();
        List<Finding> all = allFindings();
        for (Finding f : all) {
            FindingFacts facts = FindingFacts.of(f);
            byCategory.merge(facts.category().name(), 1L, Long::sum);
            byPair.merge(facts.statePair(), 1L, Long::sum);
            if (facts.month() != null) {
                byMonth.merge(facts.month(), 1L, Long::sum);
            }
            byCertainty.merge(facts.certainty().label(), 1L, Long::sum);
        }
        documents.values().forEach(d -> byStatus.merge(d.status().name(), 1L, Long::sum));
        return new FindingStats(all.size(), byCategory, byPair, byMonth, byCertainty, byStatus);
    }

    private int count(String documentId) {
        return findingsByDocument.getOrDefault(documentId, List.of()).size();
    }

    private static ReportDocument with(ReportDocument d, DocumentStatus status, int findings) {
        return new ReportDocument(d.id(), d.bucket(), d.key(), d.version(), d.size(), d.format(), d.title(),
                d.published(), d.publisher(), d.language(), status, status == DocumentStatus.FAILED ? d.error() : null,
                findings, d.updatedAt());
    }
}
