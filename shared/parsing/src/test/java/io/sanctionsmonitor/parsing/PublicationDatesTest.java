package io.sanctionsmonitor.parsing;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class PublicationDatesTest {

    @ParameterizedTest
    @CsvSource(delimiter = '|', nullValues = "NULL", value = {
        "2025-03-04T10:00:00+02:00 | 2025-03-04",
        "2025-03 | 2025-03",
        "March 4, 2025 | 2025-03-04",
        "Tue, Mar. 4th, 2025 | 2025-03-04",
        "4 March 2025 | 2025-03-04",
        "4 de marzo de 2025 | 2025-03-04",
        "4. März 2025 | 2025-03-04",
        "December 2024 | 2024-12",
        "20250304 | 2025-03-04",
        "unknown (mid-2025: it cites a December 2024 statement) | 2025",
        "unknown | NULL",
        "2025-02-30 | 2025",
    })
    void normalizesDatesAsReportsWriteThem(String value, String expected) {
        assertEquals(expected, PublicationDates.normalize(value));
    }
}
