package io.sanctionsmonitor.json;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.sanctionsmonitor.model.Category;
import io.sanctionsmonitor.model.Certainty;
import io.sanctionsmonitor.model.DocumentIds;
import io.sanctionsmonitor.model.Finding;
import io.sanctionsmonitor.model.Quantity;
import io.sanctionsmonitor.testing.SampleFindings;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * The streaming finding JSON is what databind wrote before, byte for byte, so stored items still read, the
 * findings' hash does not change (an unchanged document is not rewritten) and API clients see the same text.
 */
class FindingJsonTest {

    private static final ObjectMapper DATABIND = new ObjectMapper();

    static List<Finding> findings() {
        List<Finding> findings = new ArrayList<>(SampleFindings.random(new Random(8), DocumentIds.of("b", "k"), 60));
        findings.add(new Finding(null, null, null, null, null, null, null, null, null, null, null, null, 0, 0, null));
        findings.add(new Finding(null, null, Category.FINANCIAL, " prk ", "", List.of("", "\"quoted\" \\ back"),
                "type \"with\" quotes", new Quantity(1.5e21, "USD"), "2024-03/", List.of("Ünïcödé — “source” \u2028 😀"), Certainty.CONFIRMED,
                "Tab\tnew line\ncontrol \u0001 and </script>", -1, Integer.MAX_VALUE, List.of("rule:a", "cue:b")));
        findings.add(new Finding("0123456789abcdef0123-0007", "0123456789abcdef0123", Category.OVERSEAS_LABOR, "PRK",
                "RUS", List.of("workers"), "workers", new Quantity(0.1, null), "2025", List.of(), Certainty.SPECULATIVE, "", 3, 4,
                List.of()));
        findings.add(new Finding(null, null, Category.ARMS_TRANSFER, "RUS", "PRK", List.of("x"), "", new Quantity(-0.0, ""),
                null, List.of("s"), Certainty.ALLEGED, "e", 1, 2, List.of("w")));
        return findings;
    }

    @Test
    void writesEachFindingAsDatabindDid() throws Exception {
        for (Finding f : findings()) {
            assertEquals(DATABIND.writeValueAsString(f), FindingJson.toJson(f));
        }
    }

    @Test
    void writesAListAsDatabindDidSoTheStoredHashIsUnchanged() throws Exception {
        assertEquals(DATABIND.writeValueAsString(findings()), FindingJson.toJson(findings()));
    }

    @Test
    void readsWhatDatabindWroteBackToTheSameFinding() throws Exception {
        for (Finding f : findings()) {
            String stored = DATABIND.writeValueAsString(f);
            assertEquals(DATABIND.readValue(stored, Finding.class), FindingJson.fromJson(stored));
            assertEquals(f, FindingJson.fromJson(stored));
        }
    }

    @Test
    void ignoresUnknownFieldsAndTakesMissingOnesAsDatabindDoes() throws Exception {
        String json = """
                {"provisions":[{"resolution":"2397","cap_ratio":1.5}],"category":"MUNITIONS_TRANSFER",
                 "extra":{"deep":[1,{"x":null}]},"certainty":" Reported ","quantity":{"value":3,"unit":"shells"},
                 "evidence_start":7}""";
        assertEquals(DATABIND.readValue(json, Finding.class), FindingJson.fromJson(json));
    }

    @Test
    void refusesWhatIsNotAFinding() {
        assertThrows(IOException.class, () -> FindingJson.fromJson("{\"category\":\"NOT_A_CATEGORY\"}"));
        assertThrows(IOException.class, () -> FindingJson.fromJson("{\"certainty\":\"sure\"}"));
        assertThrows(IOException.class, () -> FindingJson.fromJson("[1]"));
        assertThrows(IOException.class, () -> FindingJson.fromJson("{\"items\":[\"a\""));
        assertThrows(IOException.class, () -> FindingJson.fromJson(""));
    }
}
