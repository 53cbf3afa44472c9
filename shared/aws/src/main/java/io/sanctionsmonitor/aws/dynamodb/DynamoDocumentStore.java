package io.sanctionsmonitor.aws.dynamodb;

import static io.sanctionsmonitor.aws.dynamodb.FindingItems.clip;
import static io.sanctionsmonitor.aws.dynamodb.FindingItems.s;

import io.sanctionsmonitor.incidents.IncidentMember;
import io.sanctionsmonitor.ingest.DocumentStore;
import io.sanctionsmonitor.ingest.TransientFailureException;
import io.sanctionsmonitor.json.FindingJson;
import io.sanctionsmonitor.json.ReportDocumentJson;
import io.sanctionsmonitor.model.DocumentStatus;
import io.sanctionsmonitor.model.Finding;
import io.sanctionsmonitor.model.ReportDocument;
import io.sanctionsmonitor.query.FindingFacts;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.Delete;
import software.amazon.awssdk.services.dynamodb.model.Put;
import software.amazon.awssdk.services.dynamodb.model.PutRequest;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;
import software.amazon.awssdk.services.dynamodb.model.QueryResponse;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;
import software.amazon.awssdk.services.dynamodb.model.TransactionCanceledException;
import software.amazon.awssdk.services.dynamodb.model.WriteRequest;

/**
 * The processor's store: documents, findings, their postings and the /stats counters, in one table (see
 * {@link TableKeys}).
 *
 * <p>{@link #begin} marks the document PROCESSING with one conditional PutItem of its item (generation plus one,
 * the committed set and the counters untouched). Every commit (complete, fail, delete) runs one protocol, safe
 * under at-least-once and concurrent delivery:
 * <ol>
 *   <li>read the document item (strongly consistent): its generation, and the summary of its committed set; or
 *       take the item begin() just wrote, which step 3's condition checks all the same;</li>
 *   <li>if the finding set changed: record a write intent ({@code PENDING#nonce} item listing the new set), then
 *       put the new findings and postings, each stamped with the nonce and with the generation it would commit
 *       (the one read in 1, plus one);</li>
 *   <li>commit in one transaction: the document item, conditioned on the generation read in 1; the intent's
 *       deletion, conditioned on its existence; the counters' ADDs by exactly (new set − committed set, and the
 *       new status − the status the document was {@linkplain #COUNTED counted} under); and,
 *       when the committed set had items the new one lacks, a stale-set record ({@code PENDING#stale#gen}) naming
 *       them, so their cleanup survives a crash or a lost answer;</li>
 *   <li>finish the document's pending work: for each stale-set record, delete its items the current set lacks,
 *       each only while its generation is below the record's, then the record; for each other writer's intent,
 *       delete the intent, then its items the current set lacks, each only while it still bears that writer's
 *       nonce.</li>
 * </ol>
 * The generation, not the nonce, guards a superseded set's cleanup: racing writers of one set put the same
 * items under different nonces and only one nonce is committed, but each such item bears a generation below the
 * next commit's. An item a later write puts bears that write's generation or a later one, so a delayed cleanup
 * leaves it alone. Every call finishes whatever pending work it finds, so a commit whose cleanup was cut short
 * (its answer lost, its function timed out) is cleaned up by the next delivery.
 * A lost race in step 3 rereads and starts again, so counters move once per commit and always equal the
 * committed sets. The same call twice commits the same set twice: the second commit changes nothing.
 */
public final class DynamoDocumentStore implements DocumentStore {

    /** Findings kept per document: bounds the write and the document item's summary. */
    public static final int MAX_FINDINGS = 1_000;
    static final int MAX_SUMMARY_BYTES = 250_000;
    static final int MAX_ATTEMPTS = 12;

    static final String DOC = "doc";
    static final String STATUS = "status";
    static final String GENERATION = "gen";
    static final String HASH = "hash";
    static final String SUMMARY = "summary";
    static final String TYPE = "type";
    static final String STALE_SET = "STALE";
    /**
     * The status the /stats counters count the document under: its last committed status (PROCESSED, FAILED,
     * DELETED), or {@link #NOT_COUNTED} before its first commit. begin() leaves it and the counters alone, so that
     * a document is marked PROCESSING without a transaction; /stats counts PROCESSING documents from the status
     * index instead (see {@link DynamoFindingQueries#stats()}).
     */
    static final String COUNTED = "counted";
    static final String NOT_COUNTED = "NONE";
    /** Views begin() wrote, kept for the commit that follows; a handler processes a few documents at a time. */
    private static final int MAX_WRITTEN_VIEWS = 64;

    private final DynamoDbClient dynamoDb;
    private final String table;
    private final BatchWriter writer;
    private final Clock clock;
    private final Runnable beforeCommit;
    private final Map<String, Committed> written = new ConcurrentHashMap<>();

    public DynamoDocumentStore(DynamoDbClient dynamoDb, String table) {
        this(dynamoDb, table, Clock.systemUTC(), () -> {});
    }

    /** @param beforeCommit runs between the puts and the commit: tests interleave other writers there */
    DynamoDocumentStore(DynamoDbClient dynamoDb, String table, Clock clock, Runnable beforeCommit) {
        this.dynamoDb = dynamoDb;
        this.table = table;
        this.writer = new BatchWriter(dynamoDb, table);
        this.clock = clock;
        this.beforeCommit = beforeCommit;
    }

    /**
     * Marks the document PROCESSING with one conditional PutItem, not a transaction: the counters do not move
     * (the document stays counted under its last committed status, see {@link #COUNTED}), and the committed set
     * stays as it is. The view written is kept for this document's next commit, which then need not read it again.
     */
    @Override
    public void begin(ReportDocument document) {
        for (int attempt = 0; attempt < MAX_ATTEMPTS; attempt++) {
            Committed committed = read(document.id());
            DocumentItem item = documentItem(document, DocumentStatus.PROCESSING, committed, committed.summary(),
                    committed.hash(), committed.nonce(), committed.counted());
            try {
                dynamoDb.putItem(b -> b.tableName(table).item(item.attributes()).conditionExpression(item.condition())
                        .expressionAttributeNames(item.conditionNames()).expressionAttributeValues(item.conditionValues()));
            } catch (ConditionalCheckFailedException e) {
                continue; // another writer changed the document since it was read: read again
            } catch (SdkException e) {
                throw DynamoFailures.classify("marking document " + document.id() + " as processing", e);
            }
            if (committed.exists()) {
                // A new document cannot have pending work: every intent and stale-set record follows a document item.
                finishPendingWork(document.id(), committed.summary().itemKeys());
            }
            if (written.size() >= MAX_WRITTEN_VIEWS) {
                written.clear(); // begun and never committed (the ingest failed in between): a commit reads instead
            }
            written.put(document.id(), new Committed(true, committed.generation() + 1, committed.counted(),
                    committed.hash(), committed.nonce(), committed.summary()));
            return;
        }
        throw new TransientFailureException("document " + document.id() + " kept changing under " + MAX_ATTEMPTS
                + " attempts to mark it as processing", null);
    }

    @Override
    public void complete(ReportDocument document, List<Finding> findings) {
        commit(document, DocumentStatus.PROCESSED, findings);
    }

    @Override
    public void fail(ReportDocument document) {
        commit(document, DocumentStatus.FAILED, List.of());
    }

    @Override
    public void delete(ReportDocument document) {
        commit(document, DocumentStatus.DELETED, List.of());
    }

    /**
     * The document item as last written.
     *
     * @param counted the status the counters count the document under, null for none (see {@link #COUNTED})
     */
    private record Committed(boolean exists, long generation, String counted, String hash, String nonce,
            FindingSetSummary summary) {}

    /** @param findings the new finding set (empty for none) */
    private void commit(ReportDocument document, DocumentStatus status, List<Finding> findings) {
        List<Finding> stored = prepare(document.id(), findings);
        FindingSetSummary next = summarize(stored);
        String hash = hash(stored, document);
        for (int attempt = 0; attempt < MAX_ATTEMPTS; attempt++) {
            Committed begun = attempt == 0 ? written.remove(document.id()) : null;
            // What begin() wrote, if this store wrote it: should another writer have changed the document since,
            // the commit's condition fails and the next attempt reads.
            Committed committed = begun != null ? begun : read(document.id());
            boolean rewrite = !stored.isEmpty() && !hash.equals(committed.hash());
            String nonce = rewrite ? UUID.randomUUID().toString() : (stored.isEmpty() ? null : committed.nonce());
            if (rewrite) {
                putIntent(document.id(), nonce, next);
                putFindings(stored, document, nonce, committed.generation() + 1);
            }
            beforeCommit.run();
            List<TransactWriteItem> actions = new ArrayList<>();
            DocumentItem item = documentItem(document, status, committed, next, hash, nonce, status.name());
            actions.add(TransactWriteItem.builder().put(Put.builder().tableName(table).item(item.attributes())
                    .conditionExpression(item.condition()).expressionAttributeNames(item.conditionNames())
                    .expressionAttributeValues(item.conditionValues()).build()).build());
            if (rewrite) {
                actions.add(intentDeletion(document.id(), nonce));
            }
            Set<FindingSetSummary.ItemKey> keep = next.itemKeys();
            if (!minus(committed.summary().itemKeys(), keep).isEmpty()) {
                actions.add(staleSetRecord(document.id(), committed));
            }
            actions.addAll(StatsCounters.updates(table, StatsCounters.shardOf(document.id()),
                    counterDelta(committed, status, next)));
            try {
                dynamoDb.transactWriteItems(b -> b.transactItems(actions));
            } catch (TransactionCanceledException e) {
                if (DynamoFailures.isTransient(e)) {
                    BatchWriter.backoff(attempt + 1);
                }
                continue; // another writer committed first (or conflicted): read again
            } catch (SdkException e) {
                throw DynamoFailures.classify("committing document " + document.id(), e);
            }
            finishPendingWork(document.id(), keep);
            return;
        }
        throw new TransientFailureException("document " + document.id() + " kept changing under " + MAX_ATTEMPTS
                + " attempts to write it", null);
    }

    /** Ids and document ids set, texts bounded, at most {@link #MAX_FINDINGS} and a summary that fits its item. */
    private static List<Finding> prepare(String documentId, List<Finding> findings) {
        List<Finding> stored = new ArrayList<>();
        for (int i = 0; i < Math.min(findings.size(), MAX_FINDINGS); i++) {
            Finding f = findings.get(i);
            if (f.category() == null) {
                // Every index and counter needs a category; an extractor bug must not block the document.
                System.err.println("skipping a finding without category in document " + documentId);
                continue;
            }
            Finding identified = f.id() != null && documentId.equals(f.documentId()) ? f : f.identified(documentId, i);
            stored.add(FindingItems.bounded(identified));
        }
        while (stored.size() > 1 && summarize(stored).toBytes().length > MAX_SUMMARY_BYTES) {
            stored = new ArrayList<>(stored.subList(0, stored.size() / 2));
        }
        return stored;
    }

    private static FindingSetSummary summarize(List<Finding> findings) {
        return new FindingSetSummary(findings.stream().map(FindingFacts::of).toList());
    }

    /** Of everything the set's items hold: the findings, and the report's date and source on incident postings. */
    private static String hash(List<Finding> findings, ReportDocument document) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            String content = FindingJson.toJson(findings) + "\n" + IncidentMember.reportDate(document) + "\n"
                    + IncidentMember.reportSource(document);
            return HexFormat.of().formatHex(sha.digest(content.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required by every JVM", e);
        }
    }

    /**
     * A strongly consistent Query for the one document item rather than a GetItem: the store queries anyway, and
     * one operation fewer means fewer SDK classes to load on a cold start.
     */
    private Committed read(String documentId) {
        QueryResponse response;
        try {
            response = dynamoDb.query(b -> b.tableName(table).consistentRead(true)
                    .keyConditionExpression("#pk = :pk AND #sk = :sk")
                    .projectionExpression("#g, #s, #c, #h, #n, #m")
                    .expressionAttributeNames(Map.of("#pk", TableKeys.PK, "#sk", TableKeys.SK, "#g", GENERATION,
                            "#s", STATUS, "#c", COUNTED, "#h", HASH, "#n", FindingItems.NONCE, "#m", SUMMARY))
                    .expressionAttributeValues(Map.of(":pk", s(TableKeys.document(documentId)),
                            ":sk", s(TableKeys.DOCUMENT_SK))));
        } catch (SdkException e) {
            throw DynamoFailures.classify("reading document " + documentId, e);
        }
        if (!response.hasItems() || response.items().isEmpty()) {
            return new Committed(false, 0, null, null, null, FindingSetSummary.EMPTY);
        }
        Map<String, AttributeValue> item = response.items().get(0);
        return new Committed(true, Long.parseLong(item.get(GENERATION).n()), counted(item, text(item, STATUS)), text(item, HASH),
                text(item, FindingItems.NONCE),
                item.containsKey(SUMMARY) ? FindingSetSummary.fromBytes(item.get(SUMMARY).b().asByteArray())
                        : FindingSetSummary.EMPTY);
    }

    private void putIntent(String documentId, String nonce, FindingSetSummary summary) {
        Map<String, AttributeValue> item = new HashMap<>(key(TableKeys.document(documentId), TableKeys.pendingSk(nonce)));
        item.put(TYPE, s("INTENT"));
        item.put(FindingItems.NONCE, s(nonce));
        item.put(SUMMARY, AttributeValue.fromB(SdkBytes.fromByteArray(summary.toBytes())));
        item.put("at", s(Instant.now(clock).toString()));
        // A batch of its own, done (or failed) before the findings' batches start: the intent is durable before
        // any finding is put. BatchWriteItem rather than PutItem: the findings use it anyway.
        writer.write(List.of(put(item)));
    }

    private void putFindings(List<Finding> findings, ReportDocument document, String nonce, long generation) {
        writer.write(findingWrites(findings, document, nonce, generation));
    }

    /**
     * The puts of findings' items and postings, each stamped with the writing attempt's nonce and the generation
     * it would commit.
     */
    static List<WriteRequest> findingWrites(List<Finding> findings, ReportDocument document, String nonce,
            long generation) {
        Map<String, AttributeValue> report = new HashMap<>(); // on incident postings only: the same for every finding
        String reportDate = IncidentMember.reportDate(document);
        if (reportDate != null) {
            report.put(FindingItems.REPORT_DATE, s(clip(reportDate, 40)));
        }
        report.put(FindingItems.REPORT_SOURCE, s(clip(IncidentMember.reportSource(document), 300)));
        List<WriteRequest> puts = new ArrayList<>();
        for (Finding f : findings) {
            FindingFacts facts = FindingFacts.of(f);
            Map<String, AttributeValue> attributes = FindingItems.attributes(f, facts, nonce);
            attributes.put(GENERATION, AttributeValue.fromN(Long.toString(generation)));
            Map<String, AttributeValue> finding = new HashMap<>(attributes);
            finding.putAll(key(TableKeys.document(f.documentId()), TableKeys.findingSk(f.id())));
            finding.put(TYPE, s("FINDING"));
            puts.add(put(finding));
            String sk = TableKeys.postingSk(facts);
            for (String pk : TableKeys.postingPartitions(facts)) {
                Map<String, AttributeValue> posting = new HashMap<>(attributes);
                posting.putAll(key(pk, sk));
                puts.add(put(posting));
            }
            FindingSetSummary.ItemKey incident = TableKeys.incidentPosting(facts);
            Map<String, AttributeValue> posting = new HashMap<>(attributes);
            posting.putAll(key(incident.pk(), incident.sk()));
            posting.putAll(report);
            puts.add(put(posting));
        }
        return puts;
    }

    /** A document item to put, and the condition that it replaces exactly the item that was read. */
    private record DocumentItem(Map<String, AttributeValue> attributes, String condition, Map<String, String> conditionNames,
            Map<String, AttributeValue> conditionValues) {}

    /** @param counted the status the counters count the document under once the item is put, or null for none */
    private DocumentItem documentItem(ReportDocument d, DocumentStatus status, Committed committed,
            FindingSetSummary next, String hash, String nonce, String counted) {
        String updatedAt = d.updatedAt() != null ? d.updatedAt() : Instant.now(clock).toString();
        ReportDocument stored = new ReportDocument(d.id(), d.bucket(), clip(d.key(), 1_100), clip(d.version(), 1_100),
                d.size(), clip(d.format(), 40), clip(d.title(), 500), clip(d.published(), 40), clip(d.publisher(), 300),
                clip(d.language(), 20), status, keepsReason(status) ? clip(d.error(), 2_000) : null,
                next.facts().size(), updatedAt);
        Map<String, AttributeValue> item = new HashMap<>(key(TableKeys.document(d.id()), TableKeys.DOCUMENT_SK));
        item.put(TYPE, s("DOCUMENT"));
        item.put(DOC, s(ReportDocumentJson.toJson(stored)));
        item.put(STATUS, s(status.name()));
        item.put(COUNTED, s(counted == null ? NOT_COUNTED : counted));
        item.put(GENERATION, AttributeValue.fromN(Long.toString(committed.generation() + 1)));
        if (hash != null) {
            item.put(HASH, s(hash));
        }
        if (nonce != null) {
            item.put(FindingItems.NONCE, s(nonce));
        }
        item.put(SUMMARY, AttributeValue.fromB(SdkBytes.fromByteArray(next.toBytes())));
        String order = updatedAt + "#" + d.id();
        item.put(TableKeys.GSI1PK, s(TableKeys.documentStatus(status.name())));
        item.put(TableKeys.GSI1SK, s(order));
        item.put(TableKeys.GSI2PK, s(TableKeys.ALL_DOCUMENTS));
        item.put(TableKeys.GSI2SK, s(order));
        return committed.exists()
                ? new DocumentItem(item, "#g = :g", Map.of("#g", GENERATION),
                        Map.of(":g", AttributeValue.fromN(Long.toString(committed.generation()))))
                : new DocumentItem(item, "attribute_not_exists(#pk)", Map.of("#pk", TableKeys.PK), null);
    }

    /** Why a document failed or was deleted is worth showing; a stale reason on a processed one is not. */
    private static boolean keepsReason(DocumentStatus status) {
        return status == DocumentStatus.FAILED || status == DocumentStatus.DELETED;
    }

    /** Records the committed set the commit supersedes, as of the generation the commit writes. */
    private TransactWriteItem staleSetRecord(String documentId, Committed committed) {
        long supersededAt = committed.generation() + 1;
        Map<String, AttributeValue> item = new HashMap<>(key(TableKeys.document(documentId), TableKeys.staleSetSk(supersededAt)));
        item.put(TYPE, s(STALE_SET));
        item.put(GENERATION, AttributeValue.fromN(Long.toString(supersededAt)));
        if (committed.nonce() != null) {
            item.put(FindingItems.NONCE, s(committed.nonce()));
        }
        item.put(SUMMARY, AttributeValue.fromB(SdkBytes.fromByteArray(committed.summary().toBytes())));
        return TransactWriteItem.builder().put(Put.builder().tableName(table).item(item).build()).build();
    }

    private TransactWriteItem intentDeletion(String documentId, String nonce) {
        return TransactWriteItem.builder().delete(Delete.builder().tableName(table)
                .key(key(TableKeys.document(documentId), TableKeys.pendingSk(nonce)))
                .conditionExpression("attribute_exists(#pk)")
                .expressionAttributeNames(Map.of("#pk", TableKeys.PK)).build()).build();
    }

    private static Map<StatsCounters.Dimension, Map<String, Long>> counterDelta(Committed committed,
            DocumentStatus status, FindingSetSummary next) {
        Map<StatsCounters.Dimension, Map<String, Long>> before = new EnumMap<>(StatsCounters.Dimension.class);
        before.putAll(committed.summary().counts());
        Map<StatsCounters.Dimension, Map<String, Long>> after = new EnumMap<>(StatsCounters.Dimension.class);
        after.putAll(next.counts());
        if (committed.counted() != null) {
            before.put(StatsCounters.Dimension.STATUS, Map.of(committed.counted(), 1L));
        }
        after.put(StatsCounters.Dimension.STATUS, Map.of(status.name(), 1L));
        return StatsCounters.delta(before, after);
    }

    /**
     * Cleans up every superseded set recorded for the document and every other writer's intent.
     *
     * @param keep the item keys of the set just committed, which no cleanup deletes
     */
    private void finishPendingWork(String documentId, Set<FindingSetSummary.ItemKey> keep) {
        for (Map<String, AttributeValue> work : pendingWork(documentId)) {
            if (STALE_SET.equals(text(work, TYPE))) {
                cleanUpStaleSet(work, keep);
            } else {
                abandonIntent(work, keep);
            }
        }
    }

    /** The document's intents and stale-set records: one strongly consistent Query on the PENDING# prefix. */
    private List<Map<String, AttributeValue>> pendingWork(String documentId) {
        List<Map<String, AttributeValue>> work = new ArrayList<>();
        try {
            QueryRequest request = QueryRequest.builder().tableName(table).consistentRead(true)
                    .keyConditionExpression("#pk = :pk AND begins_with(#sk, :p)")
                    .expressionAttributeNames(Map.of("#pk", TableKeys.PK, "#sk", TableKeys.SK))
                    .expressionAttributeValues(Map.of(":pk", s(TableKeys.document(documentId)),
                            ":p", s(TableKeys.PENDING_SK_PREFIX)))
                    .build();
            work.addAll(QueryPages.all(dynamoDb, request));
        } catch (SdkException e) {
            throw DynamoFailures.classify("reading pending work", e);
        }
        return work;
    }

    /** Deletes a superseded set's items (those no later write has put since), then its record. */
    private void cleanUpStaleSet(Map<String, AttributeValue> record, Set<FindingSetSummary.ItemKey> keep) {
        FindingSetSummary stale = FindingSetSummary.fromBytes(record.get(SUMMARY).b().asByteArray());
        deleteIfOlderThan(minus(stale.itemKeys(), keep), Long.parseLong(record.get(GENERATION).n()),
                text(record, FindingItems.NONCE));
        try {
            dynamoDb.deleteItem(b -> b.tableName(table).key(key(record.get(TableKeys.PK).s(), record.get(TableKeys.SK).s())));
        } catch (SdkException e) {
            throw DynamoFailures.classify("deleting a stale-set record", e);
        }
    }

    /** Deletes another writer's intent (so it cannot commit any more), then the items it put that are not kept. */
    private void abandonIntent(Map<String, AttributeValue> intent, Set<FindingSetSummary.ItemKey> keep) {
        try {
            dynamoDb.deleteItem(b -> b.tableName(table)
                    .key(key(intent.get(TableKeys.PK).s(), intent.get(TableKeys.SK).s()))
                    .conditionExpression("attribute_exists(#pk)")
                    .expressionAttributeNames(Map.of("#pk", TableKeys.PK)));
        } catch (ConditionalCheckFailedException e) {
            return; // its writer committed meanwhile: its items are the committed set's now
        } catch (SdkException e) {
            throw DynamoFailures.classify("deleting a write intent", e);
        }
        FindingSetSummary theirs = FindingSetSummary.fromBytes(intent.get(SUMMARY).b().asByteArray());
        deleteIfStamped(minus(theirs.itemKeys(), keep), intent.get(FindingItems.NONCE).s());
    }

    /**
     * Deletes a superseded set's items unless the commit that superseded it ({@code generation}) or a later write
     * has put them since. Items put before generations were stamped are deleted while they bear
     * {@code legacyNonce} (may be null).
     */
    private void deleteIfOlderThan(Set<FindingSetSummary.ItemKey> keys, long generation, String legacyNonce) {
        Map<String, String> names = new HashMap<>(Map.of("#g", GENERATION));
        Map<String, AttributeValue> values = new HashMap<>(Map.of(":g", AttributeValue.fromN(Long.toString(generation))));
        String condition = "#g < :g";
        if (legacyNonce != null) {
            condition = "#g < :g OR (attribute_not_exists(#g) AND #n = :n)";
            names.put("#n", FindingItems.NONCE);
            values.put(":n", s(legacyNonce));
        }
        String when = condition;
        for (FindingSetSummary.ItemKey k : keys) {
            try {
                dynamoDb.deleteItem(b -> b.tableName(table).key(key(k.pk(), k.sk())).conditionExpression(when)
                        .expressionAttributeNames(names).expressionAttributeValues(values));
            } catch (ConditionalCheckFailedException e) {
                // put by a later write: that write owns it now
            } catch (SdkException e) {
                throw DynamoFailures.classify("deleting a stale item", e);
            }
        }
    }

    /**
     * Deletes items that still bear {@code nonce}; items another write has put since are left alone. One
     * conditional DeleteItem each (1 WCU; a transaction would cost 2 and fail whole on one rewritten item).
     */
    private void deleteIfStamped(Set<FindingSetSummary.ItemKey> keys, String nonce) {
        for (FindingSetSummary.ItemKey k : keys) {
            try {
                dynamoDb.deleteItem(b -> b.tableName(table).key(key(k.pk(), k.sk()))
                        .conditionExpression("#n = :n")
                        .expressionAttributeNames(Map.of("#n", FindingItems.NONCE))
                        .expressionAttributeValues(Map.of(":n", s(nonce))));
            } catch (ConditionalCheckFailedException e) {
                // rewritten by a later write: that write owns it now
            } catch (SdkException e) {
                throw DynamoFailures.classify("deleting a stale item", e);
            }
        }
    }

    private static Set<FindingSetSummary.ItemKey> minus(Set<FindingSetSummary.ItemKey> a, Set<FindingSetSummary.ItemKey> b) {
        Set<FindingSetSummary.ItemKey> rest = new LinkedHashSet<>(a);
        rest.removeAll(b);
        return rest;
    }

    private static WriteRequest put(Map<String, AttributeValue> item) {
        return WriteRequest.builder().putRequest(PutRequest.builder().item(item).build()).build();
    }

    static Map<String, AttributeValue> key(String pk, String sk) {
        return Map.of(TableKeys.PK, s(pk), TableKeys.SK, s(sk));
    }

    /**
     * The status a document item is counted under, or null. Items written before begin() stopped moving the
     * counters have no {@link #COUNTED}: every write then moved the counters with the status.
     */
    static String counted(Map<String, AttributeValue> item, String status) {
        String counted = text(item, COUNTED);
        return counted == null ? status : NOT_COUNTED.equals(counted) ? null : counted;
    }

    private static String text(Map<String, AttributeValue> item, String name) {
        AttributeValue v = item.get(name);
        return v == null ? null : v.s();
    }
}
