package io.sanctionsmonitor.parsing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ParseLimitsTest {

    @Test
    void defaultsFitA1024MbFunctionWithA60SecondTimeout() {
        ParseLimits limits = ParseLimits.defaults();
        assertEquals(20L << 20, limits.maxObjectBytes());
        assertEquals(Duration.ofSeconds(40), limits.timeBudget());
        assertEquals(256, limits.maxNestingDepth());
    }

    @Test
    void environmentVariablesOverrideDefaults() {
        ParseLimits limits = ParseLimits.fromEnvironment(Map.of(
                "PARSE_MAX_OBJECT_BYTES", "1048576",
                "PARSE_TIME_BUDGET_MS", "5000",
                "PARSE_MAX_PAGES", "10",
                "PARSE_MAX_ZIP_ENTRIES", "50"));
        assertEquals(1 << 20, limits.maxObjectBytes());
        assertEquals(Duration.ofSeconds(5), limits.timeBudget());
        assertEquals(10, limits.maxPages());
        assertEquals(50, limits.maxZipEntries());
        assertEquals(ParseLimits.defaults().maxTextChars(), limits.maxTextChars());
    }

    @Test
    void malformedVariableFailsAtStartupNamingTheVariable() {
        var e = assertThrows(IllegalArgumentException.class,
                () -> ParseLimits.fromEnvironment(Map.of("PARSE_MAX_PAGES", "many")));
        assertEquals("PARSE_MAX_PAGES must be a whole number, got 'many'", e.getMessage());
    }

    @Test
    void nonPositiveLimitIsRefused() {
        assertThrows(IllegalArgumentException.class,
                () -> ParseLimits.fromEnvironment(Map.of("PARSE_MAX_NESTING_DEPTH", "0")));
    }
}
