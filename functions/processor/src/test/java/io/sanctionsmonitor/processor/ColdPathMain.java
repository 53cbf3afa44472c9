package io.sanctionsmonitor.processor;

import io.sanctionsmonitor.extract.RuleBasedFindingExtractor;
import io.sanctionsmonitor.parsing.DetectingReportParser;

/**
 * Run in a child JVM by {@link ColdPathClassesTest}: the priming hook's made-up notification through notification
 * parsing, parse, extract, the log lines and the findings' JSON, without the warm-up of every format's reader
 * (a text report does not need them). Exits 0 only when the report gave findings.
 */
final class ColdPathMain {

    private ColdPathMain() {}

    public static void main(String[] args) {
        ProcessorPriming priming = new ProcessorPriming(new DetectingReportParser(), () -> { },
                new RuleBasedFindingExtractor());
        priming.beforeCheckpoint(null);
        if (priming.primedFindings() <= 0) {
            System.err.println("the priming report gave no findings");
            System.exit(1);
        }
    }
}
