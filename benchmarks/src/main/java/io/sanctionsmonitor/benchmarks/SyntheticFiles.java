package io.sanctionsmonitor.benchmarks;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.font.PDType1Font;
import org.apache.pdfbox.pdmodel.font.Standard14Fonts;
import org.apache.poi.xwpf.usermodel.XWPFDocument;

/** Writes the same text as each format the parser reads, so parse throughput can be compared across formats. */
final class SyntheticFiles {
    private SyntheticFiles() {}

    static byte[] of(String format, String text) {
        return switch (format) {
            case "text" -> text.getBytes(StandardCharsets.UTF_8);
            case "html" -> html(text);
            case "pdf" -> pdf(text);
            case "docx" -> docx(text);
            default -> throw new IllegalArgumentException("no generator for " + format);
        };
    }

    private static byte[] html(String text) {
        StringBuilder html = new StringBuilder("<!doctype html><html lang=\"en\"><head><title>Synthetic report</title>"
                + "<meta property=\"article:published_time\" content=\"2025-06-01\"></head><body>"
                + "<nav><a href=\"/\">Home</a> <a href=\"/world\">World</a></nav><article><h1>Synthetic report</h1>");
        for (String paragraph : text.split("\n\n")) {
            html.append("<p>").append(paragraph.replace("&", "&amp;").replace("<", "&lt;")).append("</p>\n");
        }
        html.append("</article><footer>Copyright. All rights reserved.</footer></body></html>");
        return html.toString().getBytes(StandardCharsets.UTF_8);
    }

    private static byte[] pdf(String text) {
        return pdf(wrap(text, 95), 60, 10, 12, 40, 750);
    }

    /** Lines as a PDF in Helvetica, {@code perPage} lines a page, starting at ({@code x}, {@code top}). */
    static byte[] pdf(List<String> lines, int perPage, float fontSize, float leading, float x, float top) {
        try (PDDocument document = new PDDocument(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            PDType1Font font = new PDType1Font(Standard14Fonts.FontName.HELVETICA);
            for (int first = 0; first < lines.size(); first += perPage) {
                PDPage page = new PDPage();
                document.addPage(page);
                try (PDPageContentStream content = new PDPageContentStream(document, page)) {
                    content.beginText();
                    content.setFont(font, fontSize);
                    content.setLeading(leading);
                    content.newLineAtOffset(x, top);
                    for (String line : lines.subList(first, Math.min(lines.size(), first + perPage))) {
                        content.showText(line);
                        content.newLine();
                    }
                    content.endText();
                }
            }
            document.save(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static byte[] docx(String text) {
        try (XWPFDocument document = new XWPFDocument(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            for (String paragraph : text.split("\n\n")) {
                document.createParagraph().createRun().setText(paragraph);
            }
            document.write(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The text in lines of at most {@code width} characters, a blank line between paragraphs. */
    static List<String> wrap(String text, int width) {
        List<String> lines = new ArrayList<>();
        for (String paragraph : text.split("\n\n")) {
            StringBuilder line = new StringBuilder();
            for (String word : paragraph.split(" ")) {
                if (line.length() + word.length() + 1 > width) {
                    lines.add(line.toString());
                    line.setLength(0);
                }
                line.append(line.isEmpty() ? "" : " ").append(word);
            }
            lines.add(line.toString());
            lines.add("");
        }
        return lines;
    }
}
