package io.sanctionsmonitor.parsing;

import io.sanctionsmonitor.model.ParsedReport;
import io.sanctionsmonitor.model.ReportMetadata;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.TextNode;
import org.jsoup.parser.Parser;
import org.jsoup.select.Elements;
import org.jsoup.select.NodeTraversor;
import org.jsoup.select.NodeVisitor;

/**
 * An HTML page reduced to its article: the main content element is chosen (articleBody, article, main, the
 * densest paragraph container), widgets inside it are dropped by tag, role and class/id, and the rest is read
 * block by block. Metadata comes from meta tags, JSON-LD and {@code <html lang>}.
 */
final class HtmlReader {
    private static final Pattern META_CHARSET = Pattern.compile(
            "(?i)<meta[^>]+charset\\s*=\\s*[\"']?([A-Za-z0-9._:-]+)");
    private static final String HARD_NOISE = "script, style, noscript, template, svg, canvas, iframe, object, embed, "
            + "form, button, input, select, textarea, nav, aside, menu, dialog, figure, figcaption, picture, video, "
            + "audio, [hidden], [aria-hidden=true], [role=navigation], [role=banner], [role=contentinfo], "
            + "[role=complementary], [role=search], [role=dialog], [role=alertdialog], [role=menu], [role=menubar]";
    private static final Pattern CONTENT_CLASS = Pattern.compile(
            "(?i)(?:^|[-_ ])(?:article|post|entry|story|news)[-_]?(?:body|content|text)(?:$|[-_ ])|^(?:main-)?content$");
    private static final Set<String> BLOCKS = Set.of("p", "div", "section", "article", "main", "header", "footer",
            "h1", "h2", "h3", "h4", "h5", "h6", "ul", "ol", "li", "dl", "dt", "dd", "blockquote", "pre", "table",
            "thead", "tbody", "tr", "td", "th", "caption", "hr", "address", "details", "summary", "center");
    private static final int CHECK_EVERY_NODES = 2048;

    private HtmlReader() {}

    static ParsedReport read(byte[] content, ParseBudget budget, Boilerplate boilerplate) {
        String html = decode(content);
        Parser parser = Parser.htmlParser().setMaxDepth(budget.limits().maxNestingDepth() + 2);
        Document doc = Jsoup.parse(html, "", parser);
        checkDepth(doc, budget);
        budget.checkTime();

        HtmlMetadata metadata = HtmlMetadata.read(doc, budget.limits().maxNestingDepth());
        doc.select(HARD_NOISE).remove();
        Element root = mainContent(doc);
        removeWidgets(root, boilerplate);
        budget.checkTime();
        String text = boilerplate.strip(text(root, budget));
        return new ParsedReport(text, new ReportMetadata(ReportFormat.HTML.id(), metadata.title(),
                metadata.published(), metadata.publisher(), metadata.language()));
    }

    /** BOM, then a declared meta charset, then the same guess as for plain text. */
    private static String decode(byte[] content) {
        Charset detected = TextDecoder.detect(content);
        boolean bom = TextDecoder.startsWith(content, 0xEF, 0xBB, 0xBF) || TextDecoder.startsWith(content, 0xFF, 0xFE)
                || TextDecoder.startsWith(content, 0xFE, 0xFF);
        if (!bom && !detected.name().startsWith("UTF-16")) {
            String head = new String(content, 0, Math.min(content.length, 4096), StandardCharsets.ISO_8859_1);
            Matcher m = META_CHARSET.matcher(head);
            if (m.find()) {
                try {
                    Charset declared = Charset.forName(m.group(1));
                    // As browsers do: pages labelled Latin-1 or ASCII are Windows-1252 (curly quotes, euro sign).
                    if (declared.equals(StandardCharsets.ISO_8859_1) || declared.equals(StandardCharsets.US_ASCII)) {
                        declared = TextDecoder.WINDOWS_1252;
                    }
                    return TextDecoder.decode(content, declared).text();
                } catch (IllegalArgumentException unknownCharset) {
                    // fall back to the guess
                }
            }
        }
        return TextDecoder.decode(content, detected).text();
    }

    private static void checkDepth(Document doc, ParseBudget budget) {
        int[] depthSeen = {0};
        NodeTraversor.traverse((node, depth) -> {
            if (depth > depthSeen[0]) {
                depthSeen[0] = depth;
            }
        }, doc);
        budget.checkDepth(depthSeen[0] - 1, "HTML markup");
    }

    /**
     * The element that holds the article: schema.org articleBody, the largest article, main, a content class, or
     * the densest paragraph container. A candidate must hold a fair share of the page's paragraph text, so that
     * teaser cards marked up as articles do not win over an unmarked story.
     */
    static Element mainContent(Document doc) {
        Element body = doc.body();
        int pageText = paragraphText(body);
        List<Element> candidates = new ArrayList<>();
        candidates.add(largest(doc.select("[itemprop=articleBody]")));
        candidates.add(largest(doc.select("article")));
        candidates.add(largest(doc.select("main, [role=main]")));
        List<Element> byClass = new ArrayList<>();
        for (Element e : body.getAllElements()) {
            if (CONTENT_CLASS.matcher(e.className()).find() || CONTENT_CLASS.matcher(e.id()).find()) {
                byClass.add(e);
            }
        }
        candidates.add(largest(new Elements(byClass)));
        for (Element candidate : candidates) {
            if (candidate != null && paragraphText(candidate) * 3 >= pageText) {
                return candidate;
            }
        }
        Element densest = densestParagraphParent(body);
        return densest == null ? body : densest;
    }

    private static int paragraphText(Element e) {
        int length = 0;
        for (Element p : e.select("p")) {
            length += p.text().length();
        }
        return length;
    }

    private static Element largest(Elements candidates) {
        return candidates.stream().filter(e -> !e.text().isBlank())
                .max(Comparator.comparingInt(e -> e.text().length())).orElse(null);
    }

    private static Element densestParagraphParent(Element body) {
        Map<Element, Integer> scores = new HashMap<>();
        for (Element p : body.select("p")) {
            Element parent = p.parent();
            if (parent != null) {
                scores.merge(parent, p.text().length(), Integer::sum);
            }
        }
        return scores.entrySet().stream().max(Map.Entry.comparingByValue())
                .filter(e -> e.getValue() > 0).map(Map.Entry::getKey).orElse(null);
    }

    /** Drops elements inside the article whose class or id names a widget, unless they hold most of its text. */
    private static void removeWidgets(Element root, Boilerplate boilerplate) {
        int rootText = root.text().length();
        root.select("footer").forEach(e -> {
            if (e.text().length() * 2 < rootText) {
                e.remove();
            }
        });
        List<Element> noisy = new ArrayList<>();
        for (Element e : root.getAllElements()) {
            if (e != root && isWidget(e, boilerplate)) {
                noisy.add(e);
            }
        }
        for (Element e : noisy) {
            if (e.parent() != null && e.text().length() * 5 < rootText * 3) {
                e.remove();
            }
        }
    }

    private static boolean isWidget(Element e, Boilerplate boilerplate) {
        for (String attribute : new String[] {e.className(), e.id()}) {
            for (String part : attribute.split("[-_\\s]+")) {
                if (!part.isEmpty() && boilerplate.isNoiseToken(part)) {
                    return true;
                }
            }
        }
        return false;
    }

    private static String text(Element root, ParseBudget budget) {
        TextBuilder out = new TextBuilder(budget);
        int[] visited = {0};
        NodeTraversor.traverse(new NodeVisitor() {
            @Override
            public void head(Node node, int depth) {
                if (++visited[0] % CHECK_EVERY_NODES == 0) {
                    budget.checkTime();
                }
                if (node instanceof TextNode textNode) {
                    if (inPre(textNode)) {
                        out.appendPreformatted(textNode.getWholeText());
                    } else {
                        out.append(textNode.getWholeText());
                    }
                } else if (node instanceof Element e) {
                    if (e.normalName().equals("br")) {
                        out.lineBreak();
                    } else if (BLOCKS.contains(e.normalName())) {
                        out.paragraphBreak();
                    }
                }
            }

            @Override
            public void tail(Node node, int depth) {
                if (node instanceof Element e && BLOCKS.contains(e.normalName())) {
                    out.paragraphBreak();
                } else if (node instanceof Element e && (e.normalName().equals("td") || e.normalName().equals("th"))) {
                    out.append(" ");
                }
            }
        }, root);
        return out.toString();
    }

    private static boolean inPre(TextNode node) {
        for (Node p = node.parent(); p != null; p = p.parent()) {
            if (p instanceof Element e && e.normalName().equals("pre")) {
                return true;
            }
        }
        return false;
    }
}
