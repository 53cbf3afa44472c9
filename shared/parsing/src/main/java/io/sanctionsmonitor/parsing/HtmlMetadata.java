package io.sanctionsmonitor.parsing;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;

/** Title, publication date, publisher and language of a page, from meta tags, JSON-LD and {@code <html lang>}. */
record HtmlMetadata(String title, String published, String publisher, String language) {
    private static final List<String> DATE_META = List.of(
            "meta[property=article:published_time]", "meta[name=article:published_time]",
            "meta[itemprop=datePublished]", "meta[name=date]", "meta[name=pubdate]", "meta[name=publishdate]",
            "meta[name=publish-date]", "meta[name=dc.date.issued]", "meta[name=DC.date.issued]", "meta[name=dc.date]",
            "meta[name=DC.date]", "meta[name=dcterms.date]", "meta[name=citation_publication_date]",
            "meta[name=parsely-pub-date]", "meta[name=sailthru.date]", "meta[property=og:published_time]");
    private static final Set<String> ARTICLE_TYPES = Set.of("article", "newsarticle", "reportagenewsarticle",
            "analysisnewsarticle", "blogposting", "report", "scholarlyarticle", "techarticle", "webpage",
            "opinionnewsarticle", "backgroundnewsarticle", "liveblogposting");

    static HtmlMetadata read(Document doc, int maxJsonDepth) {
        Map<String, String> jsonLd = jsonLd(doc, maxJsonDepth);
        String title = first(meta(doc, "meta[property=og:title]"), jsonLd.get("headline"), meta(doc, "meta[name=twitter:title]"),
                doc.title().isBlank() ? null : doc.title().strip(), text(doc.selectFirst("h1")));
        String published = null;
        for (String candidate : new String[] {meta(doc, DATE_META), jsonLd.get("datePublished"),
                attr(doc.selectFirst("[itemprop=datePublished][datetime]"), "datetime"),
                attr(doc.selectFirst("time[pubdate][datetime]"), "datetime"),
                attr(doc.selectFirst("article time[datetime]"), "datetime")}) {
            published = PublicationDates.normalize(candidate);
            if (published != null) {
                break;
            }
        }
        String publisher = first(jsonLd.get("publisher"), meta(doc, "meta[property=og:site_name]"),
                meta(doc, "meta[name=publisher]"), meta(doc, "meta[name=application-name]"));
        String language = Languages.code(first(attr(doc.selectFirst("html[lang]"), "lang"),
                meta(doc, "meta[http-equiv=content-language]"), meta(doc, "meta[property=og:locale]"),
                jsonLd.get("inLanguage")));
        return new HtmlMetadata(title, published, publisher, language);
    }

    /** headline, datePublished, publisher name and inLanguage of the first article-like JSON-LD object. */
    private static Map<String, String> jsonLd(Document doc, int maxDepth) {
        List<Element> scripts = doc.select("script[type=application/ld+json]");
        if (scripts.isEmpty()) {
            return Map.of(); // and Jackson stays unloaded: it costs a cold start ~100 ms
        }
        ObjectMapper mapper = new ObjectMapper(JsonFactory.builder()
                .streamReadConstraints(StreamReadConstraints.builder().maxNestingDepth(maxDepth).build()).build());
        List<JsonNode> objects = new ArrayList<>();
        for (Element script : scripts) {
            try {
                collect(mapper.readTree(script.data()), objects);
            } catch (Exception malformed) {
                // a broken JSON-LD block is common and tells us nothing
            }
        }
        Map<String, JsonNode> byId = new HashMap<>();
        for (JsonNode o : objects) {
            if (o.hasNonNull("@id")) {
                byId.putIfAbsent(o.get("@id").asText(), o);
            }
        }
        Map<String, String> found = new HashMap<>();
        for (JsonNode o : objects) {
            if (!isArticle(o)) {
                continue;
            }
            putText(found, "headline", o.get("headline"));
            putText(found, "datePublished", o.get("datePublished"));
            putText(found, "inLanguage", o.get("inLanguage"));
            JsonNode publisher = o.get("publisher");
            if (publisher != null && publisher.isArray() && !publisher.isEmpty()) {
                publisher = publisher.get(0);
            }
            if (publisher != null && publisher.isObject() && !publisher.has("name") && publisher.has("@id")) {
                publisher = byId.getOrDefault(publisher.get("@id").asText(), publisher);
            }
            if (publisher != null) {
                putText(found, "publisher", publisher.isObject() ? publisher.get("name") : publisher);
            }
        }
        return found;
    }

    private static void collect(JsonNode node, List<JsonNode> out) {
        if (node == null) {
            return;
        }
        if (node.isArray()) {
            node.forEach(n -> collect(n, out));
        } else if (node.isObject()) {
            out.add(node);
            collect(node.get("@graph"), out);
        }
    }

    private static boolean isArticle(JsonNode o) {
        JsonNode type = o.get("@type");
        List<String> types = new ArrayList<>();
        if (type != null && type.isArray()) {
            type.forEach(t -> types.add(t.asText()));
        } else if (type != null) {
            types.add(type.asText());
        }
        return types.stream().anyMatch(t -> ARTICLE_TYPES.contains(t.toLowerCase(Locale.ROOT)));
    }

    private static void putText(Map<String, String> found, String key, JsonNode value) {
        if (value != null && value.isValueNode() && !value.asText().isBlank()) {
            found.putIfAbsent(key, value.asText().strip());
        }
    }

    private static String meta(Document doc, String selector) {
        return attr(doc.selectFirst(selector), "content");
    }

    private static String meta(Document doc, List<String> selectors) {
        for (String selector : selectors) {
            String value = meta(doc, selector);
            if (value != null) {
                return value;
            }
        }
        return null;
    }

    private static String attr(Element e, String name) {
        if (e == null) {
            return null;
        }
        String value = e.attr(name).strip();
        return value.isEmpty() ? null : value;
    }

    private static String text(Element e) {
        return e == null || e.text().isBlank() ? null : e.text().strip();
    }

    private static String first(String... values) {
        for (String v : values) {
            if (v != null && !v.isBlank()) {
                return v;
            }
        }
        return null;
    }
}
