package io.sanctionsmonitor.parsing;

/** The report formats this module reads; {@link #id()} is what {@code ReportMetadata.format} records. */
public enum ReportFormat {
    TEXT("text"),
    MARKDOWN("markdown"),
    HTML("html"),
    PDF("pdf"),
    DOCX("docx"),
    ODT("odt"),
    RTF("rtf");

    private final String id;

    ReportFormat(String id) {
        this.id = id;
    }

    public String id() {
        return id;
    }
}
