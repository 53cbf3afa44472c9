package io.sanctionsmonitor.parsing;

import io.sanctionsmonitor.model.ParsedReport;
import io.sanctionsmonitor.model.ReportMetadata;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Markdown reduced to its words: headings, list items and block quotes become paragraphs; links keep their text;
 * emphasis, code marks, images, HTML tags and link definitions go. YAML front matter and a header block give
 * metadata.
 */
final class MarkdownReader {
    private static final Pattern FRONT_MATTER = Pattern.compile("(?s)\\A---\\n(.*?)\\n(?:---|\\.\\.\\.)\\n");
    private static final Pattern FRONT_FIELD = Pattern.compile("(?m)^([A-Za-z_][\\w-]*)\\s*:\\s*(.*)$");
    private static final Pattern FENCE = Pattern.compile("^\\s*(```|~~~).*$");
    private static final Pattern ATX_HEADING = Pattern.compile("^\\s{0,3}#{1,6}\\s+(.*?)(?:\\s+#+)?\\s*$");
    private static final Pattern UNDERLINE_OR_RULE = Pattern.compile("^\\s{0,3}(?:=+|-{2,}|(?:[-*_]\\s*){3,})\\s*$");
    private static final Pattern LIST_ITEM = Pattern.compile("^\\s*(?:[-*+]|\\d{1,9}[.)])\\s+(.*)$");
    private static final Pattern QUOTE = Pattern.compile("^\\s{0,3}(?:>\\s?)+(.*)$");
    private static final Pattern LINK_DEFINITION = Pattern.compile("^\\s{0,3}\\[[^\\]]+\\]:\\s*\\S+.*$");
    private static final Pattern TABLE_SEPARATOR = Pattern.compile("^\\s*\\|?\\s*:?-{2,}:?\\s*(?:\\|\\s*:?-{2,}:?\\s*)*\\|?\\s*$");
    private static final Pattern[] INLINE = {
        Pattern.compile("!\\[[^\\]]*\\]\\([^)]*\\)"),
        Pattern.compile("\\[([^\\]]+)\\]\\([^)]*\\)"),
        Pattern.compile("\\[([^\\]]+)\\]\\[[^\\]]*\\]"),
        Pattern.compile("<(https?://[^>\\s]+)>"),
        Pattern.compile("</?[A-Za-z][^>]*>"),
        Pattern.compile("`+([^`]+)`+"),
        Pattern.compile("(\\*\\*|__)(?=\\S)(.+?)(?<=\\S)\\1"),
        Pattern.compile("(?<![\\w*])\\*(?=[^\\s*])(.+?)(?<=[^\\s*])\\*(?![\\w*])"),
        Pattern.compile("(?<!\\w)_(?=[^\\s_])(.+?)(?<=[^\\s_])_(?!\\w)"),
        Pattern.compile("~~(?=\\S)(.+?)(?<=\\S)~~"),
        Pattern.compile("\\\\([\\\\`*_{}\\[\\]()#+\\-.!>|])"),
    };
    private static final String[] INLINE_REPLACEMENT = {"", "$1", "$1", "$1", "", "$1", "$2", "$1", "$1", "$1", "$1"};
    private static final Pattern[] SIGNALS = {
        Pattern.compile("(?m)^\\s{0,3}#{1,6}\\s+\\S"),
        Pattern.compile("(?m)^\\s*[-*+]\\s+\\S.*\\n\\s*[-*+]\\s+\\S"),
        Pattern.compile("\\[[^\\]\\n]+\\]\\([^)\\s]+\\)"),
        Pattern.compile("\\*\\*[^*\\n]+\\*\\*|__[^_\\n]+__"),
        Pattern.compile("(?m)^\\s*```"),
        Pattern.compile("(?m)^\\s{0,3}>\\s"),
        Pattern.compile("(?m)^\\S.*\\n\\s{0,3}(?:=+|-{3,})\\s*$"),
    };

    private MarkdownReader() {}

    /** At least two different kinds of Markdown syntax in the first few kilobytes. */
    static boolean looksLikeMarkdown(String head) {
        int kinds = 0;
        for (Pattern signal : SIGNALS) {
            if (signal.matcher(head).find()) {
                kinds++;
            }
        }
        return kinds >= 2;
    }

    static ParsedReport read(byte[] content, ParseBudget budget, Boilerplate boilerplate) {
        String source = Paragraphs.normalize(TextDecoder.decode(content).text());
        budget.checkTextLength(source.length());
        Map<String, String> front = new HashMap<>();
        Matcher fm = FRONT_MATTER.matcher(source + "\n");
        if (fm.find()) {
            Matcher field = FRONT_FIELD.matcher(fm.group(1));
            while (field.find()) {
                front.putIfAbsent(field.group(1).toLowerCase(Locale.ROOT), unquote(field.group(2)));
            }
            source = source.substring(Math.min(source.length(), fm.end()));
        }
        HeaderBlock.Split split = HeaderBlock.split(source);
        String text = boilerplate.strip(strip(split.body(), budget));
        String title = first(front.get("title"), split.title());
        String published = first(PublicationDates.normalize(first(front.get("date"), front.get("published"))),
                split.published());
        String publisher = first(front.get("publisher"), split.publisher());
        String language = first(Languages.code(first(front.get("lang"), front.get("language"))), split.language());
        return new ParsedReport(text, new ReportMetadata(ReportFormat.MARKDOWN.id(), title, published, publisher,
                language));
    }

    static String strip(String markdown, ParseBudget budget) {
        TextBuilder out = new TextBuilder(budget);
        boolean inFence = false;
        for (String line : markdown.split("\n", -1)) {
            if (FENCE.matcher(line).matches()) {
                inFence = !inFence;
                out.paragraphBreak();
                continue;
            }
            if (inFence) {
                out.appendPreformatted(line).lineBreak();
                continue;
            }
            if (line.isBlank() || UNDERLINE_OR_RULE.matcher(line).matches()) {
                out.paragraphBreak();
                continue;
            }
            if (LINK_DEFINITION.matcher(line).matches() || TABLE_SEPARATOR.matcher(line).matches()) {
                continue;
            }
            Matcher quote = QUOTE.matcher(line);
            if (quote.matches()) {
                line = quote.group(1);
            }
            Matcher heading = ATX_HEADING.matcher(line);
            Matcher item = LIST_ITEM.matcher(line);
            if (heading.matches()) {
                out.paragraphBreak().append(inline(heading.group(1))).paragraphBreak();
            } else if (item.matches()) {
                out.paragraphBreak().append(inline(item.group(1))).append(" ");
            } else if (line.strip().startsWith("|")) {
                out.lineBreak().append(inline(line.replace('|', ' '))).lineBreak();
            } else {
                out.append(inline(line)).append(" ");
            }
        }
        return out.toString();
    }

    private static String inline(String line) {
        String s = line;
        for (int i = 0; i < INLINE.length; i++) {
            s = INLINE[i].matcher(s).replaceAll(INLINE_REPLACEMENT[i]);
        }
        return s;
    }

    private static String unquote(String value) {
        String s = value.strip();
        if (s.length() >= 2 && (s.startsWith("\"") && s.endsWith("\"") || s.startsWith("'") && s.endsWith("'"))) {
            return s.substring(1, s.length() - 1);
        }
        return s.isEmpty() ? null : s;
    }

    private static String first(String a, String b) {
        return a != null && !a.isBlank() ? a : b;
    }
}
