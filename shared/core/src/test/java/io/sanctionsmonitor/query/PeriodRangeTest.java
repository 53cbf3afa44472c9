package io.sanctionsmonitor.query;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Optional;
import org.junit.jupiter.api.Test;

class PeriodRangeTest {

    @Test
    void readsEveryPeriodFormOfTheGuidelines() {
        assertEquals(new PeriodRange("2024-01-01", "2024-12-31"), PeriodRange.ofPeriod("2024").orElseThrow());
        assertEquals(new PeriodRange("2024-02-01", "2024-02-29"), PeriodRange.ofPeriod("2024-02").orElseThrow());
        assertEquals(new PeriodRange("2024-03-01", "2024-10-31"), PeriodRange.ofPeriod("2024-03/2024-10").orElseThrow());
        assertEquals(new PeriodRange("2023-09-01", PeriodRange.OPEN_END), PeriodRange.ofPeriod("2023-09/").orElseThrow());
        assertEquals(new PeriodRange("2024-01-02", "2024-01-02"), PeriodRange.ofPeriod("2024-01-02").orElseThrow());
    }

    @Test
    void malformedOrReversedPeriodsHaveNoRange() {
        assertEquals(Optional.empty(), PeriodRange.ofPeriod("last spring"));
        assertEquals(Optional.empty(), PeriodRange.ofPeriod("2024-13"));
        assertEquals(Optional.empty(), PeriodRange.ofPeriod("2025/2024"));
        assertEquals(Optional.empty(), PeriodRange.ofPeriod(null));
    }

    @Test
    void overlapIsInclusiveOnBothEnds() {
        PeriodRange r = PeriodRange.ofPeriod("2024-03/2024-10").orElseThrow();
        assertTrue(r.overlaps("2024-10-31", null));
        assertFalse(r.overlaps("2024-11-01", null));
        assertTrue(r.overlaps(null, "2024-03-01"));
        assertFalse(r.overlaps(null, "2024-02-29"));
    }
}
