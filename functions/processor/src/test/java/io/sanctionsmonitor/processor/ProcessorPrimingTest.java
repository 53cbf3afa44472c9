package io.sanctionsmonitor.processor;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.sanctionsmonitor.extract.RuleBasedFindingExtractor;
import io.sanctionsmonitor.parsing.DetectingReportParser;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** The SnapStart hook warms the real parse and extraction path on a made-up report, touching nothing else. */
class ProcessorPrimingTest {

    @Test
    void beforeCheckpointRunsTheParserWarmUpAndTheRealExtractionOnTheMadeUpReport() throws Exception {
        AtomicInteger warmUps = new AtomicInteger();
        ProcessorPriming priming = new ProcessorPriming(new ObjectMapper(), new DetectingReportParser(),
                warmUps::incrementAndGet, new RuleBasedFindingExtractor());

        priming.beforeCheckpoint(null);
        priming.afterRestore(null);

        assertEquals(1, warmUps.get());
        assertTrue(priming.primedFindings() > 0, "the priming report should exercise extraction, not skip it");
    }
}
