package io.sanctionsmonitor.parsing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.sanctionsmonitor.ingest.UnreadableReportException;
import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** Every way a file cannot be read ends in an UnreadableReportException whose message says why. */
class FailureReasonsTest {
    private final DetectingReportParser parser = new DetectingReportParser(ParseLimits.defaults());

    private String reason(DetectingReportParser p, String name, byte[] content) {
        return assertThrows(UnreadableReportException.class, () -> p.parse(name, content)).getMessage();
    }

    @Test
    void emptyFile() {
        assertEquals("empty file: 0 bytes", reason(parser, "empty.txt", new byte[0]));
    }

    @Test
    void whitespaceOnlyFile() {
        assertEquals("no text: the text file contains no readable text", reason(parser, "blank.txt", " \n\t\n".getBytes()));
    }

    @Test
    void binaryJunk() {
        byte[] junk = new byte[4096];
        new Random(42).nextBytes(junk);
        junk[0] = 0x13;
        String reason = reason(parser, "report.pdf", junk);
        assertEquals(true, reason.startsWith("unknown format: binary data ("), reason);
        assertEquals(true, reason.endsWith("control bytes) with no known document signature"), reason);
    }

    @Test
    void recognisedButUnsupportedFormats() {
        assertEquals("unsupported format: PNG image; OCR is not supported",
                reason(parser, "scan.txt", HexFormat.of().parseHex("89504E470D0A1A0A0000000D49484452")));
        assertEquals("unsupported format: legacy Microsoft Office file (OLE2: .doc/.xls/.ppt); save it as DOCX or PDF",
                reason(parser, "old.doc", HexFormat.of().parseHex("D0CF11E0A1B11AE10000000000000000")));
        assertEquals("unsupported format: ZIP archive that is neither DOCX nor ODT",
                reason(parser, "x.zip", ReportFixtures.zip(Map.of("a.txt", "hello".getBytes()), false)));
    }

    @Test
    void passwordProtectedDocxIsAnEncryptedOle2Container() {
        byte[] header = HexFormat.of().parseHex("D0CF11E0A1B11AE1");
        byte[] streamName = "EncryptionInfo".getBytes(StandardCharsets.UTF_16LE);
        byte[] file = new byte[2048];
        System.arraycopy(header, 0, file, 0, header.length);
        System.arraycopy(streamName, 0, file, 1024, streamName.length);
        assertEquals("encrypted Office document: password-protected documents are not supported",
                reason(parser, "locked.docx", file));
    }

    @Test
    void objectLargerThanTheLimit() {
        DetectingReportParser strict = new DetectingReportParser(ParseLimits.fromEnvironment(Map.of("PARSE_MAX_OBJECT_BYTES", "1000")));
        assertEquals("file too large: 1,001 bytes; the limit is 1,000 bytes",
                reason(strict, "big.txt", "x".repeat(1001).getBytes()));
    }

    @Test
    void extractedTextLongerThanTheLimit() {
        DetectingReportParser strict = new DetectingReportParser(ParseLimits.fromEnvironment(Map.of("PARSE_MAX_TEXT_CHARS", "100")));
        assertEquals("text limit exceeded: the extracted text is longer than 100 characters",
                reason(strict, "long.txt", "word ".repeat(100).getBytes()));
        byte[] pdf = ReportFixtures.pdf("Long", null, List.of("sentence of the report. ".repeat(20)));
        assertEquals("text limit exceeded: the extracted text is longer than 100 characters",
                reason(strict, "long.pdf", pdf));
    }

    @Test
    void timeBudgetExceeded() {
        DetectingReportParser hurried = new DetectingReportParser(ParseLimits.fromEnvironment(Map.of("PARSE_TIME_BUDGET_MS", "0")));
        byte[] pdf = ReportFixtures.pdf("Any", null, List.of("Any text."));
        assertEquals("time budget exceeded: parsing took longer than 0 s", reason(hurried, "slow.pdf", pdf));
        byte[] html = "<html><body><p>Any text.</p></body></html>".getBytes(StandardCharsets.UTF_8);
        assertEquals("time budget exceeded: parsing took longer than 0 s", reason(hurried, "slow.html", html));
    }

    @Test
    void pdfWithoutPagesIsCorrupt() {
        assertEquals("corrupt PDF: no pages", reason(parser, "none.pdf", ReportFixtures.pdfWithPages(0)));
    }

    @Test
    void pdfWithBlankPagesHasNoText() {
        assertEquals("empty PDF: its pages contain no text (no text layer; OCR is not supported)",
                reason(parser, "blank.pdf", ReportFixtures.blankPdf()));
    }
}
