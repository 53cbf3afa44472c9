package io.sanctionsmonitor.query;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.InputStream;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/** The OpenAPI document lists exactly the routes and query parameters the API serves, no more, no less. */
class OpenApiDocumentTest {

    @Test
    void documentsExactlyTheServedRoutesAndParameters() throws Exception {
        JsonNode openApi;
        try (InputStream in = QueryApi.class.getResourceAsStream("/query/openapi.json")) {
            openApi = new ObjectMapper().readTree(in);
        }
        assertEquals("3.1.0", openApi.get("openapi").asText());
        Map<String, Set<String>> served = Map.of(
                "/findings", QueryApi.FINDINGS_PARAMETERS,
                "/findings/{id}", Set.of(),
                "/incidents", QueryApi.FINDINGS_PARAMETERS,
                "/documents", QueryApi.DOCUMENTS_PARAMETERS,
                "/documents/{id}", Set.of(),
                "/documents/{id}/findings", QueryApi.PAGE_PARAMETERS,
                "/stats", Set.of(),
                "/openapi.json", Set.of());
        Set<String> documentedRoutes = new TreeSet<>();
        openApi.get("paths").fieldNames().forEachRemaining(documentedRoutes::add);
        assertEquals(new TreeSet<>(served.keySet()), documentedRoutes);
        served.forEach((route, parameters) -> {
            Set<String> documented = new TreeSet<>();
            openApi.get("paths").get(route).get("get").get("parameters").forEach(p -> {
                if (p.get("in").asText().equals("query")) {
                    documented.add(p.get("name").asText());
                }
            });
            assertEquals(new TreeSet<>(parameters), documented, route);
        });
    }
}
