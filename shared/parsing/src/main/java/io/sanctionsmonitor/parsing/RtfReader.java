package io.sanctionsmonitor.parsing;

import io.sanctionsmonitor.model.ParsedReport;
import io.sanctionsmonitor.model.ReportMetadata;
import java.nio.charset.Charset;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * A small RTF reader: follows groups and control words, keeps body text ({@code \par} paragraphs, {@code \'hh}
 * bytes in the document's code page, {@code \\uN} Unicode), skips font/colour/style tables, pictures, objects,
 * headers, footers and field instructions, and reads title, author and creation time from {@code \info}.
 * Leaner than javax.swing.text.rtf (no Swing at cold start) and it handles {@code \\uN}, which Swing drops.
 */
final class RtfReader {
    private static final Set<String> SKIPPED_DESTINATIONS = Set.of("fonttbl", "colortbl", "stylesheet", "pict",
            "object", "header", "headerl", "headerr", "headerf", "footer", "footerl", "footerr", "footerf", "footnote",
            "fldinst", "themedata", "colorschememapping", "datastore", "latentstyles", "listtable",
            "listoverridetable", "rsidtbl", "generator", "xmlnstbl", "mmathPr", "pgdsctbl", "filetbl", "revtbl",
            "annotation", "atnid", "atnauthor", "bkmkstart", "bkmkend", "operator", "company", "keywords", "subject",
            "doccomm", "comment", "category", "manager", "hlinkbase", "nonshppict", "shppict", "userprops");
    private static final Set<String> INFO_FIELDS = Set.of("title", "author");
    private static final Map<String, String> SYMBOLS = Map.ofEntries(
            Map.entry("emdash", "\u2014"), Map.entry("endash", "\u2013"), Map.entry("bullet", "\u2022"),
            Map.entry("lquote", "\u2018"), Map.entry("rquote", "\u2019"), Map.entry("ldblquote", "\u201C"),
            Map.entry("rdblquote", "\u201D"), Map.entry("tab", " "), Map.entry("emspace", " "),
            Map.entry("enspace", " "), Map.entry("qmspace", " "), Map.entry("cell", " "));

    private RtfReader() {}

    /** What a group inherits and may change: whether its text is skipped or captured, and the \\uc count. */
    private static final class State {
        boolean skip;
        String capture;
        int unicodeSkip = 1;

        State copy() {
            State s = new State();
            s.skip = skip;
            s.capture = capture;
            s.unicodeSkip = unicodeSkip;
            return s;
        }
    }

    static ParsedReport read(byte[] content, ParseBudget budget, Boilerplate boilerplate) {
        String rtf = new String(content, java.nio.charset.StandardCharsets.ISO_8859_1);
        TextBuilder out = new TextBuilder(budget);
        Map<String, StringBuilder> info = new HashMap<>();
        Map<String, Integer> created = new HashMap<>();
        Deque<State> stack = new ArrayDeque<>();
        State state = new State();
        Charset codePage = TextDecoder.WINDOWS_1252;
        boolean groupStart = false;
        int pendingSkip = 0;
        int n = rtf.length();
        int i = 0;
        while (i < n) {
            char c = rtf.charAt(i);
            if (c == '{') {
                stack.push(state);
                state = state.copy();
                budget.checkDepth(stack.size(), "RTF group");
                groupStart = true;
                i++;
                continue;
            }
            if (c == '}') {
                state = stack.isEmpty() ? new State() : stack.pop();
                groupStart = false;
                i++;
                continue;
            }
            if (c == '\\' && i + 1 < n) {
                char next = rtf.charAt(i + 1);
                if (Character.isLetter(next)) {
                    int start = i + 1;
                    int j = start;
                    while (j < n && Character.isLetter(rtf.charAt(j))) {
                        j++;
                    }
                    String word = rtf.substring(start, j);
                    int paramStart = j;
                    if (j < n && (rtf.charAt(j) == '-' || Character.isDigit(rtf.charAt(j)))) {
                        j++;
                        while (j < n && Character.isDigit(rtf.charAt(j))) {
                            j++;
                        }
                    }
                    Integer param = j > paramStart ? parseInt(rtf.substring(paramStart, j)) : null;
                    if (j < n && rtf.charAt(j) == ' ') {
                        j++;
                    }
                    i = j;
                    if (word.equals("bin") && param != null) {
                        i = (int) Math.min(n, (long) i + Math.max(0, param)); // raw binary data follows
                        groupStart = false;
                        continue;
                    }
                    boolean destination = groupStart;
                    groupStart = false;
                    if (pendingSkip > 0 && !word.equals("u")) {
                        pendingSkip = 0;
                    }
                    if (destination && SKIPPED_DESTINATIONS.contains(word)) {
                        state.skip = true;
                    } else if (destination && INFO_FIELDS.contains(word)) {
                        state.capture = word;
                        info.put(word, new StringBuilder());
                    } else if (word.equals("info")) {
                        state.skip = true;
                    } else if (word.equals("ansicpg") && param != null) {
                        codePage = charset(param, codePage);
                    } else if (word.equals("uc") && param != null) {
                        state.unicodeSkip = Math.max(0, param);
                    } else if (word.equals("u") && param != null) {
                        emit(String.valueOf((char) (param < 0 ? param + 65536 : param)), state, out, info);
                        pendingSkip = state.unicodeSkip;
                    } else if (destination && word.equals("creatim")) {
                        state.capture = word;
                    } else if ("creatim".equals(state.capture) && param != null
                            && (word.equals("yr") || word.equals("mo") || word.equals("dy"))) {
                        created.put(word, param);
                    } else if (!state.skip && state.capture == null) {
                        switch (word) {
                            case "par", "sect", "page" -> out.paragraphBreak();
                            case "line", "row" -> out.lineBreak();
                            default -> {
                                String symbol = SYMBOLS.get(word);
                                if (symbol != null) {
                                    out.append(symbol);
                                }
                            }
                        }
                    }
                    continue;
                }
                groupStart = false;
                i += 2;
                switch (next) {
                    case '*' -> state.skip = true;
                    case '\'' -> {
                        if (i + 2 <= n) {
                            int value = hex(rtf, i);
                            i += 2;
                            if (pendingSkip > 0) {
                                pendingSkip--;
                            } else if (value >= 0) {
                                emit(new String(new byte[] {(byte) value}, codePage), state, out, info);
                            }
                        }
                    }
                    case '~' -> emit(" ", state, out, info);
                    case '_' -> emit("-", state, out, info);
                    case '\\', '{', '}' -> emit(String.valueOf(next), state, out, info);
                    case '\n', '\r' -> {
                        if (!state.skip && state.capture == null) {
                            out.paragraphBreak();
                        }
                    }
                    default -> { }
                }
                continue;
            }
            groupStart = false;
            i++;
            if (c == '\n' || c == '\r') {
                continue;
            }
            if (pendingSkip > 0) {
                pendingSkip--;
                continue;
            }
            emit(String.valueOf(c), state, out, info);
        }
        String text = boilerplate.strip(out.toString());
        String title = info.containsKey("title") ? info.get("title").toString().strip() : null;
        String author = info.containsKey("author") ? info.get("author").toString().strip() : null;
        String date = created.containsKey("yr") ? PublicationDates.normalize(String.format(Locale.ROOT, "%04d-%02d-%02d",
                created.get("yr"), created.getOrDefault("mo", 1), created.getOrDefault("dy", 1))) : null;
        return new ParsedReport(text, new ReportMetadata(ReportFormat.RTF.id(), blankToNull(title), date,
                blankToNull(author), null));
    }

    private static void emit(String s, State state, TextBuilder out, Map<String, StringBuilder> info) {
        if (state.capture != null) {
            info.computeIfAbsent(state.capture, k -> new StringBuilder()).append(s);
        } else if (!state.skip) {
            out.append(s);
        }
    }

    private static Charset charset(int codePage, Charset fallback) {
        try {
            return Charset.forName(codePage == 65001 ? "UTF-8" : "windows-" + codePage);
        } catch (IllegalArgumentException e) {
            return fallback;
        }
    }

    private static int hex(String s, int at) {
        try {
            return Integer.parseInt(s.substring(at, at + 2), 16);
        } catch (NumberFormatException e) {
            return -1;
        }
    }

    private static Integer parseInt(String s) {
        try {
            return Integer.parseInt(s);
        } catch (NumberFormatException e) {
            return null;
        }
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s;
    }
}
