package io.sanctionsmonitor.local.load;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.sanctionsmonitor.model.DocumentStatus;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * Every item of the findings table at one moment, read by a Scan, with the views the fault and load checks
 * need: a canonical dump that two runs can compare, the findings, the documents by status, duplicates and left
 * over write intents. Reads the item layout the DynamoDB store writes (pk/sk, "doc", "body", "n", "gen").
 */
public final class TableSnapshot {
    /** Attributes that differ between two runs storing the same thing: nonces, generations, timestamps. */
    static final Set<String> VOLATILE = Set.of("n", "gen", "at", "gsi1sk", "gsi2sk");

    private static final ObjectMapper JSON = new ObjectMapper();

    private final List<Map<String, AttributeValue>> items;

    private TableSnapshot(List<Map<String, AttributeValue>> items) {
        this.items = items;
    }

    public static TableSnapshot scan(DynamoDbClient dynamoDb, String table) {
        List<Map<String, AttributeValue>> items = new ArrayList<>();
        dynamoDb.scanPaginator(b -> b.tableName(table).consistentRead(true)).items().forEach(items::add);
        return new TableSnapshot(items);
    }

    public int size() {
        return items.size();
    }

    /**
     * One line per item, attributes sorted, volatile ones left out (and a document's {@code updated_at}), so that
     * two tables holding the same documents, findings, postings and counters give equal sets.
     */
    public Set<String> canonical() {
        Set<String> lines = new TreeSet<>();
        for (Map<String, AttributeValue> item : items) {
            Map<String, String> kept = new TreeMap<>();
            boolean counters = "STATS".equals(item.get("pk").s());
            item.forEach((name, value) -> {
                // A counter that went up and back down stays as 0: the same as none.
                if (!VOLATILE.contains(name) && !(counters && "0".equals(value.n()))) {
                    kept.put(name, render(name, value, isDocument(item)));
                }
            });
            lines.add(kept.toString());
        }
        return lines;
    }

    /** The finding items (sk F#...), their JSON bodies. */
    public List<JsonNode> findings() {
        List<JsonNode> findings = new ArrayList<>();
        for (Map<String, AttributeValue> item : items) {
            if (item.get("sk").s().startsWith("F#")) {
                findings.add(read(item.get("body").s()));
            }
        }
        return findings;
    }

    /** The document items' JSON, by document id. */
    public Map<String, JsonNode> documents() {
        Map<String, JsonNode> documents = new TreeMap<>();
        for (Map<String, AttributeValue> item : items) {
            if (isDocument(item)) {
                JsonNode doc = read(item.get("doc").s());
                documents.put(doc.path("id").asText(), doc);
            }
        }
        return documents;
    }

    public Map<String, Long> documentsByStatus() {
        Map<String, Long> counts = new TreeMap<>();
        documents().values().forEach(d -> counts.merge(d.path("status").asText(), 1L, Long::sum));
        return counts;
    }

    /** Finding counts per category, as /stats should serve them. */
    public Map<String, Long> findingsByCategory() {
        Map<String, Long> counts = new TreeMap<>();
        findings().forEach(f -> counts.merge(f.path("category").asText(), 1L, Long::sum));
        return counts;
    }

    /** Findings stored more than once: same document, category and evidence sentence; 0 when nothing is doubled. */
    public int duplicates() {
        Map<String, Integer> seen = new HashMap<>();
        int duplicates = 0;
        for (JsonNode f : findings()) {
            String key = f.path("document_id").asText() + "\u0000" + f.path("category").asText() + "\u0000"
                    + f.path("evidence").asText() + "\u0000" + f.path("items") + "\u0000" + f.path("from").asText()
                    + "\u0000" + f.path("to").asText();
            if (seen.merge(key, 1, Integer::sum) > 1) {
                duplicates++;
            }
        }
        return duplicates;
    }

    /** Write intents (sk PENDING#...) left behind: none once every writer has committed or been cleaned up. */
    public int pendingIntents() {
        return (int) items.stream().filter(i -> i.get("sk").s().startsWith("PENDING#")).count();
    }

    /** Items about one document: its document item, findings and intents (pk DOC#id) and its postings ("doc" = id). */
    public int itemsAbout(String documentId) {
        return (int) items.stream().filter(i -> i.get("pk").s().equals("DOC#" + documentId)
                || (i.containsKey("doc") && documentId.equals(i.get("doc").s()))).count();
    }

    /** The size of the largest item as DynamoDB counts it (names plus values, roughly), to check the 400 KB limit. */
    public int largestItemBytes() {
        return items.stream().mapToInt(TableSnapshot::bytes).max().orElse(0);
    }

    /** The /stats counter items (pk STATS): their sort keys and sizes, largest first. */
    public Map<String, Integer> counterItemBytes() {
        Map<String, Integer> sizes = new TreeMap<>();
        items.stream().filter(i -> "STATS".equals(i.get("pk").s())).forEach(i -> sizes.put(i.get("sk").s(), bytes(i)));
        return sizes;
    }

    private static int bytes(Map<String, AttributeValue> item) {
        int size = 0;
        for (Map.Entry<String, AttributeValue> e : item.entrySet()) {
            AttributeValue v = e.getValue();
            size += e.getKey().getBytes(java.nio.charset.StandardCharsets.UTF_8).length;
            if (v.s() != null) {
                size += v.s().getBytes(java.nio.charset.StandardCharsets.UTF_8).length;
            } else if (v.n() != null) {
                size += v.n().length();
            } else if (v.b() != null) {
                size += v.b().asByteArray().length;
            } else if (v.hasSs()) {
                size += v.ss().stream().mapToInt(x -> x.getBytes(java.nio.charset.StandardCharsets.UTF_8).length).sum();
            }
        }
        return size;
    }

    /** Documents whose status is PROCESSING: work that has not ended. */
    public List<String> stuck() {
        return documents().values().stream().filter(d -> DocumentStatus.PROCESSING.name().equals(d.path("status").asText()))
                .map(d -> d.path("key").asText()).toList();
    }

    private static boolean isDocument(Map<String, AttributeValue> item) {
        return "DOC".equals(item.get("sk").s()) && item.get("pk").s().startsWith("DOC#");
    }

    private static String render(String name, AttributeValue value, boolean document) {
        if (document && name.equals("doc")) {
            ObjectNode doc = (ObjectNode) read(value.s());
            doc.remove("updated_at");
            return doc.toString();
        }
        if (value.b() != null) {
            return Base64.getEncoder().encodeToString(value.b().asByteArray());
        }
        if (value.hasSs()) {
            return new TreeSet<>(value.ss()).toString();
        }
        return value.toString();
    }

    private static JsonNode read(String json) {
        try {
            return JSON.readTree(json);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
