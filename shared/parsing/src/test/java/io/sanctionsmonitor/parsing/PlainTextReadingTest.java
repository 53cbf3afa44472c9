package io.sanctionsmonitor.parsing;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.sanctionsmonitor.model.ParsedReport;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class PlainTextReadingTest {
    private static final String ACCENTED = "Le ministère a confirmé la livraison de pièces détachées à Séoul.";

    private final DetectingReportParser parser = new DetectingReportParser(ParseLimits.defaults());

    @Test
    void headerBlockBecomesMetadataAndLeavesTheText() throws Exception {
        String file = "Title: Fuel deliveries continue\nSource: a monitoring newsletter\n"
                + "Published: unknown (mid-2025: cites a December 2024 statement)\n\nFirst paragraph.\n\nSecond one.";

        ParsedReport report = parser.parse("report.txt", file.getBytes(StandardCharsets.UTF_8));

        assertEquals("First paragraph.\n\nSecond one.", report.text());
        assertEquals("text", report.metadata().format());
        assertEquals("Fuel deliveries continue", report.metadata().title());
        assertEquals("2025", report.metadata().published());
    }

    @Test
    void dateHeaderAndPublishedLineAfterAnUntaggedTitleGiveTheDate() throws Exception {
        assertEquals("2024-03-05", parser.parse("a.txt", "Date: 5 March 2024\n\nBody text here.".getBytes())
                .metadata().published());
        ParsedReport report = parser.parse("b.txt",
                "Shipments resume\nPublished: March 5, 2024\n\nBody text here.".getBytes());
        assertEquals("2024-03-05", report.metadata().published());
        assertEquals("Shipments resume\nPublished: March 5, 2024\n\nBody text here.", report.text());
    }

    @ParameterizedTest
    @ValueSource(strings = {"UTF-8", "UTF-16LE", "UTF-16BE", "windows-1252", "ISO-8859-1"})
    void decodesCommonEncodingsWithoutABom(String encoding) throws Exception {
        byte[] bytes = ("Title: Encoded\n\n" + ACCENTED).getBytes(Charset.forName(encoding));
        assertEquals(ACCENTED, parser.parse("enc.txt", bytes).text());
    }

    @ParameterizedTest
    @ValueSource(strings = {"UTF-8", "UTF-16LE", "UTF-16BE"})
    void decodesTextWithAByteOrderMark(String encoding) throws Exception {
        byte[] bytes = ("\uFEFF" + ACCENTED).getBytes(Charset.forName(encoding));
        assertEquals(ACCENTED, parser.parse("bom.txt", bytes).text());
    }

    @Test
    void windows1252CurlyQuotesSurvive() throws Exception {
        String text = "He called it \u201Cthe largest transfer so far\u201D \u2013 and said so twice.";
        assertEquals(text, parser.parse("q.txt", text.getBytes(Charset.forName("windows-1252"))).text());
    }

    @Test
    void trailingSiteFurnitureIsDropped() throws Exception {
        String article = "Officials said the cargo was unloaded at night.\n\n"
                + "Customs records list the goods as agricultural machinery, but inspectors found engine parts.\n\n"
                + "The ministry declined to comment on the findings.";
        String furniture = "\n\nPhoto: Reuters\n\nYou may also like: Ten things to know about cargo inspections\n\n"
                + "Leave a Reply\nYour email address will not be published.\nName *\n\n"
                + "This site uses Akismet to reduce spam. Learn how your comment data is processed.";
        assertEquals(article, parser.parse("a.txt", (article + furniture).getBytes(StandardCharsets.UTF_8)).text());
    }

    @ParameterizedTest
    @ValueSource(strings = {"DEJA UNA RESPUESTA\n\nPor favor deje su comentario\nIngrese su nombre aquí",
        "Laisser un commentaire\nVotre adresse e-mail ne sera pas publiée.",
        "Das könnte Sie auch interessieren: Neue Sanktionen gegen Reedereien",
        "Leia também: Novas sanções contra armadores",
        "Articoli correlati\nNuove sanzioni",
        "© 2025 Example Media. All rights reserved.",
        "*Images used for illustrative purposes only"})
    void trailingFurnitureInSeveralLanguagesIsDropped(String furniture) throws Exception {
        String article = "The report describes the transfers in detail.\n\nIt names three companies and two ships.";
        assertEquals(article, parser.parse("t.txt", (article + "\n\n" + furniture).getBytes(StandardCharsets.UTF_8))
                .text());
    }

    @Test
    void furnitureWordsInsideTheArticleAreKept() throws Exception {
        String article = "You may also like to know that the panel met twice in spring before it wrote this "
                + "section of its report, according to officials.\n\nThe second meeting reviewed the shipping data.\n\n"
                + "Leave a reply was the title of one of the memos discussed, an official said, and it is quoted here "
                + "because the memo matters to the case and to the shipping firms that the panel named.\n\n"
                + "The case continues.";
        assertEquals(article, parser.parse("keep.txt", article.getBytes(StandardCharsets.UTF_8)).text());
    }

    @Test
    void shareButtonsAndCookieNoticesAreDroppedWherever() throws Exception {
        String file = "Skip to content\nWe use cookies to improve your experience.\n\nThe tanker left port on Monday.\n"
                + "Share on Facebook\nAdvertisement\n\nIt returned on Friday.";
        assertEquals("The tanker left port on Monday.\n\nIt returned on Friday.",
                parser.parse("s.txt", file.getBytes(StandardCharsets.UTF_8)).text());
    }
}
