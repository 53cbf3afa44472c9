package io.sanctionsmonitor.json;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/** The generic value writer and reader the log lines and the notification parser use. */
class JsonTest {

    private static final ObjectMapper DATABIND = new ObjectMapper();

    @Test
    void writesMapsListsAndScalarsAsDatabindDoes() throws Exception {
        Map<String, Object> line = new LinkedHashMap<>();
        line.put("level", "INFO");
        line.put("count", 3);
        line.put("duration_ms", 12345678901L);
        line.put("ratio", 0.25);
        line.put("last", true);
        line.put("none", null);
        line.put("text", "\"quoted\"\n — ü 😀 \u0007");
        line.put("nested", new TreeMap<>(Map.of("b", 1, "a", List.of("x", 2))));
        line.put("list", Arrays.asList(1, null, "y"));
        assertEquals(DATABIND.writeValueAsString(line), Json.write(g -> Json.writeValue(g, line)));
    }

    @Test
    void readsAnyValueBackInDocumentOrder() throws Exception {
        String json = "{\"b\":[1,2.5,\"x\",true,false,null,{}],\"a\":{\"c\":\"d\"}}";
        Object value = Json.read(json, Json::value);
        assertEquals(json, Json.write(g -> Json.writeValue(g, value)));
    }

    @Test
    void refusesTextThatIsNotJson() {
        assertThrows(IOException.class, () -> Json.read("not json", Json::value));
        assertThrows(IOException.class, () -> Json.read("{\"a\":", Json::value));
        assertThrows(IOException.class, () -> Json.read("", Json::value));
    }
}
