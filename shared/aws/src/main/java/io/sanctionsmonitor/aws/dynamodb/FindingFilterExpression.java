package io.sanctionsmonitor.aws.dynamodb;

import static io.sanctionsmonitor.aws.dynamodb.FindingItems.s;

import io.sanctionsmonitor.query.FindingFilter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * The part of a filter the chosen key does not serve, as a DynamoDB FilterExpression over the attributes
 * findings and postings carry (see {@link FindingItems}). Empty when the key serves the whole filter.
 */
record FindingFilterExpression(String expression, Map<String, String> names, Map<String, AttributeValue> values) {

    /**
     * Which parts of the filter the key condition already guarantees. {@code period}: the Query skips the
     * no-period bucket and bounds the period's start by {@code until}.
     */
    record Served(boolean category, boolean country, boolean from, boolean to, String itemWord, boolean certainty,
            boolean source, boolean period, boolean document) {}

    boolean isEmpty() {
        return expression.isEmpty();
    }

    static FindingFilterExpression of(FindingFilter f, Served served) {
        List<String> terms = new ArrayList<>();
        Map<String, String> names = new HashMap<>();
        Map<String, AttributeValue> values = new HashMap<>();
        if (f.category() != null && !served.category()) {
            names.put("#cat", FindingItems.CATEGORY);
            values.put(":cat", s(f.category().name()));
            terms.add("#cat = :cat");
        }
        if (f.country() != null && !served.country()) {
            names.put("#frm", FindingItems.FROM);
            names.put("#to", FindingItems.TO);
            values.put(":country", s(f.country()));
            terms.add("(#frm = :country OR #to = :country)");
        }
        if (f.from() != null && !served.from()) {
            names.put("#frm", FindingItems.FROM);
            values.put(":from", s(f.from()));
            terms.add("#frm = :from");
        }
        if (f.to() != null && !served.to()) {
            names.put("#to", FindingItems.TO);
            values.put(":to", s(f.to()));
            terms.add("#to = :to");
        }
        int w = 0;
        for (String word : f.itemWords()) {
            if (!word.equals(served.itemWord())) {
                names.put("#iw", FindingItems.ITEM_WORDS);
                values.put(":w" + w, s(word));
                terms.add("contains(#iw, :w" + w + ")");
                w++;
            }
        }
        if (f.minCertainty() != null && !served.certainty()) {
            names.put("#cer", FindingItems.CERTAINTY);
            values.put(":cer", AttributeValue.fromN(Integer.toString(f.minCertainty().ordinal())));
            terms.add("#cer >= :cer");
        }
        if (f.source() != null && !served.source()) {
            names.put("#src", FindingItems.SOURCES);
            values.put(":src", s(f.source()));
            terms.add("contains(#src, :src)");
        }
        if (f.hasPeriod() && !served.period()) {
            // Findings without a period never overlap; their start is NO_PERIOD.
            names.put("#ps", FindingItems.PERIOD_START);
            values.put(":none", s(io.sanctionsmonitor.query.FindingFacts.NO_PERIOD));
            terms.add("#ps <> :none");
        }
        if (f.since() != null) {
            names.put("#pe", FindingItems.PERIOD_END);
            values.put(":since", s(f.since()));
            terms.add("#pe >= :since");
        }
        if (f.until() != null && !served.period()) {
            names.put("#ps", FindingItems.PERIOD_START);
            values.put(":until", s(f.until()));
            terms.add("#ps <= :until");
        }
        if (f.document() != null && !served.document()) {
            names.put("#doc", FindingItems.DOCUMENT);
            values.put(":doc", s(f.document()));
            terms.add("#doc = :doc");
        }
        return new FindingFilterExpression(String.join(" AND ", terms), names, values);
    }
}
