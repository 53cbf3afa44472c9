package io.sanctionsmonitor.incidents;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import io.sanctionsmonitor.model.Category;
import io.sanctionsmonitor.model.Certainty;
import java.util.List;

/**
 * Findings from one or more reports about the same activity: one category and direction, one kind of goods,
 * periods that overlap (findings without a period form incidents of their own).
 *
 * @param key               category, direction, item type and the first day of the incident's period; it changes
 *                          when a finding with an earlier period joins
 * @param periodStart       first day of the earliest period, null when the findings give none
 * @param periodEnd         last day of the latest period ("9999-12-31" while ongoing), null without periods
 * @param items             the items the findings name, at most {@link Clip#MAX_NAMES}
 * @param sourceCount       how many independent sources report the incident
 * @param sources           the independent sources: distinct attributions, and for findings that name none the
 *                          report's publisher; at most {@link Clip#MAX_NAMES} are listed
 * @param findings          the findings behind the incident, earliest period first; at most {@link #MAX_LISTED}
 */
@JsonPropertyOrder({"key", "category", "from", "to", "item_type", "items", "period_start", "period_end", "source_count",
        "sources", "report_count", "first_reported", "latest_reported", "strongest_certainty", "finding_count", "findings"})
public record Incident(
        String key,
        Category category,
        String from,
        String to,
        @JsonProperty("item_type") String itemType,
        List<String> items,
        @JsonProperty("period_start") @JsonInclude(JsonInclude.Include.ALWAYS) String periodStart,
        @JsonProperty("period_end") @JsonInclude(JsonInclude.Include.ALWAYS) String periodEnd,
        @JsonProperty("source_count") int sourceCount,
        List<String> sources,
        @JsonProperty("report_count") int reportCount,
        @JsonProperty("first_reported") String firstReported,
        @JsonProperty("latest_reported") String latestReported,
        @JsonProperty("strongest_certainty") Certainty strongestCertainty,
        @JsonProperty("finding_count") int findingCount,
        List<IncidentFinding> findings) {

    public static final int MAX_LISTED = 20;

    public Incident {
        items = List.copyOf(items);
        sources = List.copyOf(sources);
        findings = List.copyOf(findings);
    }
}
