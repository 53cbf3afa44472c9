package io.sanctionsmonitor.parsing;

import java.time.Duration;

/** One parse's clock and limits. Readers call {@link #checkTime()} between pages, paragraphs and elements. */
final class ParseBudget {
    private final ParseLimits limits;
    private final long deadlineNanos;

    ParseBudget(ParseLimits limits) {
        this.limits = limits;
        this.deadlineNanos = System.nanoTime() + limits.timeBudget().toNanos();
    }

    ParseLimits limits() {
        return limits;
    }

    void checkTime() {
        if (System.nanoTime() - deadlineNanos >= 0) {
            throw new LimitExceededException("time budget exceeded: parsing took longer than "
                    + describe(limits.timeBudget()));
        }
    }

    void checkTextLength(int chars) {
        if (chars > limits.maxTextChars()) {
            throw new LimitExceededException("text limit exceeded: the extracted text is longer than "
                    + String.format("%,d", limits.maxTextChars()) + " characters");
        }
    }

    void checkDepth(int depth, String what) {
        if (depth > limits.maxNestingDepth()) {
            throw new LimitExceededException("nesting limit exceeded: " + what + " is nested more than "
                    + limits.maxNestingDepth() + " levels deep");
        }
    }

    private static String describe(Duration budget) {
        long millis = budget.toMillis();
        return millis % 1000 == 0 ? millis / 1000 + " s" : millis + " ms";
    }
}
