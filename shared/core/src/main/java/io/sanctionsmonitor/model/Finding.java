package io.sanctionsmonitor.model;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.util.List;

/**
 * One reported sanctions-relevant claim, traceable to the sentence that states it.
 *
 * <p>The JSON shape is the corpus's gold schema plus {@code evidence_start}/{@code evidence_end}
 * (character offsets into the document's stored text) and {@code why} (the cues and rules that fired).
 * {@code id} and {@code document_id} are set once the finding belongs to a stored document.
 *
 * @param itemType the items' type in the item lexicon ("air-defence system" for Pantsir and S-300), which groups
 *                 findings about the same kind of goods into incidents; null when no lexicon item was named
 */
@JsonIgnoreProperties(ignoreUnknown = true) // API responses add derived fields, such as provisions
@JsonPropertyOrder({"id", "document_id", "category", "from", "to", "items", "item_type", "quantity", "period",
        "attributed_to", "certainty", "evidence", "evidence_start", "evidence_end", "why"})
public record Finding(
        @JsonInclude(JsonInclude.Include.NON_NULL) String id,
        @JsonInclude(JsonInclude.Include.NON_NULL) @JsonProperty("document_id") String documentId,
        Category category,
        String from,
        String to,
        List<String> items,
        @JsonInclude(JsonInclude.Include.NON_NULL) @JsonProperty("item_type") String itemType,
        Quantity quantity,
        String period,
        @JsonProperty("attributed_to") List<String> attributedTo,
        Certainty certainty,
        String evidence,
        @JsonProperty("evidence_start") int evidenceStart,
        @JsonProperty("evidence_end") int evidenceEnd,
        List<String> why) {

    public Finding {
        items = items == null ? List.of() : List.copyOf(items);
        attributedTo = attributedTo == null ? List.of() : List.copyOf(attributedTo);
        why = why == null ? List.of() : List.copyOf(why);
    }

    /** This finding as the {@code ordinal}-th finding of a stored document, with its deterministic id. */
    public Finding identified(String documentId, int ordinal) {
        return new Finding(FindingIds.of(documentId, ordinal), documentId, category, from, to, items, itemType, quantity,
                period, attributedTo, certainty, evidence, evidenceStart, evidenceEnd, why);
    }
}
