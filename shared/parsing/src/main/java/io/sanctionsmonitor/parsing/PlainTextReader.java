package io.sanctionsmonitor.parsing;

import io.sanctionsmonitor.model.ParsedReport;
import io.sanctionsmonitor.model.ReportMetadata;

/** Plain text in any common encoding, with an optional {@code Key: value} header block. */
final class PlainTextReader {
    private PlainTextReader() {}

    static ParsedReport read(byte[] content, ParseBudget budget, Boilerplate boilerplate) {
        String text = TextDecoder.decode(content).text();
        budget.checkTextLength(text.length());
        HeaderBlock.Split split = HeaderBlock.split(Paragraphs.normalize(text));
        String body = boilerplate.strip(split.body());
        return new ParsedReport(body, new ReportMetadata(ReportFormat.TEXT.id(), split.title(), split.published(),
                split.publisher(), split.language()));
    }
}
