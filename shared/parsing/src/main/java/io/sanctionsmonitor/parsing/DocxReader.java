package io.sanctionsmonitor.parsing;

import io.sanctionsmonitor.ingest.UnreadableReportException;
import io.sanctionsmonitor.model.ParsedReport;
import io.sanctionsmonitor.model.ReportMetadata;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.time.ZoneOffset;
import java.util.Date;
import org.apache.poi.ooxml.POIXMLProperties;
import org.apache.poi.openxml4j.util.ZipSecureFile;
import org.apache.poi.xwpf.usermodel.IBodyElement;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFParagraph;
import org.apache.poi.xwpf.usermodel.XWPFSDT;
import org.apache.poi.xwpf.usermodel.XWPFTable;
import org.apache.poi.xwpf.usermodel.XWPFTableCell;
import org.apache.poi.xwpf.usermodel.XWPFTableRow;

/**
 * Word documents through POI XWPF: body paragraphs and tables in document order (headers, footers and comments
 * are furniture); title, created date and creator from the core properties. {@link ZipGuard} vets the container
 * first, and POI's own zip limits are set as a second line.
 */
final class DocxReader {
    private DocxReader() {}

    static ParsedReport read(byte[] content, ParseBudget budget, Boilerplate boilerplate)
            throws UnreadableReportException {
        ZipGuard.inflate(content, "DOCX", budget);
        configurePoi(budget.limits());
        try (XWPFDocument document = new XWPFDocument(new ByteArrayInputStream(content))) {
            TextBuilder out = new TextBuilder(budget);
            for (IBodyElement element : document.getBodyElements()) {
                budget.checkTime();
                if (element instanceof XWPFParagraph paragraph) {
                    out.append(paragraph.getText()).paragraphBreak();
                } else if (element instanceof XWPFTable table) {
                    appendTable(table, out);
                } else if (element instanceof XWPFSDT control) {
                    out.append(control.getContent().getText()).paragraphBreak();
                }
            }
            String text = boilerplate.strip(out.toString());
            POIXMLProperties.CoreProperties core = document.getProperties().getCoreProperties();
            String language = core.getUnderlyingProperties().getLanguageProperty().orElse(null);
            return new ParsedReport(text, new ReportMetadata(ReportFormat.DOCX.id(), blankToNull(core.getTitle()),
                    isoDate(core.getCreated()), blankToNull(core.getCreator()), Languages.code(language)));
        } catch (IOException | RuntimeException e) {
            if (e instanceof LimitExceededException limit) {
                throw limit;
            }
            throw new UnreadableReportException("corrupt DOCX: " + firstLine(e), e);
        }
    }

    private static void appendTable(XWPFTable table, TextBuilder out) {
        for (XWPFTableRow row : table.getRows()) {
            for (XWPFTableCell cell : row.getTableCells()) {
                for (XWPFParagraph paragraph : cell.getParagraphs()) {
                    out.append(paragraph.getText()).append(" ");
                }
            }
            out.paragraphBreak();
        }
    }

    /** POI's zip limits are process-wide statics; they are set to the same limits as the guard's. */
    private static synchronized void configurePoi(ParseLimits limits) {
        ZipSecureFile.setMaxEntrySize(limits.maxUnzippedBytes());
        ZipSecureFile.setMaxFileCount(limits.maxZipEntries());
        ZipSecureFile.setMinInflateRatio(1.0 / limits.maxCompressionRatio());
        ZipSecureFile.setMaxTextSize(limits.maxTextChars());
    }

    private static String isoDate(Date date) {
        return date == null ? null : date.toInstant().atOffset(ZoneOffset.UTC).toLocalDate().toString();
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }

    private static String firstLine(Exception e) {
        String message = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        int newline = message.indexOf('\n');
        return newline < 0 ? message : message.substring(0, newline);
    }
}
