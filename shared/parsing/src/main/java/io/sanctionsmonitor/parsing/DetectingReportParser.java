package io.sanctionsmonitor.parsing;

import io.sanctionsmonitor.ingest.ReportParser;
import io.sanctionsmonitor.ingest.UnreadableReportException;
import io.sanctionsmonitor.model.ParsedReport;
import io.sanctionsmonitor.model.ReportMetadata;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Placeholder until format detection lands: reads UTF-8 text only, with an optional header block of
 * {@code Key: value} lines (Title, Source, Published) that becomes metadata and is not part of the text.
 */
public final class DetectingReportParser implements ReportParser {
    private static final Pattern HEADER_LINE = Pattern.compile("^(Title|Source|Published|Publisher|Language):\\s*(.*)$");
    private static final Pattern ISO_DATE = Pattern.compile("\\b(\\d{4}-\\d{2}-\\d{2}|\\d{4}-\\d{2})\\b");
    private static final Pattern YEAR = Pattern.compile("\\b((?:19|20)\\d{2})\\b");

    @Override
    public ParsedReport parse(String fileName, byte[] content) throws UnreadableReportException {
        if (content.length == 0) {
            throw new UnreadableReportException("empty file");
        }
        String text = new String(content, StandardCharsets.UTF_8);
        Map<String, String> header = new HashMap<>();
        int bodyStart = 0;
        while (bodyStart < text.length()) {
            int lineEnd = text.indexOf('\n', bodyStart);
            String line = (lineEnd < 0 ? text.substring(bodyStart) : text.substring(bodyStart, lineEnd)).strip();
            Matcher m = HEADER_LINE.matcher(line);
            if (!m.matches()) {
                break;
            }
            header.putIfAbsent(m.group(1), m.group(2).strip());
            bodyStart = lineEnd < 0 ? text.length() : lineEnd + 1;
        }
        String body = text.substring(bodyStart).strip();
        return new ParsedReport(body, new ReportMetadata("text", header.get("Title"),
                publishedDate(header.get("Published")), header.get("Publisher"), header.get("Language")));
    }

    /** An ISO date if the header gives one, else the first year it mentions ("mid-2025" gives 2025). */
    static String publishedDate(String value) {
        if (value == null) {
            return null;
        }
        Matcher iso = ISO_DATE.matcher(value);
        if (iso.find()) {
            return iso.group(1);
        }
        Matcher year = YEAR.matcher(value);
        return year.find() ? year.group(1) : null;
    }
}
