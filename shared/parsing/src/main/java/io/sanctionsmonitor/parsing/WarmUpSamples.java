package io.sanctionsmonitor.parsing;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/**
 * One tiny document per format, written by hand, so {@link DetectingReportParser#warmUp()} can load every
 * reader's classes before a SnapStart/CRaC checkpoint. Each reads as {@link #TEXT}.
 */
final class WarmUpSamples {
    static final String TEXT = "Warm up.";

    private WarmUpSamples() {}

    static Map<ReportFormat, byte[]> all() {
        Map<ReportFormat, byte[]> samples = new LinkedHashMap<>();
        samples.put(ReportFormat.TEXT, ("Title: Sample\nPublished: 2025-01-01\n\n" + TEXT).getBytes(StandardCharsets.UTF_8));
        samples.put(ReportFormat.MARKDOWN, ("# " + TEXT + "\n\n- [x](y)\n").getBytes(StandardCharsets.UTF_8));
        samples.put(ReportFormat.HTML, ("<!doctype html><html lang=\"en\"><head><title>t</title>"
                + "<script type=\"application/ld+json\">{\"@type\":\"NewsArticle\",\"datePublished\":\"2025-01-01\"}"
                + "</script></head><body><nav>Menu</nav><article><p>" + TEXT + "</p></article></body></html>")
                .getBytes(StandardCharsets.UTF_8));
        samples.put(ReportFormat.RTF, ("{\\rtf1\\ansi{\\info{\\title t}}" + TEXT + "\\par}").getBytes(StandardCharsets.US_ASCII));
        samples.put(ReportFormat.PDF, pdf());
        samples.put(ReportFormat.DOCX, docx());
        samples.put(ReportFormat.ODT, odt());
        return samples;
    }

    /** A one-page PDF with a correct cross-reference table, so the normal (not the repairing) parser runs. */
    private static byte[] pdf() {
        String content = "BT /F1 12 Tf 72 720 Td (" + TEXT + ") Tj ET";
        List<String> objects = List.of(
                "<</Type/Catalog/Pages 2 0 R>>",
                "<</Type/Pages/Kids[3 0 R]/Count 1>>",
                "<</Type/Page/Parent 2 0 R/MediaBox[0 0 612 792]/Resources<</Font<</F1 4 0 R>>>>/Contents 5 0 R>>",
                "<</Type/Font/Subtype/Type1/BaseFont/Helvetica>>",
                "<</Length " + content.length() + ">>\nstream\n" + content + "\nendstream");
        StringBuilder pdf = new StringBuilder("%PDF-1.4\n");
        List<Integer> offsets = new ArrayList<>();
        for (int i = 0; i < objects.size(); i++) {
            offsets.add(pdf.length());
            pdf.append(i + 1).append(" 0 obj\n").append(objects.get(i)).append("\nendobj\n");
        }
        int xref = pdf.length();
        pdf.append("xref\n0 ").append(objects.size() + 1).append("\n0000000000 65535 f \n");
        for (int offset : offsets) {
            pdf.append(String.format("%010d 00000 n \n", offset));
        }
        pdf.append("trailer\n<</Size ").append(objects.size() + 1).append("/Root 1 0 R>>\nstartxref\n").append(xref)
                .append("\n%%EOF\n");
        return pdf.toString().getBytes(StandardCharsets.US_ASCII);
    }

    private static byte[] docx() {
        Map<String, String> parts = new LinkedHashMap<>();
        parts.put("[Content_Types].xml", "<?xml version=\"1.0\" encoding=\"UTF-8\"?>"
                + "<Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\">"
                + "<Default Extension=\"rels\" ContentType=\"application/vnd.openxmlformats-package.relationships+xml\"/>"
                + "<Default Extension=\"xml\" ContentType=\"application/xml\"/>"
                + "<Override PartName=\"/word/document.xml\" ContentType=\"application/"
                + "vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml\"/></Types>");
        parts.put("_rels/.rels", "<?xml version=\"1.0\" encoding=\"UTF-8\"?>"
                + "<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">"
                + "<Relationship Id=\"rId1\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/"
                + "relationships/officeDocument\" Target=\"word/document.xml\"/></Relationships>");
        parts.put("word/document.xml", "<?xml version=\"1.0\" encoding=\"UTF-8\"?>"
                + "<w:document xmlns:w=\"http://schemas.openxmlformats.org/wordprocessingml/2006/main\">"
                + "<w:body><w:p><w:r><w:t>" + TEXT + "</w:t></w:r></w:p></w:body></w:document>");
        return zip(parts);
    }

    private static byte[] odt() {
        Map<String, String> parts = new LinkedHashMap<>();
        parts.put("mimetype", "application/vnd.oasis.opendocument.text");
        parts.put("content.xml", "<?xml version=\"1.0\" encoding=\"UTF-8\"?>"
                + "<office:document-content xmlns:office=\"urn:oasis:names:tc:opendocument:xmlns:office:1.0\""
                + " xmlns:text=\"urn:oasis:names:tc:opendocument:xmlns:text:1.0\"><office:body><office:text>"
                + "<text:p>" + TEXT + "</text:p></office:text></office:body></office:document-content>");
        return zip(parts);
    }

    private static byte[] zip(Map<String, String> parts) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
            for (Map.Entry<String, String> part : parts.entrySet()) {
                zip.putNextEntry(new ZipEntry(part.getKey()));
                zip.write(part.getValue().getBytes(StandardCharsets.UTF_8));
                zip.closeEntry();
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }
}
