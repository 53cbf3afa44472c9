package io.sanctionsmonitor.parsing;

/**
 * Collects extracted text as paragraphs: runs of whitespace become one space, {@link #lineBreak()} a newline,
 * {@link #paragraphBreak()} a blank line. Checks the text limit and the clock as it grows.
 */
final class TextBuilder {
    private static final int CHECK_EVERY_CHARS = 16_384;

    private final StringBuilder text = new StringBuilder();
    private final ParseBudget budget;
    private int pendingBreak; // 0 none, 1 newline, 2 blank line
    private boolean pendingSpace;
    private int checkedAt;

    TextBuilder(ParseBudget budget) {
        this.budget = budget;
    }

    /** Appends inline text, collapsing whitespace. */
    TextBuilder append(CharSequence chunk) {
        for (int i = 0; i < chunk.length(); i++) {
            char c = chunk.charAt(i);
            if (Character.isWhitespace(c) || c == '\u00A0' || Character.isISOControl(c)) {
                pendingSpace = true;
            } else {
                emit(c);
            }
        }
        return this;
    }

    /** Appends text verbatim except for line endings (preformatted text). */
    TextBuilder appendPreformatted(CharSequence chunk) {
        for (int i = 0; i < chunk.length(); i++) {
            char c = chunk.charAt(i);
            if (c == '\n') {
                lineBreak();
            } else if (c == '\r' || (Character.isISOControl(c) && c != '\t')) {
                pendingSpace = true;
            } else {
                emit(c);
            }
        }
        return this;
    }

    TextBuilder lineBreak() {
        pendingBreak = Math.max(pendingBreak, 1);
        return this;
    }

    TextBuilder paragraphBreak() {
        pendingBreak = 2;
        return this;
    }

    int length() {
        return text.length();
    }

    private void emit(char c) {
        if (!text.isEmpty()) {
            if (pendingBreak == 2) {
                text.append("\n\n");
            } else if (pendingBreak == 1) {
                text.append('\n');
            } else if (pendingSpace) {
                text.append(' ');
            }
        }
        pendingBreak = 0;
        pendingSpace = false;
        text.append(c);
        if (text.length() - checkedAt >= CHECK_EVERY_CHARS) {
            checkedAt = text.length();
            budget.checkTextLength(text.length());
            budget.checkTime();
        }
    }

    @Override
    public String toString() {
        budget.checkTextLength(text.length());
        return text.toString();
    }
}
