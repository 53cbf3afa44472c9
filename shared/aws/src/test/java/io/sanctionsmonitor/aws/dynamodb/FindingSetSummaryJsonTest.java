package io.sanctionsmonitor.aws.dynamodb;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.sanctionsmonitor.model.Category;
import io.sanctionsmonitor.model.Certainty;
import io.sanctionsmonitor.model.Finding;
import io.sanctionsmonitor.model.Quantity;
import io.sanctionsmonitor.query.FindingFacts;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;

/**
 * A finding set's summary is written as databind wrote it, and summaries stored by the databind version read back
 * to the same facts, so a document processed before the change is rewritten and cleaned up exactly.
 */
class FindingSetSummaryJsonTest {

    private static final ObjectMapper DATABIND = new ObjectMapper();

    private static List<FindingFacts> facts() {
        List<FindingFacts> facts = new ArrayList<>();
        String doc = "0123456789abcdef0123";
        facts.add(FindingFacts.of(new Finding(null, null, Category.ARMS_TRANSFER, "rus", " PRK", List.of(
                "Pantsir air defence systems", "152mm shells"), "air-defence system", new Quantity(2, "systems"), "2024-03/2024-10",
                List.of("UN Panel of Experts", "South Korea"), Certainty.REPORTED, "e", 0, 1, List.of())
                .identified(doc, 0)));
        facts.add(FindingFacts.of(new Finding(null, null, Category.OVERSEAS_LABOR, null, null, List.of(), null, null, null,
                List.of(), null, "e", 0, 1, List.of()).identified(doc, 1)));
        facts.add(FindingFacts.of(new Finding(null, null, Category.FINANCIAL, "PRK", null, List.of("Ünïcödé “coins”"),
                null, null, "2023", List.of("x\ny"), Certainty.CONFIRMED, "e", 0, 1, List.of()).identified(doc, 2)));
        return facts;
    }

    @Test
    void writesTheFactsAsDatabindDid() throws Exception {
        FindingSetSummary summary = new FindingSetSummary(facts());
        assertEquals(DATABIND.writeValueAsString(summary.facts()), gunzip(summary.toBytes()));
    }

    @Test
    void readsASummaryDatabindStored() throws Exception {
        ByteArrayOutputStream stored = new ByteArrayOutputStream();
        try (GZIPOutputStream gz = new GZIPOutputStream(stored)) {
            DATABIND.writeValue(gz, facts());
        }
        FindingSetSummary read = FindingSetSummary.fromBytes(stored.toByteArray());
        assertEquals(facts(), read.facts());
        assertEquals(new FindingSetSummary(facts()).itemKeys(), read.itemKeys());
        assertEquals(new FindingSetSummary(facts()).counts(), read.counts());
    }

    /** Facts stored before incidents existed have no item type: their findings got no incident posting to delete. */
    @Test
    void factsWithoutAnItemTypeClaimNoIncidentPosting() throws Exception {
        String old = DATABIND.writeValueAsString(facts()).replaceAll(",\"itemType\":(null|\"[^\"]*\")", "");
        java.io.ByteArrayOutputStream zipped = new java.io.ByteArrayOutputStream();
        try (java.util.zip.GZIPOutputStream gz = new java.util.zip.GZIPOutputStream(zipped)) {
            gz.write(old.getBytes(java.nio.charset.StandardCharsets.UTF_8));
        }

        FindingSetSummary read = FindingSetSummary.fromBytes(zipped.toByteArray());

        assertEquals(null, read.facts().get(0).itemType());
        assertEquals(false, read.itemKeys().stream().anyMatch(k -> k.pk().startsWith("I#")), read.itemKeys().toString());
        assertEquals(true, new FindingSetSummary(facts()).itemKeys().stream().anyMatch(k -> k.pk().startsWith("I#")));
    }

    @Test
    void anEmptySetRoundTrips() {
        assertEquals(List.of(), FindingSetSummary.fromBytes(FindingSetSummary.EMPTY.toBytes()).facts());
    }

    private static String gunzip(byte[] bytes) throws Exception {
        try (GZIPInputStream in = new GZIPInputStream(new ByteArrayInputStream(bytes))) {
            return new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        }
    }
}
