package io.sanctionsmonitor.ingest;

import io.sanctionsmonitor.model.ParsedReport;

/** Turns a report file's bytes into text and metadata. Implementations detect the format from the content. */
public interface ReportParser {

    /**
     * @param fileName the object's name, a hint only: content decides the format
     * @throws UnreadableReportException when the file cannot be read, with the precise reason
     */
    ParsedReport parse(String fileName, byte[] content) throws UnreadableReportException;
}
