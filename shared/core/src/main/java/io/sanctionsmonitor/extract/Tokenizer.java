package io.sanctionsmonitor.extract;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

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
            if (Character.isWhitespace(c)) {
                i++;
                continue;
            }
            int start = i;
            if (Character.isDigit(c)) {
                i++;
                while (i < n) {
                    char d = s.charAt(i);
                    if (Character.isDigit(d)) {
                        i++;
                    } else if ((d == ',' || d == '.') && i + 1 < n && Character.isDigit(s.charAt(i + 1))) {
                        i++;
                    } else if (d == '-' && i + 1 < n && Character.isLetterOrDigit(s.charAt(i + 1))) {
                        i++;
                    } else if (Character.isLetter(d)) {
                        i++;
                    } else {
                        break;
                    }
                }
            } else if (Character.isLetter(c)) {
                i++;
                while (i < n) {
                    char d = s.charAt(i);
                    if (Character.isLetterOrDigit(d)) {
                        i++;
                    } else if ((d == '-' || d == '.') && i + 1 < n && Character.isLetterOrDigit(s.charAt(i + 1))
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
                    && (i + 2 >= n || !Character.isLetter(s.charAt(i + 2)))) {
                i += 2;
            } else {
                i++;
            }
            String text = s.substring(start, i);
            out.add(new Token(start, i, text, normalise(text)));
        }
        return out;
    }

    /** A dot inside "U.S." or "U.N.": single letters separated by dots. */
    private static boolean isAbbreviationDot(String s, int wordStart, int dot) {
        return dot - wordStart == 1 || (dot >= 2 && s.charAt(dot - 2) == '.');
    }

    static String normalise(String word) {
        String w = word.toLowerCase(Locale.ROOT).replace('’', '\'').replace('‘', '\'')
                .replace('“', '"').replace('”', '"').replace('–', '-').replace('—', '-');
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
