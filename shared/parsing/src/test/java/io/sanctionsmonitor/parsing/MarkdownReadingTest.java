package io.sanctionsmonitor.parsing;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.sanctionsmonitor.model.ParsedReport;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class MarkdownReadingTest {
    private final DetectingReportParser parser = new DetectingReportParser(ParseLimits.defaults());

    @Test
    void stripsMarkupKeepsWordsAndParagraphs() throws Exception {
        String md = "---\ntitle: \"Border crossings\"\ndate: 2025-04-02\nlang: en\n---\n"
                + "# Border crossings rise\n\n"
                + "Trucks carrying **dual-use** goods crossed the bridge, according to [the panel](https://example.org/p)\n"
                + "and its `annex 3` data.\n\n"
                + "- First *finding* here\n- Second finding ![chart](c.png) here\n\n"
                + "> A quoted_statement stays.\n\n"
                + "```\ncode line\n```\n\n"
                + "| Item | Count |\n|------|-------|\n| Trucks | 40 |\n\n"
                + "[ref]: https://example.org/ref\n";

        ParsedReport report = parser.parse("notes.md", md.getBytes(StandardCharsets.UTF_8));

        assertEquals("Border crossings rise\n\n"
                + "Trucks carrying dual-use goods crossed the bridge, according to the panel and its annex 3 data.\n\n"
                + "First finding here\n\nSecond finding here\n\nA quoted_statement stays.\n\ncode line\n\n"
                + "Item Count\nTrucks 40", report.text());
        assertEquals("markdown", report.metadata().format());
        assertEquals("Border crossings", report.metadata().title());
        assertEquals("2025-04-02", report.metadata().published());
        assertEquals("en", report.metadata().language());
    }

    @Test
    void markdownWithoutExtensionIsRecognisedByItsSyntax() throws Exception {
        String md = "## Summary\n\nThe **panel** cites [two reports](https://example.org).\n";
        ParsedReport report = parser.parse("upload", md.getBytes(StandardCharsets.UTF_8));
        assertEquals("markdown", report.metadata().format());
        assertEquals("Summary\n\nThe panel cites two reports.", report.text());
    }
}
