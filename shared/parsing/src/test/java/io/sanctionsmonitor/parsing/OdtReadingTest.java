package io.sanctionsmonitor.parsing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.sanctionsmonitor.ingest.UnreadableReportException;
import io.sanctionsmonitor.model.ParsedReport;
import org.junit.jupiter.api.Test;

class OdtReadingTest {
    private final DetectingReportParser parser = new DetectingReportParser(ParseLimits.defaults());

    @Test
    void readsHeadingsParagraphsListsAndMeta() throws Exception {
        byte[] odt = ReportFixtures.odt("<text:h text:outline-level=\"1\">Statement on transfers</text:h>"
                + "<text:p>The ministry <text:span>confirmed</text:span> the<text:s/>delivery."
                + "<text:note><text:note-body><text:p>Footnote text.</text:p></text:note-body></text:note></text:p>"
                + "<text:list><text:list-item><text:p>First item</text:p></text:list-item>"
                + "<text:list-item><text:p>Second item</text:p></text:list-item></text:list>",
                "<dc:title>Ministry statement</dc:title><meta:creation-date>2025-01-20T09:30:00</meta:creation-date>"
                        + "<dc:language>de-DE</dc:language><meta:initial-creator>Press Office</meta:initial-creator>");

        ParsedReport report = parser.parse("statement.odt", odt);

        assertEquals("Statement on transfers\n\nThe ministry confirmed the delivery.\n\nFirst item\n\nSecond item",
                report.text());
        assertEquals("odt", report.metadata().format());
        assertEquals("Ministry statement", report.metadata().title());
        assertEquals("2025-01-20", report.metadata().published());
        assertEquals("Press Office", report.metadata().publisher());
        assertEquals("de", report.metadata().language());
    }

    @Test
    void rejectsBillionLaughs() {
        String content = "<?xml version=\"1.0\"?><!DOCTYPE lolz [<!ENTITY lol \"lol\">"
                + "<!ENTITY lol2 \"&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;\">"
                + "<!ENTITY lol3 \"&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;\">]>"
                + "<office:document-content xmlns:office=\"urn:oasis:names:tc:opendocument:xmlns:office:1.0\">"
                + "<office:body>&lol3;</office:body></office:document-content>";
        var e = assertThrows(UnreadableReportException.class,
                () -> parser.parse("laughs.odt", ReportFixtures.odtWithContent(content, null)));
        assertEquals("XML entity declarations are not allowed (DOCTYPE in content.xml): possible XXE or "
                + "entity-expansion attack", e.getMessage());
    }

    @Test
    void rejectsUndeclaredEntityReference() {
        String content = "<?xml version=\"1.0\"?>"
                + "<office:document-content xmlns:office=\"urn:oasis:names:tc:opendocument:xmlns:office:1.0\">"
                + "<office:body>&xxe;</office:body></office:document-content>";
        var e = assertThrows(UnreadableReportException.class,
                () -> parser.parse("entity.odt", ReportFixtures.odtWithContent(content, null)));
        assertEquals("XML entity references are not allowed (in content.xml): possible XXE or entity-expansion attack",
                e.getMessage());
    }

    @Test
    void rejectsDeeplyNestedXml() {
        String deep = "<text:span>".repeat(300) + "deep" + "</text:span>".repeat(300);
        var e = assertThrows(UnreadableReportException.class,
                () -> parser.parse("deep.odt", ReportFixtures.odt("<text:p>" + deep + "</text:p>", null)));
        assertEquals("nesting limit exceeded: XML in content.xml is nested more than 256 levels deep", e.getMessage());
    }

    @Test
    void rejectsOdtWithoutContent() {
        var entries = new java.util.LinkedHashMap<String, byte[]>();
        entries.put("mimetype", "application/vnd.oasis.opendocument.text".getBytes());
        entries.put("styles.xml", "<styles/>".getBytes());
        var e = assertThrows(UnreadableReportException.class,
                () -> parser.parse("empty.odt", ReportFixtures.zip(entries, true)));
        assertEquals("corrupt ODT: the container has no content.xml", e.getMessage());
    }
}
