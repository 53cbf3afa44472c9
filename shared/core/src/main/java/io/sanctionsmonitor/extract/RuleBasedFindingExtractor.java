package io.sanctionsmonitor.extract;

import io.sanctionsmonitor.model.Finding;
import io.sanctionsmonitor.model.ParsedReport;
import java.util.List;

/** Placeholder until the rule-based extractor lands: finds nothing. */
public final class RuleBasedFindingExtractor implements FindingExtractor {
    @Override
    public List<Finding> extract(ParsedReport report) {
        return List.of();
    }
}
