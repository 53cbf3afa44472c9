package io.sanctionsmonitor.parsing;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.EnumSet;
import org.junit.jupiter.api.Test;

class WarmUpTest {
    @Test
    void warmUpReadsOneSampleOfEveryFormat() {
        var warmed = new DetectingReportParser(ParseLimits.defaults()).warmUp();
        assertEquals(EnumSet.allOf(ReportFormat.class), EnumSet.copyOf(warmed));
    }
}
