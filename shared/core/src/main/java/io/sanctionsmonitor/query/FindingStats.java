package io.sanctionsmonitor.query;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.util.Map;
import java.util.TreeMap;

/**
 * Counts kept current at write time. Keys: category names, state pairs ("PRK->RUS", "?" for unknown),
 * months of the period's start (yyyy-MM), certainty labels, document statuses. Zero counts are left out.
 */
@JsonPropertyOrder({"findings", "by_category", "by_state_pair", "by_month", "by_certainty", "documents_by_status"})
public record FindingStats(
        long findings,
        @JsonProperty("by_category") Map<String, Long> byCategory,
        @JsonProperty("by_state_pair") Map<String, Long> byStatePair,
        @JsonProperty("by_month") Map<String, Long> byMonth,
        @JsonProperty("by_certainty") Map<String, Long> byCertainty,
        @JsonProperty("documents_by_status") Map<String, Long> documentsByStatus) {

    public FindingStats {
        byCategory = positive(byCategory);
        byStatePair = positive(byStatePair);
        byMonth = positive(byMonth);
        byCertainty = positive(byCertainty);
        documentsByStatus = positive(documentsByStatus);
    }

    private static Map<String, Long> positive(Map<String, Long> counts) {
        TreeMap<String, Long> kept = new TreeMap<>();
        counts.forEach((k, v) -> {
            if (v != null && v > 0) {
                kept.put(k, v);
            }
        });
        return java.util.Collections.unmodifiableSortedMap(kept);
    }
}
