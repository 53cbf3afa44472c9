package io.sanctionsmonitor.parsing;

import io.sanctionsmonitor.ingest.UnreadableReportException;
import io.sanctionsmonitor.model.ParsedReport;
import io.sanctionsmonitor.model.ReportMetadata;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

/**
 * OpenDocument text: {@code content.xml}'s body read with hardened StAX (paragraphs, headings, list items, table
 * cells; notes, annotations and tracked deletions skipped), metadata from {@code meta.xml}.
 */
final class OdtReader {
    private static final String TEXT_NS = "urn:oasis:names:tc:opendocument:xmlns:text:1.0";
    private static final String OFFICE_NS = "urn:oasis:names:tc:opendocument:xmlns:office:1.0";
    private static final String TABLE_NS = "urn:oasis:names:tc:opendocument:xmlns:table:1.0";
    private static final Set<String> BLOCKS = Set.of("p", "h", "list-item", "table-cell", "table-row", "section");
    private static final Set<String> SKIPPED = Set.of("note", "annotation", "tracked-changes", "sequence-decls",
            "annotation-end", "bookmark-ref");

    private OdtReader() {}

    static ParsedReport read(byte[] content, ParseBudget budget, Boilerplate boilerplate)
            throws UnreadableReportException {
        Map<String, byte[]> entries = ZipGuard.inflate(content, "ODT", budget);
        byte[] body = entries.get("content.xml");
        if (body == null) {
            throw new UnreadableReportException("corrupt ODT: the container has no content.xml");
        }
        String text = boilerplate.strip(text(body, budget));
        Map<String, String> meta = entries.containsKey("meta.xml") ? meta(entries.get("meta.xml")) : Map.of();
        return new ParsedReport(text, new ReportMetadata(ReportFormat.ODT.id(), meta.get("title"),
                PublicationDates.normalize(meta.getOrDefault("creation-date", meta.get("date"))),
                meta.getOrDefault("initial-creator", meta.get("creator")), Languages.code(meta.get("language"))));
    }

    private static String text(byte[] xml, ParseBudget budget) throws UnreadableReportException {
        XMLStreamReader reader = SafeXml.open(xml, "content.xml");
        TextBuilder out = new TextBuilder(budget);
        int skipDepth = 0;
        boolean inBody = false;
        try {
            while (reader.hasNext()) {
                int event = reader.next();
                if (event == XMLStreamConstants.DTD) {
                    throw SafeXml.dtdRejected("content.xml");
                }
                if (event == XMLStreamConstants.START_ELEMENT) {
                    String ns = reader.getNamespaceURI();
                    String name = reader.getLocalName();
                    if (OFFICE_NS.equals(ns) && name.equals("body")) {
                        inBody = true;
                    }
                    if (skipDepth > 0 || (TEXT_NS.equals(ns) || OFFICE_NS.equals(ns)) && SKIPPED.contains(name)) {
                        skipDepth++;
                    } else if (inBody && isBlock(ns, name)) {
                        out.paragraphBreak();
                    } else if (inBody && TEXT_NS.equals(ns)) {
                        switch (name) {
                            case "s" -> out.append(" ");
                            case "tab" -> out.append(" ");
                            case "line-break" -> out.lineBreak();
                            default -> { }
                        }
                    }
                } else if (event == XMLStreamConstants.END_ELEMENT) {
                    if (skipDepth > 0) {
                        skipDepth--;
                    } else if (inBody && isBlock(reader.getNamespaceURI(), reader.getLocalName())) {
                        out.paragraphBreak();
                        budget.checkTime();
                    }
                } else if ((event == XMLStreamConstants.CHARACTERS || event == XMLStreamConstants.CDATA)
                        && inBody && skipDepth == 0) {
                    out.append(reader.getText());
                } else if (event == XMLStreamConstants.ENTITY_REFERENCE) {
                    throw new UnreadableReportException(
                            "XML entity references are not allowed (in content.xml): possible XXE or entity-expansion attack");
                }
            }
        } catch (XMLStreamException e) {
            throw SafeXml.corrupt("content.xml", e);
        } finally {
            SafeXml.close(reader);
        }
        return out.toString();
    }

    private static boolean isBlock(String ns, String name) {
        return (TEXT_NS.equals(ns) || TABLE_NS.equals(ns)) && BLOCKS.contains(name);
    }

    /** Local names of meta.xml's leaf elements (title, creation-date, language, initial-creator, ...). */
    private static Map<String, String> meta(byte[] xml) throws UnreadableReportException {
        Map<String, String> meta = new HashMap<>();
        XMLStreamReader reader = SafeXml.open(xml, "meta.xml");
        try {
            String current = null;
            StringBuilder value = new StringBuilder();
            while (reader.hasNext()) {
                int event = reader.next();
                if (event == XMLStreamConstants.START_ELEMENT) {
                    current = reader.getLocalName();
                    value.setLength(0);
                } else if (event == XMLStreamConstants.CHARACTERS && current != null) {
                    value.append(reader.getText());
                } else if (event == XMLStreamConstants.END_ELEMENT && current != null) {
                    if (!value.toString().isBlank()) {
                        meta.putIfAbsent(current, value.toString().strip());
                    }
                    current = null;
                }
            }
        } catch (XMLStreamException e) {
            throw SafeXml.corrupt("meta.xml", e);
        } finally {
            SafeXml.close(reader);
        }
        return meta;
    }
}
