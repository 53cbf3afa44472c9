package io.sanctionsmonitor.parsing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.sanctionsmonitor.ingest.UnreadableReportException;
import io.sanctionsmonitor.model.ParsedReport;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class PdfReadingTest {
    private static final String FIRST = "The monitoring team reported that at least twelve tankers delivered refined "
            + "petroleum products to the port of Nampo during the first quarter of the year.";
    private static final String SECOND = "Satellite imagery reviewed by the team shows ship-to-ship transfers in "
            + "international waters, a practice the resolutions prohibit.";

    private final DetectingReportParser parser = new DetectingReportParser(ParseLimits.defaults());

    @Test
    void readsTextParagraphsAndInfoDictionary() throws Exception {
        byte[] pdf = ReportFixtures.pdf("Quarterly monitoring summary", ReportFixtures.utcDate(2025, 3, 14),
                List.of(FIRST, SECOND));

        ParsedReport report = parser.parse("summary.pdf", pdf);

        assertEquals("Quarterly monitoring summary\n\n" + FIRST + "\n\n" + SECOND, report.text());
        assertEquals("pdf", report.metadata().format());
        assertEquals("Quarterly monitoring summary", report.metadata().title());
        assertEquals("2025-03-14", report.metadata().published());
    }

    @Test
    void readsTwoColumnsLeftColumnFirst() throws Exception {
        List<String> left = List.of("Alpha column opens the story and explains that the shipment left the port "
                + "in early spring with several containers of machinery aboard.", "Alpha column closes here.");
        List<String> right = List.of("Beta column continues with the inspection findings, which list the "
                + "serial numbers of the engines found in the containers.", "Beta column ends the article.");

        String text = parser.parse("columns.pdf", ReportFixtures.twoColumnPdf("Two column headline", left, right))
                .text();

        int title = text.indexOf("Two column headline");
        int leftStart = text.indexOf("Alpha column opens");
        int leftEnd = text.indexOf("Alpha column closes here.");
        int rightStart = text.indexOf("Beta column continues");
        int rightEnd = text.indexOf("Beta column ends the article.");
        assertTrue(title == 0 && title < leftStart && leftStart < leftEnd && leftEnd < rightStart
                && rightStart < rightEnd, text);
        assertTrue(text.contains(left.get(0)), "left paragraph kept whole: " + text);
        assertTrue(text.contains(right.get(0)), "right paragraph kept whole: " + text);
    }

    @Test
    void dropsRunningHeadsAndPageNumbers() throws Exception {
        List<List<String>> pages = List.of(
                List.of("Page one opens the report.", "It has two paragraphs."),
                List.of("Page two continues the report.", "With more detail here."),
                List.of("Page three ends the report.", "With a conclusion."));

        String text = parser.parse("paged.pdf", ReportFixtures.pagedReport("S/2025/101 Monitoring report", pages)).text();

        assertEquals("Page one opens the report.\n\nIt has two paragraphs.\n\nPage two continues the report.\n\n"
                + "With more detail here.\n\nPage three ends the report.\n\nWith a conclusion.", text);
    }

    @Test
    void rejectsPasswordProtectedPdf() {
        var e = assertThrows(UnreadableReportException.class,
                () -> parser.parse("sealed.pdf", ReportFixtures.encryptedPdf("secret", "owner")));
        assertEquals("encrypted PDF: password-protected documents are not supported", e.getMessage());
    }

    @Test
    void readsPdfEncryptedOnlyWithAnOwnerPassword() throws Exception {
        String text = parser.parse("restricted.pdf", ReportFixtures.encryptedPdf("", "owner")).text();
        assertTrue(text.contains("This text is behind a password."), text);
    }

    @Test
    void rejectsScannedPdfWithoutTextLayer() {
        var e = assertThrows(UnreadableReportException.class,
                () -> parser.parse("scan.pdf", ReportFixtures.imageOnlyPdf()));
        assertEquals("scanned PDF: no text layer; OCR is not supported", e.getMessage());
    }

    @Test
    void rejectsPdfWithMorePagesThanTheLimit() {
        DetectingReportParser strict = new DetectingReportParser(ParseLimits.fromEnvironment(Map.of("PARSE_MAX_PAGES", "2")));
        var e = assertThrows(UnreadableReportException.class,
                () -> strict.parse("long.pdf", ReportFixtures.pdfWithPages(3)));
        assertEquals("page limit exceeded: the PDF has 3 pages; the limit is 2", e.getMessage());
    }

    @Test
    void readsPdfWithinThePageLimit() throws Exception {
        DetectingReportParser strict = new DetectingReportParser(ParseLimits.fromEnvironment(Map.of("PARSE_MAX_PAGES", "3")));
        String text = strict.parse("long.pdf", ReportFixtures.pdfWithPages(3)).text();
        assertTrue(text.indexOf("Page 1") < text.indexOf("Page 3"), text);
    }

    @Test
    void rejectsCorruptPdf() {
        byte[] pdf = ReportFixtures.pdf("Broken", null, List.of(FIRST));
        byte[] truncated = Arrays.copyOf(pdf, 60);
        var e = assertThrows(UnreadableReportException.class, () -> parser.parse("broken.pdf", truncated));
        assertTrue(e.getMessage().startsWith("corrupt PDF: "), e.getMessage());
    }
}
