package io.sanctionsmonitor.query;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.sanctionsmonitor.model.Category;
import io.sanctionsmonitor.model.Certainty;
import io.sanctionsmonitor.model.Finding;
import io.sanctionsmonitor.model.Quantity;
import io.sanctionsmonitor.model.ReportDocument;
import io.sanctionsmonitor.testing.InMemoryStore;
import io.sanctionsmonitor.testing.SampleFindings;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The API serves each finding with the provisions it may breach, derived when read. */
class FindingProvisionsApiTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void aPetroleumDeliveryOverTheCapNamesTheCapParagraphAndItsRatio() throws Exception {
        InMemoryStore store = new InMemoryStore();
        ReportDocument document = SampleFindings.document("reports/fuel.txt", "2026-01-01T00:00:00Z");
        store.begin(document);
        Finding fuel = new Finding(null, null, Category.PETROLEUM_TRANSFER, "RUS", "PRK", List.of("refined petroleum"), "petroleum",
                new Quantity(1_000_000, "barrels"), "2024-03/2024-10", List.of("MSMT"), Certainty.REPORTED,
                "More than one million barrels of refined petroleum were shipped.", 0, 64, List.of("test"));
        store.complete(document, List.of(fuel.identified(document.id(), 1)));
        QueryApi api = new QueryApi(store, new CursorCodec("a-test-key-of-32-bytes-----------".getBytes(StandardCharsets.UTF_8)));

        ApiResponse response = api.handle(new ApiRequest("GET", "/findings", Map.of("category", List.of("PETROLEUM_TRANSFER"))));

        assertEquals(200, response.status(), response.body());
        JsonNode finding = JSON.readTree(response.body()).path("items").get(0);
        assertEquals("PETROLEUM_TRANSFER", finding.path("category").asText(), "the finding's own fields stay flat");
        JsonNode cap = null;
        for (JsonNode provision : finding.path("provisions")) {
            if (provision.has("cap_ratio")) {
                cap = provision;
            }
        }
        assertTrue(cap != null, "no provision with a cap ratio in " + finding.path("provisions"));
        assertEquals("2397 (2017)", cap.path("resolution").asText());
        assertEquals(2.0, cap.path("cap_ratio").asDouble(), 0.01);
    }
}
