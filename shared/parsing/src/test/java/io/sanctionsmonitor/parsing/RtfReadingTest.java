package io.sanctionsmonitor.parsing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.sanctionsmonitor.ingest.UnreadableReportException;
import io.sanctionsmonitor.model.ParsedReport;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class RtfReadingTest {
    private final DetectingReportParser parser = new DetectingReportParser(ParseLimits.defaults());

    @Test
    void readsBodyTextEscapesAndInfo() throws Exception {
        String rtf = "{\\rtf1\\ansi\\ansicpg1252\\deff0{\\fonttbl{\\f0 Times New Roman;}}"
                + "{\\colortbl;\\red0\\green0\\blue0;}"
                + "{\\info{\\title Ministry briefing}{\\author Press Office}{\\creatim\\yr2025\\mo2\\dy17\\hr9}}"
                + "{\\header Page header text}"
                + "\\pard\\plain The minist\\'e8re said \\ldblquote no\\rdblquote  to the request.\\par\n"
                + "Caf\\u233?s near the port were closed{\\*\\bkmkstart b1}.\\par\n"
                + "{\\field{\\*\\fldinst HYPERLINK \"https://example.org\"}{\\fldrslt the source}} is cited.\\par}";

        ParsedReport report = parser.parse("briefing.rtf", rtf.getBytes(StandardCharsets.US_ASCII));

        assertEquals("The ministère said \u201Cno\u201D to the request.\n\nCafés near the port were closed.\n\n"
                + "the source is cited.", report.text());
        assertEquals("rtf", report.metadata().format());
        assertEquals("Ministry briefing", report.metadata().title());
        assertEquals("2025-02-17", report.metadata().published());
        assertEquals("Press Office", report.metadata().publisher());
    }

    @Test
    void skipsRawBinaryData() throws Exception {
        String rtf = "{\\rtf1 Before {\\object\\bin6 }{x\\y}}after the object.\\par}";
        assertEquals("Before after the object.",
                parser.parse("bin.rtf", rtf.getBytes(StandardCharsets.US_ASCII)).text());
    }

    @Test
    void rejectsDeeplyNestedGroups() {
        String rtf = "{\\rtf1 " + "{".repeat(1000) + "text" + "}".repeat(1000) + "}";
        var e = assertThrows(UnreadableReportException.class,
                () -> parser.parse("deep.rtf", rtf.getBytes(StandardCharsets.US_ASCII)));
        assertEquals("nesting limit exceeded: RTF group is nested more than 256 levels deep", e.getMessage());
    }
}
