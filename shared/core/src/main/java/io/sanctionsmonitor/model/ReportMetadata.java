package io.sanctionsmonitor.model;

/**
 * What a parser read about a report besides its text. Any field may be null when the file does not say.
 *
 * @param format    the detected format, e.g. "text", "html", "pdf", "docx"
 * @param published ISO date to the precision given (yyyy, yyyy-MM or yyyy-MM-dd); relative dates resolve against it
 * @param language  ISO 639-1 code
 */
public record ReportMetadata(String format, String title, String published, String publisher, String language) {

    public static ReportMetadata of(String format) {
        return new ReportMetadata(format, null, null, null, null);
    }
}
