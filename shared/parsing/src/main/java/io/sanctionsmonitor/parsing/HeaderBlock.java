package io.sanctionsmonitor.parsing;

import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The {@code Key: value} lines some text reports start with (Title, Source, Published, Date, ...): they become
 * metadata and are not part of the text. A {@code Published:} or {@code Date:} line among the first lines after
 * an untagged title also gives the date, but stays in the text.
 */
final class HeaderBlock {
    private static final Pattern HEADER_LINE = Pattern.compile(
            "(?i)^(Title|Source|Published|Publication date|Date|Publisher|Language|Lang|Author|By|URL|Updated):\\s*(.*)$");
    private static final Pattern DATE_LINE = Pattern.compile(
            "(?i)^(?:Published|Publication date|Date|Posted|First published)(?: on)?\\s*:?\\s+(.*\\d{4}.*)$");
    private static final int DATE_LINE_WINDOW = 8;

    private HeaderBlock() {}

    record Split(Map<String, String> fields, String body) {
        String title() {
            return fields.get("title");
        }

        String published() {
            String value = fields.getOrDefault("published", fields.getOrDefault("publication date",
                    fields.get("date")));
            return PublicationDates.normalize(value);
        }

        String publisher() {
            return fields.get("publisher");
        }

        String language() {
            return Languages.code(fields.getOrDefault("language", fields.get("lang")));
        }
    }

    static Split split(String text) {
        Map<String, String> fields = new HashMap<>();
        int bodyStart = 0;
        while (bodyStart < text.length()) {
            int lineEnd = text.indexOf('\n', bodyStart);
            String line = (lineEnd < 0 ? text.substring(bodyStart) : text.substring(bodyStart, lineEnd)).strip();
            Matcher m = HEADER_LINE.matcher(line);
            if (!m.matches()) {
                break;
            }
            fields.putIfAbsent(m.group(1).toLowerCase(Locale.ROOT), m.group(2).strip());
            bodyStart = lineEnd < 0 ? text.length() : lineEnd + 1;
        }
        String body = text.substring(bodyStart);
        if (!fields.containsKey("published") && !fields.containsKey("date")) {
            String dateLine = dateLine(body);
            if (dateLine != null) {
                fields.put("date", dateLine);
            }
        }
        return new Split(fields, body);
    }

    /** A date line among the first non-blank lines of the body, e.g. after a headline. */
    private static String dateLine(String body) {
        int seen = 0;
        for (String line : body.split("\n", 64)) {
            String s = line.strip();
            if (s.isEmpty()) {
                continue;
            }
            if (++seen > DATE_LINE_WINDOW) {
                break;
            }
            Matcher m = DATE_LINE.matcher(s);
            if (m.matches() && s.length() < 120) {
                return m.group(1);
            }
        }
        return null;
    }
}
