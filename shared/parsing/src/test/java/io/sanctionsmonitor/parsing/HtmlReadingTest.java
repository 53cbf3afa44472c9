package io.sanctionsmonitor.parsing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.sanctionsmonitor.ingest.UnreadableReportException;
import io.sanctionsmonitor.model.ParsedReport;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class HtmlReadingTest {
    private static final String PAGE = """
            <!DOCTYPE html>
            <html lang="en-GB">
            <head>
              <meta charset="utf-8">
              <title>Ships seized | Example News</title>
              <meta property="og:title" content="Ships seized after tip-off">
              <meta property="og:site_name" content="Example News">
              <meta property="article:published_time" content="2025-06-03T08:15:00+00:00">
              <script type="application/ld+json">
                {"@context":"https://schema.org","@graph":[
                  {"@type":"NewsArticle","headline":"Ships seized","datePublished":"2025-06-03",
                   "publisher":{"@id":"#org"}},
                  {"@type":"Organization","@id":"#org","name":"Example News Group"}]}
              </script>
              <style>.x{color:red}</style>
            </head>
            <body>
              <div id="cookie-banner">We use cookies. <button>Accept all</button></div>
              <header class="site-header"><nav><a href="/">Home</a> <a href="/world">World</a></nav></header>
              <main>
                <article>
                  <h1>Ships seized after tip-off</h1>
                  <div class="share-bar"><a>Share on X</a><a>Share on Facebook</a></div>
                  <p>Coast guard officers boarded two tankers on Monday,
                     acting on information from a <a href="/panel">monitoring panel</a>.</p>
                  <figure><img src="a.jpg"><figcaption>Photo: agency</figcaption></figure>
                  <p>The tankers had switched off their transponders<br>for eleven days.</p>
                  <ul><li>Tanker one carried diesel.</li><li>Tanker two carried crude oil.</li></ul>
                  <aside class="related"><h3>Related stories</h3><a>Another story</a></aside>
                  <div class="newsletter-signup"><p>Sign up for our newsletter</p></div>
                  <section id="comments"><h2>Leave a comment</h2><form><textarea></textarea></form></section>
                  <footer class="article-footer">Tags: shipping, sanctions</footer>
                </article>
                <div class="you-may-also-like"><article><h2>Teaser headline</h2><p>Teaser text</p></article></div>
              </main>
              <footer class="site-footer"><p>© 2025 Example News. All rights reserved.</p></footer>
            </body>
            </html>
            """;

    private final DetectingReportParser parser = new DetectingReportParser(ParseLimits.defaults());

    @Test
    void keepsOnlyTheArticleText() throws Exception {
        ParsedReport report = parser.parse("page.html", PAGE.getBytes(StandardCharsets.UTF_8));

        assertEquals("Ships seized after tip-off\n\n"
                + "Coast guard officers boarded two tankers on Monday, acting on information from a monitoring panel.\n\n"
                + "The tankers had switched off their transponders\nfor eleven days.\n\n"
                + "Tanker one carried diesel.\n\nTanker two carried crude oil.", report.text());
    }

    @Test
    void readsMetadataFromMetaTagsJsonLdAndLang() throws Exception {
        ParsedReport report = parser.parse("page.html", PAGE.getBytes(StandardCharsets.UTF_8));

        assertEquals("html", report.metadata().format());
        assertEquals("Ships seized after tip-off", report.metadata().title());
        assertEquals("2025-06-03", report.metadata().published());
        assertEquals("Example News Group", report.metadata().publisher());
        assertEquals("en", report.metadata().language());
    }

    @Test
    void jsonLdDateAndTitleTagServeWhenMetaTagsAreMissing() throws Exception {
        String html = "<html><head><title>Plain title</title><script type=\"application/ld+json\">"
                + "{\"@type\":[\"Article\"],\"datePublished\":\"2024-12-01T10:00:00Z\",\"publisher\":\"Wire\"}"
                + "</script></head><body><p>Body text of the page.</p></body></html>";
        ParsedReport report = parser.parse("x.htm", html.getBytes(StandardCharsets.UTF_8));
        assertEquals("Plain title", report.metadata().title());
        assertEquals("2024-12-01", report.metadata().published());
        assertEquals("Wire", report.metadata().publisher());
        assertEquals("Body text of the page.", report.text());
    }

    @Test
    void pageWithoutArticleElementUsesTheDensestParagraphContainer() throws Exception {
        String html = "<html><body><div class=\"menu\"><p>Home</p><p>About</p></div>"
                + "<div class=\"wrap\"><div class=\"col\"><p>First long paragraph of the statement about exports.</p>"
                + "<p>Second long paragraph of the statement about imports.</p></div></div>"
                + "<div class=\"sidebar\"><p>Popular</p></div></body></html>";
        assertEquals("First long paragraph of the statement about exports.\n\n"
                + "Second long paragraph of the statement about imports.",
                parser.parse("x.html", html.getBytes(StandardCharsets.UTF_8)).text());
    }

    @Test
    void teaserCardsMarkedUpAsArticlesDoNotWinOverAnUnmarkedStory() throws Exception {
        String html = "<html><body><div class=\"story\"><h1>Headline</h1>"
                + "<p>The first paragraph of the story reports a transfer of ammunition by rail.</p>"
                + "<p>The second paragraph gives the number of wagons counted in satellite images.</p></div>"
                + "<div class=\"cards\"><article><p>Teaser about another topic entirely.</p></article>"
                + "<article><p>Second teaser card.</p></article></div></body></html>";
        assertEquals("Headline\n\nThe first paragraph of the story reports a transfer of ammunition by rail.\n\n"
                + "The second paragraph gives the number of wagons counted in satellite images.",
                parser.parse("story.html", html.getBytes(StandardCharsets.UTF_8)).text());
    }

    @Test
    void honoursADeclaredWindows1252Charset() throws Exception {
        String html = "<html><head><meta http-equiv=\"Content-Type\" content=\"text/html; charset=windows-1252\">"
                + "</head><body><p>Le ministère a confirmé l\u2019envoi.</p></body></html>";
        assertEquals("Le ministère a confirmé l\u2019envoi.",
                parser.parse("fr.html", html.getBytes(Charset.forName("windows-1252"))).text());
    }

    @Test
    void rejectsDeeplyNestedMarkup() {
        String html = "<html><body>" + "<div>".repeat(5000) + "deep" + "</div>".repeat(5000) + "</body></html>";
        var e = assertThrows(UnreadableReportException.class,
                () -> parser.parse("deep.html", html.getBytes(StandardCharsets.UTF_8)));
        assertEquals("nesting limit exceeded: HTML markup is nested more than 256 levels deep", e.getMessage());
    }
}
