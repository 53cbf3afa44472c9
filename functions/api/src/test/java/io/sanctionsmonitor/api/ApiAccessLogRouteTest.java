package io.sanctionsmonitor.api;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Access lines name every documented route by its template, so a new route cannot log as "unrouted". */
class ApiAccessLogRouteTest {

    @Test
    void everyDocumentedPathIsLoggedByItsRouteTemplate() throws Exception {
        List<String> paths = new ArrayList<>();
        try (InputStream in = ApiAccessLogRouteTest.class.getResourceAsStream("/query/openapi.json")) {
            new ObjectMapper().readTree(in).get("paths").fieldNames().forEachRemaining(paths::add);
        }
        for (String template : paths) {
            String concrete = template.replace("{id}", template.startsWith("/findings") ? "0123456789abcdef0123-0001"
                    : "0123456789abcdef0123");
            assertEquals(template, ApiAccessLog.route(concrete), concrete);
            assertEquals(template, ApiAccessLog.route(concrete + "/"), concrete + "/");
        }
        assertEquals("unrouted", ApiAccessLog.route("/secrets"));
    }
}
