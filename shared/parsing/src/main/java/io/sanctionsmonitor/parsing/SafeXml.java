package io.sanctionsmonitor.parsing;

import io.sanctionsmonitor.ingest.UnreadableReportException;
import java.io.ByteArrayInputStream;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

/**
 * StAX with DTDs and external entities switched off. A document that declares a DTD at all is rejected:
 * office formats never need one, and it is how XXE and entity-expansion ("billion laughs") attacks start.
 */
final class SafeXml {
    private static final XMLInputFactory FACTORY = hardenedFactory();

    private SafeXml() {}

    static XMLStreamReader open(byte[] xml, String entryName) throws UnreadableReportException {
        try {
            return FACTORY.createXMLStreamReader(new ByteArrayInputStream(xml));
        } catch (XMLStreamException e) {
            throw corrupt(entryName, e);
        }
    }

    /** Throws the recorded reason for a DTD event; call for every {@link XMLStreamConstants#DTD} seen. */
    static UnreadableReportException dtdRejected(String entryName) {
        return new UnreadableReportException("XML entity declarations are not allowed (DOCTYPE in " + entryName
                + "): possible XXE or entity-expansion attack");
    }

    static UnreadableReportException corrupt(String entryName, XMLStreamException e) {
        String message = e.getMessage() == null ? "" : e.getMessage();
        if (message.contains("entity") || message.contains("Entity")) {
            return new UnreadableReportException("XML entity references are not allowed (in " + entryName
                    + "): possible XXE or entity-expansion attack", e);
        }
        return new UnreadableReportException("corrupt XML in " + entryName + ": " + firstLine(message), e);
    }

    /** Walks a whole entry to check it is well-formed, declares no DTD and nests no deeper than the limit. */
    static void check(byte[] xml, String entryName, ParseBudget budget) throws UnreadableReportException {
        XMLStreamReader reader = open(xml, entryName);
        try {
            int depth = 0;
            while (reader.hasNext()) {
                int event = reader.next();
                if (event == XMLStreamConstants.DTD) {
                    throw dtdRejected(entryName);
                } else if (event == XMLStreamConstants.START_ELEMENT) {
                    budget.checkDepth(++depth, "XML in " + entryName);
                } else if (event == XMLStreamConstants.END_ELEMENT) {
                    depth--;
                } else if (event == XMLStreamConstants.ENTITY_REFERENCE) {
                    throw new UnreadableReportException("XML entity references are not allowed (in " + entryName
                            + "): possible XXE or entity-expansion attack");
                }
            }
        } catch (XMLStreamException e) {
            throw corrupt(entryName, e);
        } finally {
            close(reader);
        }
    }

    static void close(XMLStreamReader reader) {
        try {
            reader.close();
        } catch (XMLStreamException ignored) {
            // nothing to release beyond the byte array
        }
    }

    private static String firstLine(String message) {
        int newline = message.indexOf('\n');
        return (newline < 0 ? message : message.substring(0, newline)).strip();
    }

    private static XMLInputFactory hardenedFactory() {
        XMLInputFactory factory = XMLInputFactory.newDefaultFactory();
        factory.setProperty(XMLInputFactory.SUPPORT_DTD, false);
        factory.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
        factory.setProperty(XMLInputFactory.IS_REPLACING_ENTITY_REFERENCES, false);
        factory.setProperty(XMLInputFactory.IS_COALESCING, true);
        // Newer JDKs stop at depth 100 with a terse message; the parse limit checks depth itself, with its reason.
        factory.setProperty("http://www.oracle.com/xml/jaxp/properties/maxElementDepth", "0");
        factory.setXMLResolver((publicId, systemId, baseUri, namespace) -> {
            throw new XMLStreamException("external entity " + systemId + " refused");
        });
        return factory;
    }
}
