package io.sanctionsmonitor.parsing;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Site furniture patterns from {@code parsing/boilerplate.txt}: lines dropped anywhere, the lines that start
 * trailing teasers and comment forms, credit lines, and the HTML class/id parts of widgets.
 */
final class Boilerplate {
    /**
     * Trailing furniture is at most this long and starts in the last part of the text, or else is followed only
     * by short lines (teaser titles, form labels), never by prose.
     */
    private static final double TAIL_REGION = 0.4;
    private static final int MAX_TAIL_CHARS = 5000;
    private static final int MAX_FURNITURE_LINE = 150;

    private static final Boilerplate DEFAULT = load("/parsing/boilerplate.txt");

    private final Pattern line;
    private final Pattern tailStart;
    private final Pattern tailLine;
    private final Pattern htmlNoise;

    private Boilerplate(Map<String, List<String>> sections) {
        this.line = compile(sections.get("line"));
        this.tailStart = compile(sections.get("tail-start"));
        this.tailLine = compile(sections.get("tail-line"));
        this.htmlNoise = compile(sections.get("html-noise"));
    }

    static Boilerplate defaults() {
        return DEFAULT;
    }

    /** Drops furniture lines anywhere and the trailing furniture run; paragraphs stay separated by blank lines. */
    String strip(String text) {
        List<String> lines = new ArrayList<>(List.of(text.split("\n", -1)));
        lines.removeIf(l -> isFurnitureLine(l));
        cutTail(lines);
        return Paragraphs.normalize(String.join("\n", lines));
    }

    /** Whether one part of an HTML class or id names a widget. */
    boolean isNoiseToken(String token) {
        return htmlNoise.matcher(token).matches();
    }

    private boolean isFurnitureLine(String l) {
        String s = l.strip();
        return !s.isEmpty() && s.length() <= MAX_FURNITURE_LINE && line.matcher(s).matches();
    }

    private void cutTail(List<String> lines) {
        int total = 0;
        for (String l : lines) {
            total += l.length() + 1;
        }
        int offset = 0;
        int regionStart = (int) (total * (1 - TAIL_REGION));
        for (int i = 0; i < lines.size(); i++) {
            String s = lines.get(i).strip();
            if (i > 0 && total - offset <= MAX_TAIL_CHARS && !s.isEmpty() && s.length() <= MAX_FURNITURE_LINE
                    && tailStart.matcher(s).matches() && (offset >= regionStart || onlyShortLinesAfter(lines, i))) {
                lines.subList(i, lines.size()).clear();
                break;
            }
            offset += lines.get(i).length() + 1;
        }
        for (int i = lines.size() - 1; i > 0; i--) {
            String s = lines.get(i).strip();
            if (s.isEmpty() || (s.length() <= MAX_FURNITURE_LINE && tailLine.matcher(s).matches())) {
                lines.remove(i);
            } else {
                break;
            }
        }
    }

    private static boolean onlyShortLinesAfter(List<String> lines, int index) {
        for (int i = index + 1; i < lines.size(); i++) {
            if (lines.get(i).strip().length() > MAX_FURNITURE_LINE) {
                return false;
            }
        }
        return true;
    }

    private static Pattern compile(List<String> alternatives) {
        if (alternatives == null || alternatives.isEmpty()) {
            return Pattern.compile("(?!)");
        }
        return Pattern.compile("(?iu)(?:" + String.join(")|(?:", alternatives) + ")");
    }

    static Boilerplate load(String resource) {
        Map<String, List<String>> sections = new HashMap<>();
        List<String> current = null;
        for (String line : ResourceLines.read(resource)) {
            if (line.startsWith("[") && line.endsWith("]")) {
                current = sections.computeIfAbsent(line.substring(1, line.length() - 1), k -> new ArrayList<>());
            } else if (current != null) {
                current.add(line);
            }
        }
        return new Boilerplate(sections);
    }
}
