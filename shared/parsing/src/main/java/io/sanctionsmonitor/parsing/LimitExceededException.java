package io.sanctionsmonitor.parsing;

/**
 * Thrown from deep inside a library callback (a PDFBox page, a jsoup node visit) when a limit is hit, where a
 * checked exception cannot pass; {@link DetectingReportParser} turns it into an UnreadableReportException.
 */
final class LimitExceededException extends RuntimeException {
    LimitExceededException(String reason) {
        super(reason, null, false, false);
    }
}
