package io.sanctionsmonitor.parsing;

import io.sanctionsmonitor.ingest.ReportParser;
import io.sanctionsmonitor.ingest.UnreadableReportException;
import io.sanctionsmonitor.model.ParsedReport;
import io.sanctionsmonitor.model.ReportMetadata;
import java.nio.charset.StandardCharsets;

/** Placeholder until format detection lands: reads UTF-8 text only. */
public final class DetectingReportParser implements ReportParser {
    @Override
    public ParsedReport parse(String fileName, byte[] content) throws UnreadableReportException {
        if (content.length == 0) {
            throw new UnreadableReportException("empty file");
        }
        return new ParsedReport(new String(content, StandardCharsets.UTF_8), ReportMetadata.of("text"));
    }
}
