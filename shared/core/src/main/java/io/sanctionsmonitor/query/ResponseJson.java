package io.sanctionsmonitor.query;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.sanctionsmonitor.incidents.Incident;
import io.sanctionsmonitor.incidents.IncidentFinding;
import io.sanctionsmonitor.json.FindingJson;
import io.sanctionsmonitor.json.Json;
import io.sanctionsmonitor.json.ReportDocumentJson;
import io.sanctionsmonitor.model.ReportDocument;
import io.sanctionsmonitor.provisions.ProvisionMatch;
import java.io.IOException;
import java.util.Map;

/**
 * The API's response bodies, written with the streaming generator: findings (with their provisions), incidents,
 * documents, pages of these, statistics and problems, byte for byte what databind makes of the records' annotations. A body
 * of another type (a route added later) still renders, through an {@link ObjectMapper} built on first use, so
 * databind is loaded only by a request that needs it.
 */
final class ResponseJson {

    private ResponseJson() {}

    static String write(Object body) {
        return Json.write(g -> value(g, body));
    }

    private static void value(JsonGenerator g, Object body) throws IOException {
        switch (body) {
            case FindingView v -> view(g, v);
            case ReportDocument d -> ReportDocumentJson.write(g, d);
            case QueryApi.ListBody<?> page -> {
                g.writeStartObject();
                g.writeArrayFieldStart("items");
                for (Object item : page.items()) {
                    value(g, item);
                }
                g.writeEndArray();
                g.writeStringField("next_cursor", page.nextCursor());
                g.writeEndObject();
            }
            case Incident i -> incident(g, i);
            case FindingStats s -> stats(g, s);
            case Problem p -> problem(g, p);
            default -> g.writeRawValue(Databind.write(body));
        }
    }

    private static void view(JsonGenerator g, FindingView v) throws IOException {
        g.writeStartObject();
        FindingJson.writeFields(g, v.finding());
        g.writeFieldName("provisions");
        if (v.provisions() == null) {
            g.writeNull();
        } else {
            g.writeStartArray();
            for (ProvisionMatch m : v.provisions()) {
                provision(g, m);
            }
            g.writeEndArray();
        }
        g.writeEndObject();
    }

    private static void incident(JsonGenerator g, Incident i) throws IOException {
        g.writeStartObject();
        g.writeStringField("key", i.key());
        g.writeStringField("category", i.category() == null ? null : i.category().name());
        g.writeStringField("from", i.from());
        g.writeStringField("to", i.to());
        g.writeStringField("item_type", i.itemType());
        Json.writeStrings(g, "items", i.items());
        g.writeStringField("period_start", i.periodStart());
        g.writeStringField("period_end", i.periodEnd());
        g.writeNumberField("source_count", i.sourceCount());
        Json.writeStrings(g, "sources", i.sources());
        g.writeNumberField("report_count", i.reportCount());
        g.writeStringField("first_reported", i.firstReported());
        g.writeStringField("latest_reported", i.latestReported());
        g.writeStringField("strongest_certainty", i.strongestCertainty() == null ? null : i.strongestCertainty().label());
        g.writeNumberField("finding_count", i.findingCount());
        g.writeArrayFieldStart("findings");
        for (IncidentFinding f : i.findings()) {
            g.writeStartObject();
            optional(g, "id", f.id());
            optional(g, "document_id", f.documentId());
            optional(g, "reported", f.reported());
            optional(g, "certainty", f.certainty() == null ? null : f.certainty().label());
            optional(g, "period", f.period());
            if (f.attributedTo() != null) {
                Json.writeStrings(g, "attributed_to", f.attributedTo());
            }
            optional(g, "evidence", f.evidence());
            g.writeEndObject();
        }
        g.writeEndArray();
        g.writeEndObject();
    }

    private static void provision(JsonGenerator g, ProvisionMatch m) throws IOException {
        g.writeStartObject();
        g.writeStringField("resolution", m.resolution());
        g.writeStringField("paragraph", m.paragraph());
        g.writeStringField("title", m.title());
        g.writeStringField("confidence", m.confidence());
        if (m.capRatio() != null) {
            g.writeNumberField("cap_ratio", m.capRatio().doubleValue());
        }
        if (m.capBasis() != null) {
            g.writeStringField("cap_basis", m.capBasis());
        }
        g.writeEndObject();
    }

    private static void stats(JsonGenerator g, FindingStats s) throws IOException {
        g.writeStartObject();
        g.writeNumberField("findings", s.findings());
        counts(g, "by_category", s.byCategory());
        counts(g, "by_state_pair", s.byStatePair());
        counts(g, "by_month", s.byMonth());
        counts(g, "by_certainty", s.byCertainty());
        counts(g, "documents_by_status", s.documentsByStatus());
        g.writeEndObject();
    }

    private static void counts(JsonGenerator g, String field, Map<String, Long> counts) throws IOException {
        g.writeFieldName(field);
        Json.writeValue(g, counts);
    }

    private static void problem(JsonGenerator g, Problem p) throws IOException {
        g.writeStartObject();
        optional(g, "type", p.type());
        optional(g, "title", p.title());
        g.writeNumberField("status", p.status());
        optional(g, "detail", p.detail());
        optional(g, "instance", p.instance());
        optional(g, "parameter", p.parameter());
        if (p.allowed() != null) {
            Json.writeStrings(g, "allowed", p.allowed());
        }
        g.writeEndObject();
    }

    private static void optional(JsonGenerator g, String field, String value) throws IOException {
        if (value != null) {
            g.writeStringField(field, value);
        }
    }

    /** Holds the mapper, so it is built (and databind loaded) only when a body of another type is written. */
    private static final class Databind {
        private static final ObjectMapper MAPPER = new ObjectMapper();

        static String write(Object body) {
            try {
                return MAPPER.writeValueAsString(body);
            } catch (JsonProcessingException e) {
                throw new IllegalStateException("response does not serialise", e);
            }
        }
    }
}
