package io.sanctionsmonitor.text;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Splits text into sentences with exact character offsets.
 *
 * <p>A sentence ends at '.', '!' or '?' (with any closing quotes or brackets) followed by space and a capital,
 * digit or opening quote; at a blank line; and at the end of a bullet line. Abbreviations ("U.S.", "Dec.", "No."),
 * initials ("Kim J. Un") and decimals ("3.6") do not end a sentence. Bullet markers are left out of the sentence.
 * Stateless and thread-safe.
 */
public final class SentenceSegmenter {

    /** Words that are followed by a period without ending a sentence (compared lowercased, without the dot). */
    private static final Set<String> ABBREVIATIONS = Set.of(
            "u.s", "u.n", "u.k", "e.u", "d.c", "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct",
            "nov", "dec", "no", "nos", "mr", "mrs", "ms", "dr", "prof", "gen", "lt", "col", "adm", "maj", "capt",
            "sgt", "sen", "rep", "gov", "st", "corp", "inc", "ltd", "co", "vs", "etc", "e.g", "i.e", "jr", "sr",
            "approx", "est", "fig", "vol", "pp", "dept", "univ", "ave", "mt", "ft");

    public List<Sentence> split(String text) {
        List<Sentence> out = new ArrayList<>();
        int n = text.length();
        int lineStart = 0;
        int start = -1;
        while (lineStart < n) {
            int lineEnd = text.indexOf('\n', lineStart);
            if (lineEnd < 0) {
                lineEnd = n;
            }
            int contentStart = skipSpace(text, lineStart, lineEnd);
            boolean blank = contentStart >= lineEnd;
            int bulletEnd = blank ? -1 : bulletContentStart(text, contentStart, lineEnd);
            if (blank || bulletEnd >= 0) {
                flush(text, start, lineStart, out);
                start = -1;
            }
            if (!blank) {
                int from = bulletEnd >= 0 ? bulletEnd : contentStart;
                if (start < 0) {
                    start = from;
                }
                start = scanLine(text, start, from, lineEnd, out);
                if (bulletEnd >= 0) {
                    flush(text, start, lineEnd, out);
                    start = -1;
                }
            }
            lineStart = lineEnd + 1;
        }
        flush(text, start, n, out);
        return out;
    }

    /** Scans one line for sentence ends; returns where the open sentence starts (or -1 when none is open). */
    private int scanLine(String text, int start, int from, int lineEnd, List<Sentence> out) {
        for (int i = from; i < lineEnd; i++) {
            char c = text.charAt(i);
            if (c != '.' && c != '!' && c != '?') {
                continue;
            }
            int end = i + 1;
            while (end < lineEnd && isCloser(text.charAt(end))) {
                end++;
            }
            int next = skipSpace(text, end, lineEnd);
            if (next >= lineEnd) {
                if (c != '.' || !isAbbreviation(text, i)) {
                    flush(text, start, end, out);
                    start = lineEnd;
                }
                i = end - 1;
                continue;
            }
            boolean spaced = next > end;
            char following = text.charAt(next);
            boolean startsSentence = Character.isUpperCase(following) || Character.isDigit(following)
                    || following == '"' || following == '“' || following == '‘' || following == '[';
            boolean glued = !spaced && c == '.' && Character.isUpperCase(following) && gluedBoundary(text, i, next, lineEnd);
            if ((spaced && startsSentence || glued) && (c != '.' || !isAbbreviation(text, i))) {
                flush(text, start, end, out);
                start = next;
                i = next - 1;
            }
        }
        return start >= lineEnd ? -1 : start;
    }

    /** "said.In addition": a lowercase word, a period and a capitalised word with no space between. */
    private static boolean gluedBoundary(String text, int dot, int next, int lineEnd) {
        return dot >= 2 && Character.isLowerCase(text.charAt(dot - 1)) && Character.isLowerCase(text.charAt(dot - 2))
                && next + 1 < lineEnd && Character.isLowerCase(text.charAt(next + 1));
    }

    private static boolean isAbbreviation(String text, int dot) {
        int b = dot;
        while (b > 0 && (Character.isLetter(text.charAt(b - 1)) || text.charAt(b - 1) == '.')) {
            b--;
        }
        String word = text.substring(b, dot);
        if (word.isEmpty()) {
            return false;
        }
        if (word.length() == 1 && Character.isUpperCase(word.charAt(0))) {
            return true; // an initial
        }
        if (word.indexOf('.') >= 0 && word.length() <= 5) {
            return true; // "U.S", "e.g"
        }
        return ABBREVIATIONS.contains(word.toLowerCase(Locale.ROOT));
    }

    private static boolean isCloser(char c) {
        return c == '"' || c == '”' || c == '’' || c == '\'' || c == ')' || c == ']';
    }

    private static int skipSpace(String text, int i, int limit) {
        while (i < limit && Character.isWhitespace(text.charAt(i))) {
            i++;
        }
        return i;
    }

    /** Where a bullet line's content starts, or -1 when the line is not a bullet. */
    private static int bulletContentStart(String text, int i, int lineEnd) {
        char c = text.charAt(i);
        int j;
        if (c == '•' || c == '·' || c == '▪' || c == '‣' || c == '◦' || c == '*' || c == '-' || c == '–') {
            j = i + 1;
        } else if (Character.isDigit(c)) {
            j = i;
            while (j < lineEnd && Character.isDigit(text.charAt(j))) {
                j++;
            }
            if (j >= lineEnd || j - i > 2 || (text.charAt(j) != '.' && text.charAt(j) != ')')) {
                return -1;
            }
            j++;
        } else {
            return -1;
        }
        if (j >= lineEnd || !Character.isWhitespace(text.charAt(j))) {
            return -1;
        }
        return skipSpace(text, j, lineEnd);
    }

    private static void flush(String text, int start, int end, List<Sentence> out) {
        if (start < 0 || start >= end) {
            return;
        }
        int s = skipSpace(text, start, end);
        int e = end;
        while (e > s && Character.isWhitespace(text.charAt(e - 1))) {
            e--;
        }
        if (s < e) {
            out.add(new Sentence(s, e, text.substring(s, e)));
        }
    }
}
