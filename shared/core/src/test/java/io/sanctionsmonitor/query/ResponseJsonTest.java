package io.sanctionsmonitor.query;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.sanctionsmonitor.incidents.Incident;
import io.sanctionsmonitor.model.DocumentIds;
import io.sanctionsmonitor.model.Finding;
import io.sanctionsmonitor.model.ReportDocument;
import io.sanctionsmonitor.provisions.ProvisionCatalog;
import io.sanctionsmonitor.provisions.ProvisionMatch;
import io.sanctionsmonitor.testing.IncidentReports;
import io.sanctionsmonitor.testing.InMemoryStore;
import io.sanctionsmonitor.testing.SampleFindings;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** Every response body the streaming writer renders is the text databind rendered before. */
class ResponseJsonTest {

    private static final ObjectMapper DATABIND = new ObjectMapper();
    private static final ProvisionCatalog PROVISIONS = ProvisionCatalog.standard();

    private static List<FindingView> views() {
        List<FindingView> views = new ArrayList<>();
        for (Finding f : SampleFindings.random(new Random(8), DocumentIds.of("b", "k"), 80)) {
            views.add(new FindingView(f, PROVISIONS.provisionsFor(f)));
        }
        Finding first = views.get(0).finding();
        views.add(new FindingView(first, List.of(new ProvisionMatch("2397", "7", "Petroleum \"cap\"", "possible", 1.25,
                "the period was not a year"), new ProvisionMatch(null, null, null, null, null, null))));
        views.add(new FindingView(first, null));
        Finding typed = new Finding(first.id(), first.documentId(), first.category(), first.from(), first.to(),
                first.items(), "air-defence system", first.quantity(), first.period(), first.attributedTo(),
                first.certainty(), first.evidence(), first.evidenceStart(), first.evidenceEnd(), first.why());
        views.add(new FindingView(typed, List.of()));
        return views;
    }

    private static void assertAsDatabind(Object body) throws Exception {
        assertEquals(DATABIND.writeValueAsString(body), ResponseJson.write(body));
    }

    @Test
    void findingsWithTheirProvisions() throws Exception {
        for (FindingView v : views()) {
            assertAsDatabind(v);
        }
    }

    @Test
    void pagesOfFindingsAndOfDocumentsWithAndWithoutACursor() throws Exception {
        assertAsDatabind(new QueryApi.ListBody<>(views(), "eyJwayI6IngifQ.c2ln"));
        assertAsDatabind(new QueryApi.ListBody<>(List.of(), null));
        ReportDocument document = SampleFindings.document("reports/a b.txt", "2025-01-15T10:00:00Z");
        assertAsDatabind(document);
        assertAsDatabind(new QueryApi.ListBody<>(List.of(document, document), null));
    }

    @Test
    void pagesOfIncidents() throws Exception {
        InMemoryStore store = new InMemoryStore();
        IncidentReports.ALL.forEach(r -> r.storeIn(store));
        ReportDocument noPublisher = SampleFindings.document("reports/unknown.txt", "2025-02-01T00:00:00Z");
        store.begin(noPublisher);
        store.complete(noPublisher, SampleFindings.random(new Random(3), noPublisher.id(), 20));
        Page<Incident> incidents = store.incidents(FindingFilter.NONE, 100, null);

        assertEquals(true, incidents.items().size() > 5, "incidents: " + incidents.items().size());
        assertAsDatabind(new QueryApi.ListBody<>(incidents.items(), "eyJwayI6IngifQ.c2ln"));
    }

    @Test
    void statisticsAndProblems() throws Exception {
        assertAsDatabind(new FindingStats(12, Map.of("ARMS_TRANSFER", 3L, "FINANCIAL", 9L, "CYBER_THEFT", 0L),
                Map.of("PRK->RUS", 4L, "?->PRK", 1L), Map.of("2024-03", 2L), Map.of("reported", 12L),
                Map.of("PROCESSED", 2L)));
        assertAsDatabind(new FindingStats(0, Map.of(), Map.of(), Map.of(), Map.of(), Map.of()));
        assertAsDatabind(Problem.invalidParameter("limit", "Parameter 'limit' must be \"1\" to 100.", List.of("1..100"))
                .at("/findings"));
        assertAsDatabind(Problem.notFound("No route serves '/x'; see /openapi.json.").at("/x"));
        assertAsDatabind(Problem.methodNotAllowed("POST"));
        assertAsDatabind(Problem.internal().at("/stats"));
    }

    /** A shape added later renders through databind until it gets a writer of its own. */
    record LaterShape(String name, List<Integer> values) {}

    @Test
    void aBodyOfAnotherTypeStillRendersAsDatabindDoes() throws Exception {
        assertAsDatabind(new LaterShape("n", List.of(1, 2)));
        assertAsDatabind(new QueryApi.ListBody<>(List.of(new LaterShape("a", List.of()), views().get(0)), null));
    }
}
