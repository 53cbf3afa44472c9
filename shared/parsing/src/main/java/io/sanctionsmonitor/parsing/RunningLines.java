package io.sanctionsmonitor.parsing;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Drops running heads and feet of a paged document: one of the first or last two lines of a page that recurs
 * there on at least half of the pages (numbers compared as patterns, so "Page 3 of 9" matches "Page 4 of 9").
 */
final class RunningLines {
    private static final int MIN_PAGES = 3;
    private static final int EDGE_LINES = 2;

    private RunningLines() {}

    /** The pages' text joined by blank lines, without their running lines. */
    static String remove(String[] pages) {
        List<List<String>> lines = new ArrayList<>();
        for (String page : pages) {
            List<String> pageLines = new ArrayList<>();
            for (String line : page.split("\n")) {
                if (!line.isBlank()) {
                    pageLines.add(line);
                } else if (!pageLines.isEmpty() && !pageLines.getLast().isEmpty()) {
                    pageLines.add("");
                }
            }
            lines.add(pageLines);
        }
        if (lines.size() >= MIN_PAGES) {
            Map<String, Integer> counts = new HashMap<>();
            for (List<String> page : lines) {
                edges(page).stream().map(RunningLines::shape).distinct().forEach(s -> counts.merge(s, 1, Integer::sum));
            }
            int threshold = Math.max(MIN_PAGES, (lines.size() + 1) / 2);
            for (List<String> page : lines) {
                for (String edge : edges(page)) {
                    if (counts.getOrDefault(shape(edge), 0) >= threshold) {
                        page.remove(edge);
                    }
                }
            }
        }
        StringBuilder out = new StringBuilder();
        for (List<String> page : lines) {
            out.append(String.join("\n", page)).append("\n\n");
        }
        return out.toString();
    }

    /** The first and last lines of a page that has body lines besides them; none for a short page. */
    private static List<String> edges(List<String> page) {
        List<String> nonBlank = page.stream().filter(l -> !l.isBlank()).toList();
        List<String> edges = new ArrayList<>();
        int perEdge = Math.min(EDGE_LINES, (nonBlank.size() - 1) / 2);
        for (int i = 0; i < perEdge; i++) {
            edges.add(nonBlank.get(i));
            edges.add(nonBlank.get(nonBlank.size() - 1 - i));
        }
        return edges.stream().distinct().toList();
    }

    private static String shape(String line) {
        return line.strip().replaceAll("\\d+", "#").toLowerCase(Locale.ROOT);
    }
}
