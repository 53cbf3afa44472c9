package io.sanctionsmonitor.incidents;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import io.sanctionsmonitor.model.Certainty;
import io.sanctionsmonitor.model.Finding;
import java.util.List;

/**
 * A finding as listed in its incident: enough to tell the sources apart; GET /findings/{id} has the rest. Texts
 * are clipped so that a full page of incidents stays far below the 6 MB a Lambda response may hold.
 */
@JsonPropertyOrder({"id", "document_id", "reported", "certainty", "period", "attributed_to", "evidence"})
@JsonInclude(JsonInclude.Include.NON_NULL)
public record IncidentFinding(
        String id,
        @JsonProperty("document_id") String documentId,
        String reported,
        Certainty certainty,
        String period,
        @JsonProperty("attributed_to") List<String> attributedTo,
        String evidence) {

    static IncidentFinding of(IncidentMember m) {
        Finding f = m.finding();
        return new IncidentFinding(f.id(), f.documentId(), m.reportDate(), f.certainty(), f.period(),
                Clip.all(f.attributedTo(), 3), Clip.text(f.evidence(), Clip.MAX_EVIDENCE));
    }
}
