package io.sanctionsmonitor.aws.dynamodb;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import io.sanctionsmonitor.json.FindingJson;
import io.sanctionsmonitor.json.Json;
import io.sanctionsmonitor.model.Category;
import io.sanctionsmonitor.model.Certainty;
import io.sanctionsmonitor.query.FindingFacts;
import java.io.IOException;
import java.util.List;
import java.util.Set;

/**
 * The JSON of a {@link FindingSetSummary}'s facts: an array of objects with the record's component names, as
 * databind wrote them before (so summaries stored by earlier versions read the same), and read back.
 */
final class FindingFactsJson {

    private FindingFactsJson() {}

    static void write(JsonGenerator g, List<FindingFacts> facts) throws IOException {
        g.writeStartArray();
        for (FindingFacts f : facts) {
            g.writeStartObject();
            g.writeStringField("id", f.id());
            g.writeStringField("documentId", f.documentId());
            g.writeStringField("category", f.category() == null ? null : f.category().name());
            g.writeStringField("from", f.from());
            g.writeStringField("to", f.to());
            Json.writeStrings(g, "itemWords", List.copyOf(f.itemWords()));
            Json.writeStrings(g, "sources", List.copyOf(f.sources()));
            g.writeStringField("certainty", f.certainty() == null ? null : f.certainty().label());
            g.writeStringField("periodStart", f.periodStart());
            g.writeStringField("periodEnd", f.periodEnd());
            g.writeStringField("month", f.month());
            g.writeStringField("itemType", f.itemType());
            g.writeEndObject();
        }
        g.writeEndArray();
    }

    static List<FindingFacts> read(JsonParser p) throws IOException {
        return Json.readList(p, FindingFactsJson::facts);
    }

    private static FindingFacts facts(JsonParser p) throws IOException {
        FactFields f = new FactFields();
        Json.readObject(p, (name, q) -> {
            switch (name) {
                case "id" -> f.id = Json.text(q);
                case "documentId" -> f.documentId = Json.text(q);
                case "category" -> f.category = Json.enumByName(q, Category.class);
                case "from" -> f.from = Json.text(q);
                case "to" -> f.to = Json.text(q);
                case "itemWords" -> f.itemWords = Json.texts(q);
                case "sources" -> f.sources = Json.texts(q);
                case "certainty" -> f.certainty = FindingJson.certainty(q);
                case "periodStart" -> f.periodStart = Json.text(q);
                case "periodEnd" -> f.periodEnd = Json.text(q);
                case "month" -> f.month = Json.text(q);
                case "itemType" -> f.itemType = Json.text(q);
                default -> q.skipChildren();
            }
        });
        return new FindingFacts(f.id, f.documentId, f.category, f.from, f.to, Set.copyOf(f.itemWords),
                Set.copyOf(f.sources), f.certainty, f.periodStart, f.periodEnd, f.month, f.itemType);
    }

    /** The fields read so far. */
    private static final class FactFields {
        String id;
        String documentId;
        Category category;
        String from;
        String to;
        List<String> itemWords = List.of();
        List<String> sources = List.of();
        Certainty certainty;
        String periodStart;
        String periodEnd;
        String month;
        /** Absent from summaries stored before incidents existed: their findings have no incident posting. */
        String itemType;
    }
}
