package io.sanctionsmonitor.provisions;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;

/**
 * A provision a finding may breach, and where its quantity can be compared with the provision's cap, the ratio to
 * that cap and the assumption behind it ({@code cap_basis}: e.g. the period was not a year).
 */
@JsonPropertyOrder({"resolution", "paragraph", "title", "confidence", "cap_ratio", "cap_basis"})
public record ProvisionMatch(
        String resolution,
        String paragraph,
        String title,
        String confidence,
        @JsonInclude(JsonInclude.Include.NON_NULL) @JsonProperty("cap_ratio") Double capRatio,
        @JsonInclude(JsonInclude.Include.NON_NULL) @JsonProperty("cap_basis") String capBasis) {
}
