package io.sanctionsmonitor.aws.dynamodb;

import static io.sanctionsmonitor.aws.dynamodb.FindingItems.s;

import io.sanctionsmonitor.aws.dynamodb.FindingFilterExpression.Served;
import io.sanctionsmonitor.aws.dynamodb.TableKeys.Dimension;
import io.sanctionsmonitor.incidents.Incident;
import io.sanctionsmonitor.incidents.IncidentOrder;
import io.sanctionsmonitor.incidents.IncidentPager;
import io.sanctionsmonitor.model.Category;
import io.sanctionsmonitor.json.ReportDocumentJson;
import io.sanctionsmonitor.model.Certainty;
import io.sanctionsmonitor.model.DocumentStatus;
import io.sanctionsmonitor.model.Finding;
import io.sanctionsmonitor.model.FindingIds;
import io.sanctionsmonitor.model.ReportDocument;
import io.sanctionsmonitor.query.FindingFilter;
import io.sanctionsmonitor.query.FindingQueries;
import io.sanctionsmonitor.query.FindingStats;
import io.sanctionsmonitor.query.Page;
import io.sanctionsmonitor.query.PagePosition;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.ToLongFunction;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.GetItemResponse;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;
import software.amazon.awssdk.services.dynamodb.model.QueryResponse;

/**
 * Answers the API from the table with Queries only (see {@link TableKeys}). A findings filter reads the posting
 * partitions of its most selective value, year by year, newest first, and filters the rest; a page keeps
 * querying until it is full or the partitions are exhausted, and its position is the key of the last item it
 * returned, so pages neither repeat nor skip.
 */
public final class DynamoFindingQueries implements FindingQueries {

    /** Items one Query may read when a residual filter may drop some. */
    static final int MAX_READ = 300;
    /**
     * Items one page may read before it returns short: a very selective leftover filter would otherwise read a
     * whole partition in one request and run into the function's timeout. The cursor carries on from there.
     */
    static final int READ_BUDGET_PER_PAGE = 3_000;

    /** Sees every Query's items read and returned; the benchmark counts with it. */
    interface ReadObserver {
        void queried(String access, int scanned, int returned);
    }

    private final DynamoDbClient dynamoDb;
    private final String table;
    private final ReadObserver observer;
    private final int readBudgetPerPage;

    public DynamoFindingQueries(DynamoDbClient dynamoDb, String table) {
        this(dynamoDb, table, (access, scanned, returned) -> {});
    }

    DynamoFindingQueries(DynamoDbClient dynamoDb, String table, ReadObserver observer) {
        this(dynamoDb, table, observer, READ_BUDGET_PER_PAGE);
    }

    DynamoFindingQueries(DynamoDbClient dynamoDb, String table, ReadObserver observer, int readBudgetPerPage) {
        this.dynamoDb = dynamoDb;
        this.table = table;
        this.observer = observer;
        this.readBudgetPerPage = readBudgetPerPage;
    }

    /** The posting partition family a filter is served from. */
    record Access(Dimension dimension, String value, Served served) {}

    @Override
    public Page<Finding> findings(FindingFilter filter, int limit, PagePosition after) {
        if (filter.document() != null) {
            Served served = new Served(false, false, false, false, null, false, false, false, true);
            return walk(List.of(TableKeys.document(filter.document())), "document", null, true, filter, served, limit,
                    after);
        }
        Access access = access(filter);
        List<String> partitions = new ArrayList<>();
        for (String year : years(filter)) {
            partitions.add(TableKeys.posting(access.dimension(), access.value(), year));
        }
        String upper = filter.until() == null ? null : filter.until() + TableKeys.AFTER_ID;
        return walk(partitions, access.dimension().label(), upper, false, filter, access.served(), limit, after);
    }

    /**
     * The most selective key of a filter. Fixed order first (item word, source, category with state pair, state
     * pair, category with a state), then the smallest counted value among from, to, country, category, certainty.
     */
    Access access(FindingFilter f) {
        if (!f.itemWords().isEmpty()) {
            String word = f.itemWords().stream().max(Comparator.comparingInt(String::length)).orElseThrow();
            return new Access(Dimension.ITEM, word, served(f, Dimension.ITEM, word));
        }
        if (f.source() != null) {
            return new Access(Dimension.SOURCE, f.source(), served(f, Dimension.SOURCE, null));
        }
        if (f.from() != null && f.to() != null) {
            String pair = f.from() + "->" + f.to();
            return f.category() != null
                    ? new Access(Dimension.CATEGORY_PAIR, TableKeys.categoryAnd(f.category().name(), pair),
                            served(f, Dimension.CATEGORY_PAIR, null))
                    : new Access(Dimension.PAIR, pair, served(f, Dimension.PAIR, null));
        }
        if (f.category() != null && (f.country() != null || f.from() != null || f.to() != null)) {
            String state = f.country() != null ? f.country() : f.from() != null ? f.from() : f.to();
            Served served = served(f, Dimension.CATEGORY_COUNTRY, null);
            return new Access(Dimension.CATEGORY_COUNTRY, TableKeys.categoryAnd(f.category().name(), state),
                    new Served(true, f.country() != null, false, false, null, served.certainty(), false, true, false));
        }
        Map<Dimension, String> candidates = new LinkedHashMap<>();
        if (f.from() != null) {
            candidates.put(Dimension.FROM, f.from());
        }
        if (f.to() != null) {
            candidates.put(Dimension.TO, f.to());
        }
        if (f.country() != null) {
            candidates.put(Dimension.COUNTRY, f.country());
        }
        if (f.category() != null) {
            candidates.put(Dimension.CATEGORY, f.category().name());
        }
        if (f.minCertainty() != null && f.minCertainty() != Certainty.SPECULATIVE) {
            candidates.put(Dimension.CERTAINTY, f.minCertainty().label());
        }
        if (candidates.isEmpty()) {
            return new Access(Dimension.ALL, null, served(f, Dimension.ALL, null));
        }
        Dimension best = candidates.keySet().iterator().next();
        if (candidates.size() > 1) {
            Map<StatsCounters.Dimension, Map<String, Long>> counts = counters();
            ToLongFunction<Dimension> estimate = d -> estimate(counts, d, candidates.get(d));
            best = candidates.keySet().stream().min(Comparator.comparingLong(estimate)).orElseThrow();
        }
        return new Access(best, candidates.get(best), served(f, best, null));
    }

    private static Served served(FindingFilter f, Dimension d, String itemWord) {
        boolean certaintyAll = f.minCertainty() == Certainty.SPECULATIVE;
        boolean pair = d == Dimension.PAIR || d == Dimension.CATEGORY_PAIR;
        return new Served(d == Dimension.CATEGORY || d == Dimension.CATEGORY_PAIR, d == Dimension.COUNTRY,
                d == Dimension.FROM || pair, d == Dimension.TO || pair, itemWord, d == Dimension.CERTAINTY || certaintyAll,
                d == Dimension.SOURCE, true, false);
    }

    private static long estimate(Map<StatsCounters.Dimension, Map<String, Long>> counts, Dimension d, String value) {
        Map<String, Long> pairs = counts.getOrDefault(StatsCounters.Dimension.PAIR, Map.of());
        return switch (d) {
            case CATEGORY -> counts.getOrDefault(StatsCounters.Dimension.CATEGORY, Map.of()).getOrDefault(value, 0L);
            case FROM -> pairs.entrySet().stream().filter(e -> e.getKey().startsWith(value + "->")).mapToLong(Map.Entry::getValue).sum();
            case TO -> pairs.entrySet().stream().filter(e -> e.getKey().endsWith("->" + value)).mapToLong(Map.Entry::getValue).sum();
            case COUNTRY -> pairs.entrySet().stream().filter(e -> e.getKey().startsWith(value + "->") || e.getKey().endsWith("->" + value))
                    .mapToLong(Map.Entry::getValue).sum();
            case CERTAINTY -> {
                Certainty min = Certainty.fromLabel(value);
                yield counts.getOrDefault(StatsCounters.Dimension.CERTAINTY, Map.of()).entrySet().stream()
                        .filter(e -> Certainty.fromLabel(e.getKey()).atLeast(min)).mapToLong(Map.Entry::getValue).sum();
            }
            default -> Long.MAX_VALUE;
        };
    }

    /**
     * The years whose postings can match, newest first: years that hold findings (SPAN counters), without the
     * no-period year when a period is asked, after {@code until}, or whose findings all end before {@code since}.
     */
    private List<String> years(FindingFilter f) {
        Map<String, Long> spans = counters().getOrDefault(StatsCounters.Dimension.SPAN, Map.of());
        String lastYear = f.until() == null ? null : f.until().substring(0, 4);
        String sinceYear = f.since() == null ? null : f.since().substring(0, 4);
        return spans.entrySet().stream()
                .filter(e -> e.getValue() > 0)
                .map(Map.Entry::getKey)
                .filter(span -> sinceYear == null || span.substring(span.indexOf("->") + 2).compareTo(sinceYear) >= 0)
                .map(span -> span.substring(0, span.indexOf("->")))
                .filter(y -> !(f.hasPeriod() && y.equals("0000")))
                .filter(y -> lastYear == null || y.compareTo(lastYear) <= 0)
                .distinct()
                .sorted(Comparator.reverseOrder())
                .toList();
    }

    /**
     * Reads the partitions in order from {@code after} until {@code limit} items matched, or until the page has
     * read its read budget ({@link #READ_BUDGET_PER_PAGE} by default).
     *
     * @param upper inclusive upper bound of the sort key, or null
     */
    private Page<Finding> walk(List<String> partitions, String accessName, String upper, boolean ascending,
            FindingFilter filter, Served served, int limit, PagePosition after) {
        FindingFilterExpression residual = FindingFilterExpression.of(filter, served);
        int p = 0;
        Map<String, AttributeValue> start = null;
        if (after != null) {
            String pk = after.values().get("pk");
            int at = partitions.indexOf(pk);
            if (at >= 0) {
                p = at;
                start = DynamoDocumentStore.key(pk, after.values().get("sk"));
            } else {
                // The partition of the cursor holds no findings any more: go on with the next older one.
                p = (int) partitions.stream().filter(k -> k.compareTo(pk) > 0).count();
            }
        }
        List<Finding> page = new ArrayList<>();
        Map<String, AttributeValue> lastKey = null;
        boolean more = false;
        long read = 0;
        long matched = 0;
        while (p < partitions.size()) {
            int need = limit - page.size();
            // Read about as many items as should yield the page, at the pass rate this page has seen so far:
            // items read past a full page are read again by the next page.
            long toRead = read == 0 ? need : (long) Math.ceil(need * (double) read / Math.max(matched, 1));
            QueryRequest.Builder q = QueryRequest.builder().tableName(table)
                    .scanIndexForward(ascending)
                    .limit((int) Math.min(MAX_READ, Math.max(need, toRead)))
                    .exclusiveStartKey(start);
            Map<String, String> names = new HashMap<>(residual.names());
            Map<String, AttributeValue> values = new HashMap<>(residual.values());
            names.put("#pk", TableKeys.PK);
            values.put(":pk", s(partitions.get(p)));
            String condition = "#pk = :pk";
            if (ascending) {
                names.put("#sk", TableKeys.SK);
                values.put(":skp", s(TableKeys.FINDING_SK_PREFIX));
                condition += " AND begins_with(#sk, :skp)";
            } else if (upper != null) {
                names.put("#sk", TableKeys.SK);
                values.put(":upper", s(upper));
                condition += " AND #sk <= :upper";
            }
            q.keyConditionExpression(condition).expressionAttributeNames(names).expressionAttributeValues(values);
            if (!residual.isEmpty()) {
                q.filterExpression(residual.expression());
            }
            QueryResponse response = query(q.build());
            observer.queried(accessName, response.scannedCount(), response.count());
            read += response.scannedCount();
            matched += response.count();
            boolean cut = false;
            for (Map<String, AttributeValue> item : response.items()) {
                if (page.size() == limit) {
                    cut = true;
                    break;
                }
                page.add(FindingItems.finding(item));
                lastKey = DynamoDocumentStore.key(item.get(TableKeys.PK).s(), item.get(TableKeys.SK).s());
            }
            boolean partitionLeft = response.hasLastEvaluatedKey() && !response.lastEvaluatedKey().isEmpty();
            if (page.size() == limit) {
                more = cut || partitionLeft || p + 1 < partitions.size();
                break;
            }
            if (partitionLeft && read >= readBudgetPerPage) {
                // A short (maybe empty) page whose cursor resumes after the last item read, matched or not.
                lastKey = DynamoDocumentStore.key(response.lastEvaluatedKey().get(TableKeys.PK).s(),
                        response.lastEvaluatedKey().get(TableKeys.SK).s());
                more = true;
                break;
            }
            if (partitionLeft) {
                start = response.lastEvaluatedKey();
            } else {
                p++;
                start = null;
            }
        }
        PagePosition next = more && lastKey != null
                ? new PagePosition(Map.of("pk", lastKey.get(TableKeys.PK).s(), "sk", lastKey.get(TableKeys.SK).s()))
                : null;
        return new Page<>(page, next);
    }

    /** Reads incident postings in incident order: one category's partition, or all of them in category order. */
    @Override
    public Page<Incident> incidents(FindingFilter filter, int limit, PagePosition after) {
        List<String> partitions = filter.category() != null ? List.of(TableKeys.incidents(filter.category()))
                : Arrays.stream(Category.values()).map(TableKeys::incidents).toList();
        IncidentPostings postings = new IncidentPostings(table, partitions,
                IncidentOrder.directionPrefix(filter.from(), filter.to()), after, request -> {
                    QueryResponse response = query(request);
                    observer.queried("incidents", response.scannedCount(), response.count());
                    return response;
                });
        return IncidentPager.page(postings, filter, limit, readBudgetPerPage);
    }

    @Override
    public Optional<Finding> finding(String findingId) {
        String documentId = FindingIds.documentOf(findingId);
        if (documentId == null) {
            return Optional.empty();
        }
        GetItemResponse response = get(TableKeys.document(documentId), TableKeys.findingSk(findingId));
        return response.hasItem() && !response.item().isEmpty() ? Optional.of(FindingItems.finding(response.item()))
                : Optional.empty();
    }

    @Override
    public Optional<ReportDocument> document(String documentId) {
        GetItemResponse response = get(TableKeys.document(documentId), TableKeys.DOCUMENT_SK);
        return response.hasItem() && !response.item().isEmpty() ? Optional.of(document(response.item()))
                : Optional.empty();
    }

    @Override
    public Page<ReportDocument> documents(DocumentStatus status, int limit, PagePosition after) {
        String index = status == null ? TableKeys.GSI2 : TableKeys.GSI1;
        String pkName = status == null ? TableKeys.GSI2PK : TableKeys.GSI1PK;
        String pkValue = status == null ? TableKeys.ALL_DOCUMENTS : TableKeys.documentStatus(status.name());
        Map<String, AttributeValue> start = null;
        if (after != null) {
            start = new HashMap<>();
            for (Map.Entry<String, String> e : after.values().entrySet()) {
                start.put(e.getKey(), s(e.getValue()));
            }
        }
        QueryResponse response = query(QueryRequest.builder().tableName(table).indexName(index)
                .keyConditionExpression("#pk = :pk")
                .expressionAttributeNames(Map.of("#pk", pkName))
                .expressionAttributeValues(Map.of(":pk", s(pkValue)))
                .scanIndexForward(false).limit(limit).exclusiveStartKey(start).build());
        observer.queried("documents", response.scannedCount(), response.count());
        List<ReportDocument> documents = response.items().stream().map(DynamoFindingQueries::document).toList();
        PagePosition next = null;
        if (response.hasLastEvaluatedKey() && !response.lastEvaluatedKey().isEmpty()) {
            Map<String, String> key = new HashMap<>();
            response.lastEvaluatedKey().forEach((k, v) -> key.put(k, v.s()));
            next = new PagePosition(key);
        }
        return new Page<>(documents, next);
    }

    /**
     * The counters, with the documents being processed moved from the status they are counted under to
     * PROCESSING: marking a document PROCESSING is not a commit and moves no counter. The documents come from the
     * status index, which is eventually consistent: a document whose commit is a moment old may show as
     * processing still.
     */
    @Override
    public FindingStats stats() {
        Map<StatsCounters.Dimension, Map<String, Long>> totals = counters();
        StatsCounters.moveToProcessing(totals, countedStatusesOfDocumentsBeingProcessed());
        return StatsCounters.stats(totals);
    }

    /** For each PROCESSING document, the status it is counted under (null for none). */
    private List<String> countedStatusesOfDocumentsBeingProcessed() {
        QueryRequest q = QueryRequest.builder().tableName(table).indexName(TableKeys.GSI1)
                .keyConditionExpression("#pk = :pk").projectionExpression("#s, #c")
                .expressionAttributeNames(Map.of("#pk", TableKeys.GSI1PK, "#s", DynamoDocumentStore.STATUS,
                        "#c", DynamoDocumentStore.COUNTED))
                .expressionAttributeValues(Map.of(":pk", s(TableKeys.documentStatus(DocumentStatus.PROCESSING.name()))))
                .build();
        try {
            List<String> counted = new ArrayList<>();
            for (Map<String, AttributeValue> item : QueryPages.all(dynamoDb, q)) {
                counted.add(DynamoDocumentStore.counted(item, item.get(DynamoDocumentStore.STATUS).s()));
            }
            return counted;
        } catch (SdkException e) {
            throw DynamoFailures.classify("reading the documents being processed", e);
        }
    }

    /**
     * The summed counters: one Query on the STATS partition (each shard's FINDINGS item holds every finding
     * dimension, so one dimension costs the same read as all).
     */
    private Map<StatsCounters.Dimension, Map<String, Long>> counters() {
        QueryRequest q = QueryRequest.builder().tableName(table).keyConditionExpression("#pk = :pk")
                .expressionAttributeNames(Map.of("#pk", TableKeys.PK))
                .expressionAttributeValues(Map.of(":pk", s(TableKeys.STATS_PK))).build();
        List<Map<String, AttributeValue>> items;
        try {
            items = QueryPages.all(dynamoDb, q);
        } catch (SdkException e) {
            throw DynamoFailures.classify("reading statistics", e);
        }
        return StatsCounters.sum(items);
    }

    private QueryResponse query(QueryRequest request) {
        try {
            return dynamoDb.query(request);
        } catch (SdkException e) {
            throw DynamoFailures.classify("querying", e);
        }
    }

    private GetItemResponse get(String pk, String sk) {
        try {
            return dynamoDb.getItem(b -> b.tableName(table).key(DynamoDocumentStore.key(pk, sk)));
        } catch (SdkException e) {
            throw DynamoFailures.classify("reading an item", e);
        }
    }

    private static ReportDocument document(Map<String, AttributeValue> item) {
        try {
            return ReportDocumentJson.fromJson(item.get(DynamoDocumentStore.DOC).s());
        } catch (IOException | RuntimeException e) {
            throw new IllegalStateException("a stored document does not parse: " + item.get(TableKeys.PK), e);
        }
    }
}
