package io.sanctionsmonitor.aws.dynamodb;

import io.sanctionsmonitor.json.FindingJson;
import io.sanctionsmonitor.model.Finding;
import io.sanctionsmonitor.query.FindingFacts;
import java.io.IOException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * A finding as a table item: its JSON in {@code body} plus the attributes filters test. Finding items and
 * postings carry the same attributes, so a page is served from the postings alone. Text and lists are bounded
 * so that no item nears DynamoDB's 400 KB limit whatever the extractor produced.
 */
final class FindingItems {

    static final String BODY = "body";
    static final String CATEGORY = "cat";
    static final String FROM = "frm";
    static final String TO = "to";
    static final String ITEM_WORDS = "iw";
    static final String SOURCES = "src";
    static final String CERTAINTY = "cer";
    static final String PERIOD_START = "ps";
    static final String PERIOD_END = "pe";
    static final String DOCUMENT = "doc";
    static final String FINDING_ID = "fid";
    /** On incident postings: the report's date and who speaks for findings that name nobody (IncidentMember). */
    static final String REPORT_DATE = "rd";
    static final String REPORT_SOURCE = "rs";
    /** The nonce of the write that put the item: an uncommitted write's items are deleted only while they bear it. */
    static final String NONCE = "n";

    static final int MAX_TEXT = 2_000;
    static final int MAX_SHORT_TEXT = 300;
    static final int MAX_LIST = 40;

    private FindingItems() {}

    /** The finding as it will be stored: long texts and lists cut to bounds (a few tens of KB at most). */
    static Finding bounded(Finding f) {
        return new Finding(f.id(), f.documentId(), f.category(), clip(f.from(), 8), clip(f.to(), 8),
                clipAll(f.items()), clip(f.itemType(), MAX_SHORT_TEXT), f.quantity() == null ? null
                        : new io.sanctionsmonitor.model.Quantity(f.quantity().value(), clip(f.quantity().unit(), MAX_SHORT_TEXT)),
                clip(f.period(), 40), clipAll(f.attributedTo()), f.certainty(), clip(f.evidence(), MAX_TEXT),
                f.evidenceStart(), f.evidenceEnd(), clipAll(f.why()));
    }

    static Map<String, AttributeValue> attributes(Finding bounded, FindingFacts facts, String nonce) {
        Map<String, AttributeValue> item = new HashMap<>();
        item.put(BODY, s(FindingJson.toJson(bounded)));
        item.put(CATEGORY, s(facts.category().name()));
        if (facts.from() != null) {
            item.put(FROM, s(facts.from()));
        }
        if (facts.to() != null) {
            item.put(TO, s(facts.to()));
        }
        if (!facts.itemWords().isEmpty()) {
            item.put(ITEM_WORDS, AttributeValue.fromSs(List.copyOf(facts.itemWords())));
        }
        if (!facts.sources().isEmpty()) {
            item.put(SOURCES, AttributeValue.fromSs(List.copyOf(facts.sources())));
        }
        item.put(CERTAINTY, AttributeValue.fromN(Integer.toString(facts.certainty().ordinal())));
        item.put(PERIOD_START, s(facts.periodStart()));
        item.put(PERIOD_END, s(facts.periodEnd()));
        item.put(DOCUMENT, s(facts.documentId()));
        item.put(FINDING_ID, s(facts.id()));
        item.put(NONCE, s(nonce));
        return item;
    }

    static Finding finding(Map<String, AttributeValue> item) {
        try {
            return FindingJson.fromJson(item.get(BODY).s());
        } catch (IOException | RuntimeException e) {
            throw new IllegalStateException("a stored finding does not parse: " + item.get(FINDING_ID), e);
        }
    }

    static AttributeValue s(String value) {
        return AttributeValue.fromS(value);
    }

    static String clip(String text, int max) {
        return text == null || text.length() <= max ? text : text.substring(0, max);
    }

    private static List<String> clipAll(List<String> texts) {
        return texts.stream().limit(MAX_LIST).map(t -> clip(t, MAX_SHORT_TEXT)).toList();
    }
}
