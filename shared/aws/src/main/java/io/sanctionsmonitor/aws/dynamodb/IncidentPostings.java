package io.sanctionsmonitor.aws.dynamodb;

import static io.sanctionsmonitor.aws.dynamodb.FindingItems.s;

import io.sanctionsmonitor.incidents.IncidentMember;
import io.sanctionsmonitor.incidents.IncidentPager;
import io.sanctionsmonitor.model.Finding;
import io.sanctionsmonitor.query.FindingFacts;
import io.sanctionsmonitor.query.PagePosition;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;
import software.amazon.awssdk.services.dynamodb.model.QueryResponse;

/**
 * The incident postings of some categories, read forwards in Queries of {@link DynamoFindingQueries#MAX_READ}
 * items, lazily: a page reads only as far as its incidents reach. Positions are table keys.
 */
final class IncidentPostings implements IncidentPager.MemberSource {

    private final List<String> partitions;
    private final String sortKeyPrefix;
    private final Function<QueryRequest, QueryResponse> query;
    private final String table;
    private final Deque<Map<String, AttributeValue>> buffered = new ArrayDeque<>();
    private int partition;
    private Map<String, AttributeValue> startKey;
    private boolean partitionDone;
    private long read;

    /**
     * @param partitions    incident partitions in incident order
     * @param sortKeyPrefix only sort keys starting with it (a direction filter), or ""
     * @param after         a position this class returned, or null for the start
     */
    IncidentPostings(String table, List<String> partitions, String sortKeyPrefix, PagePosition after,
            Function<QueryRequest, QueryResponse> query) {
        this.table = table;
        this.partitions = partitions;
        this.sortKeyPrefix = sortKeyPrefix;
        this.query = query;
        if (after != null) {
            partition = partitions.indexOf(after.values().get("pk"));
            if (partition < 0) {
                partition = partitions.size(); // not a partition of this filter: nothing follows it
            } else {
                startKey = DynamoDocumentStore.key(after.values().get("pk"), after.values().get("sk"));
            }
        }
    }

    @Override
    public Positioned next() {
        while (buffered.isEmpty()) {
            if (partition >= partitions.size()) {
                return null;
            }
            if (partitionDone) {
                partition++;
                partitionDone = false;
                startKey = null;
                continue;
            }
            readMore();
        }
        Map<String, AttributeValue> item = buffered.poll();
        Finding finding = FindingItems.finding(item);
        AttributeValue date = item.get(FindingItems.REPORT_DATE);
        AttributeValue source = item.get(FindingItems.REPORT_SOURCE);
        IncidentMember member = new IncidentMember(finding, FindingFacts.of(finding), date == null ? null : date.s(),
                source == null ? IncidentMember.unknownPublisher(finding.documentId()) : source.s());
        return new Positioned(member, new PagePosition(Map.of("pk", item.get(TableKeys.PK).s(), "sk",
                item.get(TableKeys.SK).s())));
    }

    @Override
    public long read() {
        return read;
    }

    private void readMore() {
        Map<String, String> names = new HashMap<>(Map.of("#pk", TableKeys.PK));
        Map<String, AttributeValue> values = new HashMap<>(Map.of(":pk", s(partitions.get(partition))));
        String condition = "#pk = :pk";
        if (!sortKeyPrefix.isEmpty()) {
            names.put("#sk", TableKeys.SK);
            values.put(":prefix", s(sortKeyPrefix));
            condition += " AND begins_with(#sk, :prefix)";
        }
        QueryResponse response = query.apply(QueryRequest.builder().tableName(table)
                .keyConditionExpression(condition).expressionAttributeNames(names).expressionAttributeValues(values)
                .scanIndexForward(true).limit(DynamoFindingQueries.MAX_READ).exclusiveStartKey(startKey).build());
        read += response.scannedCount();
        buffered.addAll(response.items());
        if (response.hasLastEvaluatedKey() && !response.lastEvaluatedKey().isEmpty()) {
            startKey = response.lastEvaluatedKey();
        } else {
            partitionDone = true;
        }
    }
}
