package io.sanctionsmonitor.parsing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The content decides the format: a wrong or missing extension changes nothing. */
class FormatDetectionTest {
    private final DetectingReportParser parser = new DetectingReportParser(ParseLimits.defaults());

    @Test
    void pdfNamedAsTextIsReadAsPdf() throws Exception {
        byte[] pdf = ReportFixtures.pdf("Misnamed", null, List.of("A PDF that claims to be text."));
        assertEquals(ReportFormat.PDF, parser.detect("report.txt", pdf));
        assertTrue(parser.parse("report.txt", pdf).text().contains("A PDF that claims to be text."));
    }

    @Test
    void docxWithoutNameIsReadAsDocx() throws Exception {
        byte[] docx = ReportFixtures.docx("t", "c", null, List.of("Word text without a file name."), List.of());
        assertEquals(ReportFormat.DOCX, parser.detect(null, docx));
        assertEquals("Word text without a file name.", parser.parse(docx).text());
    }

    @Test
    void odtNamedDocxIsReadAsOdt() throws Exception {
        byte[] odt = ReportFixtures.odt("<text:p>OpenDocument text.</text:p>", null);
        assertEquals(ReportFormat.ODT, parser.detect("report.docx", odt));
        assertEquals("OpenDocument text.", parser.parse("report.docx", odt).text());
    }

    @Test
    void htmlNamedPdfIsReadAsHtml() throws Exception {
        byte[] html = "<!doctype html><html><body><p>Saved page.</p></body></html>".getBytes(StandardCharsets.UTF_8);
        assertEquals(ReportFormat.HTML, parser.detect("report.pdf", html));
        assertEquals("Saved page.", parser.parse("report.pdf", html).text());
    }

    @Test
    void rtfNamedDocIsReadAsRtf() throws Exception {
        byte[] rtf = "{\\rtf1\\ansi Rich text.\\par}".getBytes(StandardCharsets.US_ASCII);
        assertEquals(ReportFormat.RTF, parser.detect("report.doc", rtf));
        assertEquals("Rich text.", parser.parse("report.doc", rtf).text());
    }

    @Test
    void extensionOnlyDecidesBetweenMarkdownAndText() throws Exception {
        byte[] text = "Plain words with *one star.".getBytes(StandardCharsets.UTF_8);
        assertEquals(ReportFormat.TEXT, parser.detect("a.txt", text));
        assertEquals(ReportFormat.MARKDOWN, parser.detect("a.md", text));
        assertEquals(ReportFormat.TEXT, parser.detect("a.md.txt", "Title: x\n\nBody".getBytes()));
    }

    @Test
    void htmlFragmentNamedHtmlIsHtmlButTheSameWordsInATxtAreText() throws Exception {
        byte[] fragment = "<p>Only a paragraph.</p>".getBytes(StandardCharsets.UTF_8);
        assertEquals(ReportFormat.HTML, parser.detect("frag.html", fragment));
        assertEquals(ReportFormat.TEXT, parser.detect("frag.txt", fragment));
    }
}
