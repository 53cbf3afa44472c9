package io.sanctionsmonitor.extract;

import java.util.ArrayList;
import java.util.List;

/**
 * Splits a sentence into tokens. Words keep inner hyphens ("MiG-29", "152-millimeter") and dots of
 * abbreviations ("U.S."); numbers keep thousands separators and decimals ("1,000", "2.84"); a possessive
 * "'s" becomes its own token. Keys are lowercased, with curly quotes straightened and a plural "s" removed,
 * so that lexicon phrases and text meet in one form. Stateless and thread-safe.
 */
final class Tokenizer {

    List<Token> tokenize(String s) {
        List<Token> out = new ArrayList<>();
        int n = s.length();
        int i = 0;
        while (i < n) {
            char c = s.charAt(i);
            if (isSpace(c)) {
                i++;
                continue;
            }
            int start = i;
            if (isDigit(c)) {
                i++;
                while (i < n) {
                    char d = s.charAt(i);
                    if (isDigit(d)) {
                        i++;
                    } else if ((d == ',' || d == '.') && i + 1 < n && isDigit(s.charAt(i + 1))) {
                        i++;
                    } else if (d == '-' && i + 1 < n && isLetter(s.charAt(i + 1))) {
                        i++; // "152-millimeter"; "10,000-12,000" splits into a range
                    } else if (isLetter(d)) {
                        i++;
                    } else {
                        break;
                    }
                }
            } else if (isLetter(c)) {
                i++;
                while (i < n) {
                    char d = s.charAt(i);
                    if (isLetterOrDigit(d)) {
                        i++;
                    } else if ((d == '-' || d == '.') && i + 1 < n && isLetterOrDigit(s.charAt(i + 1))
                            && (d == '-' || isAbbreviationDot(s, start, i))) {
                        i++;
                    } else if (d == '.' && isAbbreviationDot(s, start, i) && i - start <= 3) {
                        i++; // final dot of "U.S."
                        break;
                    } else {
                        break;
                    }
                }
            } else if ((c == '\'' || c == '’') && i + 1 < n && (s.charAt(i + 1) == 's' || s.charAt(i + 1) == 'S')
                    && (i + 2 >= n || !isLetter(s.charAt(i + 2)))) {
                i += 2;
            } else {
                i++;
            }
            String text = s.substring(start, i);
            String lower = fold(text);
            out.add(new Token(start, i, text, lower, stem(lower)));
        }
        return out;
    }

    // ASCII first: almost every character of an English report is ASCII, and Character's tables are slower
    private static boolean isDigit(char c) {
        return c >= '0' && c <= '9' || c > 127 && Character.isDigit(c);
    }

    private static boolean isLetter(char c) {
        return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c > 127 && Character.isLetter(c);
    }

    private static boolean isLetterOrDigit(char c) {
        return isLetter(c) || isDigit(c);
    }

    private static boolean isSpace(char c) {
        return c == ' ' || c == '\n' || c == '\t' || c == '\r' || c > 127 && Character.isWhitespace(c)
                || c == '\u00a0' || c < 32 && Character.isWhitespace(c);
    }

    /** Lowercase with curly quotes straightened and dashes made hyphens, in one pass. */
    private static String fold(String word) {
        char[] out = null;
        for (int i = 0; i < word.length(); i++) {
            char c = word.charAt(i);
            char f;
            if (c >= 'a' && c <= 'z' || c >= '0' && c <= '9' || c == '-' || c == '.' || c == ',') {
                f = c;
            } else if (c >= 'A' && c <= 'Z') {
                f = (char) (c + 32);
            } else if (c == '’' || c == '‘') {
                f = '\'';
            } else if (c == '“' || c == '”') {
                f = '"';
            } else if (c == '–' || c == '—') {
                f = '-';
            } else {
                f = Character.toLowerCase(c);
            }
            if (f != c && out == null) {
                out = word.toCharArray();
            }
            if (out != null) {
                out[i] = f;
            }
        }
        return out == null ? word : new String(out);
    }

    /** A dot inside "U.S." or "U.N.": single letters separated by dots. */
    private static boolean isAbbreviationDot(String s, int wordStart, int dot) {
        return dot - wordStart == 1 || (dot >= 2 && s.charAt(dot - 2) == '.');
    }

    static String normalise(String word) {
        return stem(fold(word));
    }

    /** Drops a plural or possessive "s" from a folded word. */
    private static String stem(String w) {
        if (w.equals("'s")) {
            return w;
        }
        if (w.endsWith("'s")) {
            w = w.substring(0, w.length() - 2);
        }
        int len = w.length();
        if (len > 4 && w.endsWith("ies")) {
            return w.substring(0, len - 3) + "y";
        }
        if (len > 4 && (w.endsWith("ches") || w.endsWith("shes") || w.endsWith("sses") || w.endsWith("xes"))) {
            return w.substring(0, len - 2);
        }
        if (len > 3 && w.endsWith("s") && !w.endsWith("ss") && !w.endsWith("us") && !w.endsWith("is")
                && Character.isLetter(w.charAt(len - 2))) {
            return w.substring(0, len - 1);
        }
        if (len > 3 && w.endsWith("s") && Character.isDigit(w.charAt(len - 2))) {
            return w.substring(0, len - 1); // "MiG-29s"
        }
        return w;
    }
}
