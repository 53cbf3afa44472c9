package io.sanctionsmonitor.parsing;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.pdfbox.text.TextPosition;

/**
 * Reading order for multi-column pages. PDFBox's sort by position reads a two-column page line by line across both
 * columns; this finds a vertical gutter (an x range almost no line has a glyph in, with text on both sides) and
 * splits the page into blocks: full-width lines stay where they are, and between them the left column is read
 * before the right one. Columns are split again, so three columns work too.
 */
final class ColumnLayout {
    private static final int MIN_GLYPHS = 40;
    private static final float MIN_GUTTER_WIDTH = 6f;
    private static final double MAX_GUTTER_COVERAGE = 0.1;
    private static final double MIN_SIDE_SHARE = 0.25;
    private static final double CENTRAL_REGION = 0.15;

    private ColumnLayout() {}

    static List<List<TextPosition>> readingOrder(List<TextPosition> glyphs) {
        List<List<TextPosition>> blocks = new ArrayList<>();
        split(glyphs, blocks, 0);
        return blocks;
    }

    private static void split(List<TextPosition> glyphs, List<List<TextPosition>> out, int level) {
        float[] gutter = glyphs.size() < MIN_GLYPHS || level > 3 ? null : gutter(lines(glyphs));
        if (gutter == null) {
            if (!glyphs.isEmpty()) {
                out.add(glyphs);
            }
            return;
        }
        List<TextPosition> full = new ArrayList<>();
        List<TextPosition> left = new ArrayList<>();
        List<TextPosition> right = new ArrayList<>();
        for (List<TextPosition> line : lines(glyphs).values()) {
            boolean spans = line.stream().anyMatch(g -> g.getXDirAdj() < gutter[1]
                    && g.getXDirAdj() + g.getWidthDirAdj() > gutter[0]);
            if (spans) {
                if (!left.isEmpty() || !right.isEmpty()) {
                    flush(full, left, right, out, level);
                    full = new ArrayList<>();
                    left = new ArrayList<>();
                    right = new ArrayList<>();
                }
                full.addAll(line);
            } else {
                if (!full.isEmpty()) {
                    out.add(full);
                    full = new ArrayList<>();
                }
                for (TextPosition g : line) {
                    (g.getXDirAdj() < gutter[0] ? left : right).add(g);
                }
            }
        }
        flush(full, left, right, out, level);
    }

    private static void flush(List<TextPosition> full, List<TextPosition> left, List<TextPosition> right,
            List<List<TextPosition>> out, int level) {
        if (!full.isEmpty()) {
            out.add(full);
        }
        split(left, out, level + 1);
        split(right, out, level + 1);
    }

    /** Glyphs grouped by baseline, top to bottom. */
    private static Map<Integer, List<TextPosition>> lines(List<TextPosition> glyphs) {
        Map<Integer, List<TextPosition>> lines = new TreeMap<>();
        for (TextPosition g : glyphs) {
            lines.computeIfAbsent(Math.round(g.getYDirAdj()), y -> new ArrayList<>()).add(g);
        }
        return lines;
    }

    /** The widest central x range that at most a tenth of the lines touch, with enough text either side. */
    private static float[] gutter(Map<Integer, List<TextPosition>> lines) {
        float minX = Float.MAX_VALUE;
        float maxX = -Float.MAX_VALUE;
        for (List<TextPosition> line : lines.values()) {
            for (TextPosition g : line) {
                minX = Math.min(minX, g.getXDirAdj());
                maxX = Math.max(maxX, g.getXDirAdj() + g.getWidthDirAdj());
            }
        }
        int bins = (int) Math.ceil(maxX - minX) + 1;
        if (bins < 50 || lines.size() < 4) {
            return null;
        }
        int[] coverage = new int[bins];
        for (List<TextPosition> line : lines.values()) {
            boolean[] covered = new boolean[bins];
            for (TextPosition g : line) {
                int from = Math.max(0, (int) Math.floor(g.getXDirAdj() - minX));
                int to = Math.min(bins - 1, (int) Math.ceil(g.getXDirAdj() + g.getWidthDirAdj() - minX));
                for (int b = from; b < to; b++) {
                    covered[b] = true;
                }
            }
            for (int b = 0; b < bins; b++) {
                if (covered[b]) {
                    coverage[b]++;
                }
            }
        }
        int maxCovered = (int) Math.floor(lines.size() * MAX_GUTTER_COVERAGE);
        int lo = (int) (bins * CENTRAL_REGION);
        int hi = (int) (bins * (1 - CENTRAL_REGION));
        int bestStart = -1;
        int bestWidth = 0;
        for (int b = lo; b < hi; b++) {
            if (coverage[b] <= maxCovered) {
                int start = b;
                while (b < hi && coverage[b] <= maxCovered) {
                    b++;
                }
                if (b - start > bestWidth) {
                    bestWidth = b - start;
                    bestStart = start;
                }
            }
        }
        if (bestStart < 0 || bestWidth < MIN_GUTTER_WIDTH) {
            return null;
        }
        float gutterFrom = minX + bestStart;
        float gutterTo = gutterFrom + bestWidth;
        int leftLines = 0;
        int rightLines = 0;
        for (List<TextPosition> line : lines.values()) {
            if (line.stream().anyMatch(g -> g.getXDirAdj() + g.getWidthDirAdj() <= gutterFrom)) {
                leftLines++;
            }
            if (line.stream().anyMatch(g -> g.getXDirAdj() >= gutterTo)) {
                rightLines++;
            }
        }
        if (leftLines < lines.size() * MIN_SIDE_SHARE || rightLines < lines.size() * MIN_SIDE_SHARE) {
            return null;
        }
        return new float[] {gutterFrom, gutterTo};
    }
}
