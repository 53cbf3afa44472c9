package io.sanctionsmonitor.extract;

import io.sanctionsmonitor.model.Finding;
import io.sanctionsmonitor.model.ParsedReport;
import java.util.List;

/** Reads the findings an analyst would write down from a report's text. Pure: no I/O, no clock. */
public interface FindingExtractor {

    /** Findings in document order, without ids; evidence offsets index into {@code report.text()}. */
    List<Finding> extract(ParsedReport report);
}
