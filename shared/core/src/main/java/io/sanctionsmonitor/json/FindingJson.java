package io.sanctionsmonitor.json;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import io.sanctionsmonitor.model.Category;
import io.sanctionsmonitor.model.Certainty;
import io.sanctionsmonitor.model.Finding;
import io.sanctionsmonitor.model.Quantity;
import java.io.IOException;
import java.util.List;

/**
 * A {@link Finding}'s JSON, byte for byte what databind makes of the record's annotations (field order, snake_case
 * names, {@code id} and {@code document_id} left out when null, other nulls written), and read back the same way:
 * unknown fields (such as the API's derived {@code provisions}) ignored, missing ones null or 0.
 */
public final class FindingJson {

    private FindingJson() {}

    public static String toJson(Finding finding) {
        return Json.write(g -> write(g, finding));
    }

    /** A JSON array of findings. */
    public static String toJson(List<Finding> findings) {
        return Json.write(g -> {
            g.writeStartArray();
            for (Finding f : findings) {
                write(g, f);
            }
            g.writeEndArray();
        });
    }

    public static Finding fromJson(String json) throws IOException {
        return Json.read(json, FindingJson::read);
    }

    public static void write(JsonGenerator g, Finding f) throws IOException {
        g.writeStartObject();
        writeFields(g, f);
        g.writeEndObject();
    }

    /** The fields without the enclosing braces, for a shape that adds fields of its own. */
    public static void writeFields(JsonGenerator g, Finding f) throws IOException {
        if (f.id() != null) {
            g.writeStringField("id", f.id());
        }
        if (f.documentId() != null) {
            g.writeStringField("document_id", f.documentId());
        }
        g.writeStringField("category", f.category() == null ? null : f.category().name());
        g.writeStringField("from", f.from());
        g.writeStringField("to", f.to());
        Json.writeStrings(g, "items", f.items());
        if (f.itemType() != null) {
            g.writeStringField("item_type", f.itemType());
        }
        g.writeFieldName("quantity");
        if (f.quantity() == null) {
            g.writeNull();
        } else {
            g.writeStartObject();
            g.writeNumberField("value", f.quantity().value());
            g.writeStringField("unit", f.quantity().unit());
            g.writeEndObject();
        }
        g.writeStringField("period", f.period());
        Json.writeStrings(g, "attributed_to", f.attributedTo());
        g.writeStringField("certainty", f.certainty() == null ? null : f.certainty().label());
        g.writeStringField("evidence", f.evidence());
        g.writeNumberField("evidence_start", f.evidenceStart());
        g.writeNumberField("evidence_end", f.evidenceEnd());
        Json.writeStrings(g, "why", f.why());
    }

    public static Finding read(JsonParser p) throws IOException {
        FindingFields f = new FindingFields();
        Json.readObject(p, (name, q) -> {
            switch (name) {
                case "id" -> f.id = Json.text(q);
                case "document_id" -> f.documentId = Json.text(q);
                case "category" -> f.category = Json.enumByName(q, Category.class);
                case "from" -> f.from = Json.text(q);
                case "to" -> f.to = Json.text(q);
                case "items" -> f.items = Json.texts(q);
                case "item_type" -> f.itemType = Json.text(q);
                case "quantity" -> f.quantity = quantity(q);
                case "period" -> f.period = Json.text(q);
                case "attributed_to" -> f.attributedTo = Json.texts(q);
                case "certainty" -> f.certainty = certainty(q);
                case "evidence" -> f.evidence = Json.text(q);
                case "evidence_start" -> f.evidenceStart = integer(q);
                case "evidence_end" -> f.evidenceEnd = integer(q);
                case "why" -> f.why = Json.texts(q);
                default -> q.skipChildren();
            }
        });
        return new Finding(f.id, f.documentId, f.category, f.from, f.to, f.items, f.itemType, f.quantity, f.period, f.attributedTo,
                f.certainty, f.evidence, f.evidenceStart, f.evidenceEnd, f.why);
    }

    /** The fields read so far. */
    private static final class FindingFields {
        String id;
        String documentId;
        Category category;
        String from;
        String to;
        List<String> items;
        String itemType;
        Quantity quantity;
        String period;
        List<String> attributedTo;
        Certainty certainty;
        String evidence;
        int evidenceStart;
        int evidenceEnd;
        List<String> why;
    }

    private static Quantity quantity(JsonParser p) throws IOException {
        if (p.currentToken() == JsonToken.VALUE_NULL) {
            return null;
        }
        double[] value = {0};
        String[] unit = {null};
        Json.readObject(p, (name, q) -> {
            switch (name) {
                case "value" -> value[0] = q.currentToken() == JsonToken.VALUE_NULL ? 0 : q.getValueAsDouble();
                case "unit" -> unit[0] = Json.text(q);
                default -> q.skipChildren();
            }
        });
        return new Quantity(value[0], unit[0]);
    }

    /** A certainty by its label, or null for a JSON null. */
    public static Certainty certainty(JsonParser p) throws IOException {
        String label = Json.text(p);
        try {
            return label == null ? null : Certainty.fromLabel(label);
        } catch (IllegalArgumentException e) {
            throw new JsonParseException(p, "not a certainty: " + label);
        }
    }

    private static int integer(JsonParser p) throws IOException {
        return p.currentToken() == JsonToken.VALUE_NULL ? 0 : p.getValueAsInt();
    }
}
