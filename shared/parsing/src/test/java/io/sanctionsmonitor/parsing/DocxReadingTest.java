package io.sanctionsmonitor.parsing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.sanctionsmonitor.ingest.UnreadableReportException;
import io.sanctionsmonitor.model.ParsedReport;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class DocxReadingTest {
    private final DetectingReportParser parser = new DetectingReportParser(ParseLimits.defaults());

    @Test
    void readsParagraphsTablesAndCoreProperties() throws Exception {
        byte[] docx = ReportFixtures.docx("Panel update", "Monitoring Unit",
                ReportFixtures.utcDate(2024, 11, 5).getTime(),
                List.of("The panel received information on two vessels.", "Both vessels later switched flags."),
                List.of(List.of("Vessel", "Flag"), List.of("Example Star", "Togo")));

        ParsedReport report = parser.parse("update.docx", docx);

        assertEquals("The panel received information on two vessels.\n\nBoth vessels later switched flags.\n\n"
                + "Vessel Flag\n\nExample Star Togo", report.text());
        assertEquals("docx", report.metadata().format());
        assertEquals("Panel update", report.metadata().title());
        assertEquals("2024-11-05", report.metadata().published());
        assertEquals("Monitoring Unit", report.metadata().publisher());
    }

    @Test
    void rejectsTruncatedDocx() {
        byte[] docx = ReportFixtures.docx("t", "c", null, List.of("Some text."), List.of());
        byte[] truncated = Arrays.copyOf(docx, docx.length - 100);
        var e = assertThrows(UnreadableReportException.class, () -> parser.parse("cut.docx", truncated));
        assertTrue(e.getMessage().startsWith("corrupt "), e.getMessage());
    }

    @Test
    void rejectsDocxWhoseXmlIsBroken() {
        Map<String, byte[]> entries = new LinkedHashMap<>();
        entries.put("[Content_Types].xml", "<Types/>".getBytes(StandardCharsets.UTF_8));
        entries.put("word/document.xml", "<w:document><w:body>".getBytes(StandardCharsets.UTF_8));
        var e = assertThrows(UnreadableReportException.class,
                () -> parser.parse("broken.docx", ReportFixtures.zip(entries, false)));
        assertTrue(e.getMessage().startsWith("corrupt XML in word/document.xml: "), e.getMessage());
    }

    @Test
    void rejectsZipBombByInflateRatio() {
        var e = assertThrows(UnreadableReportException.class,
                () -> parser.parse("bomb.docx", ReportFixtures.docxBomb(50 << 20)));
        assertEquals("zip bomb suspected: the DOCX container inflates more than 100 times its size", e.getMessage());
    }

    @Test
    void rejectsArchiveLargerThanTheUnzippedLimit() {
        DetectingReportParser strict = new DetectingReportParser(ParseLimits.fromEnvironment(Map.of("PARSE_MAX_UNZIPPED_BYTES", "1048576")));
        Map<String, byte[]> entries = new LinkedHashMap<>();
        entries.put("word/document.xml", incompressible(2 << 20));
        var e = assertThrows(UnreadableReportException.class,
                () -> strict.parse("big.docx", ReportFixtures.zip(entries, false)));
        assertEquals("zip bomb suspected: the DOCX container inflates to more than 1 MB", e.getMessage());
    }

    @Test
    void rejectsArchiveWithTooManyEntries() {
        Map<String, byte[]> entries = new LinkedHashMap<>();
        entries.put("word/document.xml", "<x/>".getBytes(StandardCharsets.UTF_8));
        for (int i = 0; i < 1001; i++) {
            entries.put("word/media/part" + i + ".bin", new byte[] {1});
        }
        var e = assertThrows(UnreadableReportException.class,
                () -> parser.parse("many.docx", ReportFixtures.zip(entries, false)));
        assertEquals("zip bomb suspected: the DOCX container has more than 1000 entries", e.getMessage());
    }

    @Test
    void rejectsExternalEntityInDocumentXml() {
        Map<String, byte[]> entries = new LinkedHashMap<>();
        entries.put("[Content_Types].xml", "<Types/>".getBytes(StandardCharsets.UTF_8));
        entries.put("word/document.xml", ("<?xml version=\"1.0\"?><!DOCTYPE d [<!ENTITY xxe SYSTEM \"file:///etc/passwd\">]>"
                + "<w:document xmlns:w=\"http://schemas.openxmlformats.org/wordprocessingml/2006/main\"><w:body><w:p><w:r>"
                + "<w:t>&xxe;</w:t></w:r></w:p></w:body></w:document>").getBytes(StandardCharsets.UTF_8));
        var e = assertThrows(UnreadableReportException.class,
                () -> parser.parse("xxe.docx", ReportFixtures.zip(entries, false)));
        assertEquals("XML entity declarations are not allowed (DOCTYPE in word/document.xml): possible XXE or "
                + "entity-expansion attack", e.getMessage());
    }

    /** Bytes deflate cannot shrink, so the total-size limit, not the ratio, trips. */
    private static byte[] incompressible(int size) {
        byte[] bytes = new byte[size];
        new java.util.Random(7).nextBytes(bytes);
        return bytes;
    }
}
