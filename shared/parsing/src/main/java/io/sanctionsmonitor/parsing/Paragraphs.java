package io.sanctionsmonitor.parsing;

import java.util.regex.Pattern;

/** The shape every reader's text ends in: LF line ends, no trailing spaces, paragraphs split by one blank line. */
final class Paragraphs {
    private static final Pattern TRAILING_SPACE = Pattern.compile("[ \\t\\u00A0]+\\n");
    private static final Pattern BLANK_RUN = Pattern.compile("\\n{3,}");

    private Paragraphs() {}

    static String normalize(String text) {
        String s = text.replace("\r\n", "\n").replace('\r', '\n').replace('\u00A0', ' ')
                .replace("\u2028", "\n").replace("\u2029", "\n\n");
        s = TRAILING_SPACE.matcher(s + "\n").replaceAll("\n");
        s = s.replaceAll("\\n[ \\t]+\\n", "\n\n");
        return BLANK_RUN.matcher(s).replaceAll("\n\n").strip();
    }
}
