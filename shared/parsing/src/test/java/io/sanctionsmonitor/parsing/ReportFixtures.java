package io.sanctionsmonitor.parsing;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Calendar;
import java.util.Date;
import java.util.GregorianCalendar;
import java.util.List;
import java.util.Map;
import java.util.TimeZone;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDDocumentInformation;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.encryption.AccessPermission;
import org.apache.pdfbox.pdmodel.encryption.StandardProtectionPolicy;
import org.apache.pdfbox.pdmodel.font.PDType1Font;
import org.apache.pdfbox.pdmodel.font.Standard14Fonts;
import org.apache.pdfbox.pdmodel.graphics.image.LosslessFactory;
import org.apache.pdfbox.pdmodel.graphics.image.PDImageXObject;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFTable;

/**
 * Builds report files in code: PDFs (one and two columns, encrypted, image-only), DOCX, ODT and zip bombs.
 * Public so benchmarks can generate documents with it (the module publishes its test jar).
 */
public final class ReportFixtures {
    private static final float FONT_SIZE = 11;
    private static final float LEADING = 14;
    private static final float MARGIN = 56;

    private ReportFixtures() {}

    /** A one-column PDF: title line, then each paragraph wrapped and followed by a blank line. */
    public static byte[] pdf(String title, Calendar created, List<String> paragraphs) {
        try (PDDocument document = new PDDocument()) {
            PDDocumentInformation info = document.getDocumentInformation();
            info.setTitle(title);
            info.setCreationDate(created);
            PDPage page = new PDPage(PDRectangle.LETTER);
            document.addPage(page);
            PDType1Font font = new PDType1Font(Standard14Fonts.FontName.HELVETICA);
            try (PDPageContentStream content = new PDPageContentStream(document, page)) {
                float y = page.getMediaBox().getHeight() - MARGIN;
                y = writeLines(content, font, List.of(title), MARGIN, y);
                y -= LEADING;
                for (String paragraph : paragraphs) {
                    y = writeLines(content, font, wrap(paragraph, 90), MARGIN, y) - LEADING;
                }
            }
            return save(document);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A page with a full-width title over two columns; left column paragraphs, then right column ones. */
    public static byte[] twoColumnPdf(String title, List<String> left, List<String> right) {
        try (PDDocument document = new PDDocument()) {
            PDPage page = new PDPage(PDRectangle.LETTER);
            document.addPage(page);
            PDType1Font font = new PDType1Font(Standard14Fonts.FontName.HELVETICA);
            float top = page.getMediaBox().getHeight() - MARGIN;
            float columnWidth = (page.getMediaBox().getWidth() - 2 * MARGIN - 30) / 2;
            try (PDPageContentStream content = new PDPageContentStream(document, page)) {
                float y = writeLines(content, font, List.of(title), MARGIN, top) - LEADING;
                float leftY = y;
                float rightY = y;
                for (String paragraph : left) {
                    leftY = writeLines(content, font, wrap(paragraph, 42), MARGIN, leftY) - LEADING;
                }
                for (String paragraph : right) {
                    rightY = writeLines(content, font, wrap(paragraph, 42), MARGIN + columnWidth + 30, rightY) - LEADING;
                }
            }
            return save(document);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A PDF with one line of text on each of {@code pages} pages. */
    public static byte[] pdfWithPages(int pages) {
        try (PDDocument document = new PDDocument()) {
            PDType1Font font = new PDType1Font(Standard14Fonts.FontName.HELVETICA);
            for (int i = 1; i <= pages; i++) {
                PDPage page = new PDPage(PDRectangle.LETTER);
                document.addPage(page);
                try (PDPageContentStream content = new PDPageContentStream(document, page)) {
                    writeLines(content, font, List.of("Page " + i + " of the monitoring report."), MARGIN, 700);
                }
            }
            return save(document);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A paged report: every page has the running head and a "Page i of n" foot around its body lines. */
    public static byte[] pagedReport(String runningHead, List<List<String>> pageBodies) {
        try (PDDocument document = new PDDocument()) {
            PDType1Font font = new PDType1Font(Standard14Fonts.FontName.HELVETICA);
            for (int i = 0; i < pageBodies.size(); i++) {
                PDPage page = new PDPage(PDRectangle.LETTER);
                document.addPage(page);
                try (PDPageContentStream content = new PDPageContentStream(document, page)) {
                    float y = writeLines(content, font, List.of(runningHead), MARGIN, 750) - 2 * LEADING;
                    for (String paragraph : pageBodies.get(i)) {
                        y = writeLines(content, font, wrap(paragraph, 90), MARGIN, y) - LEADING;
                    }
                    writeLines(content, font, List.of("Page " + (i + 1) + " of " + pageBodies.size()), MARGIN, 40);
                }
            }
            return save(document);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** One empty page: no text, no images. */
    public static byte[] blankPdf() {
        try (PDDocument document = new PDDocument()) {
            document.addPage(new PDPage(PDRectangle.LETTER));
            return save(document);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A PDF that needs {@code userPassword} to open. */
    public static byte[] encryptedPdf(String userPassword, String ownerPassword) {
        try (PDDocument document = org.apache.pdfbox.Loader.loadPDF(pdf("Sealed report", null,
                List.of("This text is behind a password.")))) {
            StandardProtectionPolicy policy = new StandardProtectionPolicy(ownerPassword, userPassword,
                    new AccessPermission());
            policy.setEncryptionKeyLength(128);
            document.protect(policy);
            return save(document);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A "scanned" page: one image and no text. */
    public static byte[] imageOnlyPdf() {
        try (PDDocument document = new PDDocument()) {
            PDPage page = new PDPage(PDRectangle.LETTER);
            document.addPage(page);
            BufferedImage image = new BufferedImage(200, 100, BufferedImage.TYPE_INT_RGB);
            for (int x = 0; x < 200; x++) {
                image.setRGB(x, x / 2, 0xFFFFFF);
            }
            PDImageXObject xObject = LosslessFactory.createFromImage(document, image);
            try (PDPageContentStream content = new PDPageContentStream(document, page)) {
                content.drawImage(xObject, 100, 400, 400, 200);
            }
            return save(document);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A DOCX with core properties, paragraphs and (if given) a table after them. */
    public static byte[] docx(String title, String creator, Date created, List<String> paragraphs,
            List<List<String>> tableRows) {
        try (XWPFDocument document = new XWPFDocument()) {
            var core = document.getProperties().getCoreProperties();
            core.setTitle(title);
            core.setCreator(creator);
            if (created != null) {
                core.setCreated(java.util.Optional.of(created));
            }
            for (String text : paragraphs) {
                document.createParagraph().createRun().setText(text);
            }
            if (!tableRows.isEmpty()) {
                XWPFTable table = document.createTable(tableRows.size(), tableRows.get(0).size());
                for (int r = 0; r < tableRows.size(); r++) {
                    for (int c = 0; c < tableRows.get(r).size(); c++) {
                        table.getRow(r).getCell(c).setText(tableRows.get(r).get(c));
                    }
                }
            }
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            document.write(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** An ODT whose content.xml body holds the given XML (text:p, text:h, ... elements). */
    public static byte[] odt(String bodyXml, String metaXml) {
        String content = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
                + "<office:document-content xmlns:office=\"urn:oasis:names:tc:opendocument:xmlns:office:1.0\""
                + " xmlns:text=\"urn:oasis:names:tc:opendocument:xmlns:text:1.0\""
                + " xmlns:table=\"urn:oasis:names:tc:opendocument:xmlns:table:1.0\" office:version=\"1.3\">"
                + "<office:body><office:text>" + bodyXml + "</office:text></office:body></office:document-content>";
        return odtWithContent(content, metaXml);
    }

    /** An ODT with a raw content.xml (for attacks) and an optional meta.xml body. */
    public static byte[] odtWithContent(String contentXml, String metaXml) {
        Map<String, byte[]> entries = new java.util.LinkedHashMap<>();
        entries.put("mimetype", "application/vnd.oasis.opendocument.text".getBytes(StandardCharsets.US_ASCII));
        entries.put("content.xml", contentXml.getBytes(StandardCharsets.UTF_8));
        if (metaXml != null) {
            entries.put("meta.xml", ("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
                    + "<office:document-meta xmlns:office=\"urn:oasis:names:tc:opendocument:xmlns:office:1.0\""
                    + " xmlns:dc=\"http://purl.org/dc/elements/1.1/\""
                    + " xmlns:meta=\"urn:oasis:names:tc:opendocument:xmlns:meta:1.0\"><office:meta>" + metaXml
                    + "</office:meta></office:document-meta>").getBytes(StandardCharsets.UTF_8));
        }
        entries.put("META-INF/manifest.xml", ("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
                + "<manifest:manifest xmlns:manifest=\"urn:oasis:names:tc:opendocument:xmlns:manifest:1.0\"/>")
                .getBytes(StandardCharsets.UTF_8));
        return zip(entries, true);
    }

    /** A zip of the given entries; the first one stored uncompressed when {@code storeFirst} (ODT's mimetype). */
    public static byte[] zip(Map<String, byte[]> entries, boolean storeFirst) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
            boolean first = true;
            for (Map.Entry<String, byte[]> e : entries.entrySet()) {
                ZipEntry entry = new ZipEntry(e.getKey());
                if (first && storeFirst) {
                    entry.setMethod(ZipEntry.STORED);
                    entry.setSize(e.getValue().length);
                    java.util.zip.CRC32 crc = new java.util.zip.CRC32();
                    crc.update(e.getValue());
                    entry.setCrc(crc.getValue());
                }
                first = false;
                zip.putNextEntry(entry);
                zip.write(e.getValue());
                zip.closeEntry();
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    /** A DOCX-shaped zip whose document.xml inflates to {@code inflatedBytes} of one repeated character. */
    public static byte[] docxBomb(int inflatedBytes) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
            zip.putNextEntry(new ZipEntry("[Content_Types].xml"));
            zip.write("<Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\"/>"
                    .getBytes(StandardCharsets.UTF_8));
            zip.putNextEntry(new ZipEntry("word/document.xml"));
            byte[] chunk = new byte[65_536];
            java.util.Arrays.fill(chunk, (byte) ' ');
            for (int written = 0; written < inflatedBytes; written += chunk.length) {
                zip.write(chunk, 0, Math.min(chunk.length, inflatedBytes - written));
            }
            zip.closeEntry();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    public static Calendar utcDate(int year, int month, int day) {
        Calendar calendar = new GregorianCalendar(TimeZone.getTimeZone("UTC"));
        calendar.clear();
        calendar.set(year, month - 1, day, 12, 0, 0);
        return calendar;
    }

    private static float writeLines(PDPageContentStream content, PDType1Font font, List<String> lines, float x, float y)
            throws IOException {
        float cursor = y;
        for (String line : lines) {
            content.beginText();
            content.setFont(font, FONT_SIZE);
            content.newLineAtOffset(x, cursor);
            content.showText(line);
            content.endText();
            cursor -= LEADING;
        }
        return cursor;
    }

    static List<String> wrap(String text, int width) {
        List<String> lines = new ArrayList<>();
        StringBuilder line = new StringBuilder();
        for (String word : text.split(" ")) {
            if (line.length() + word.length() + 1 > width && !line.isEmpty()) {
                lines.add(line.toString());
                line.setLength(0);
            }
            if (!line.isEmpty()) {
                line.append(' ');
            }
            line.append(word);
        }
        if (!line.isEmpty()) {
            lines.add(line.toString());
        }
        return lines;
    }

    private static byte[] save(PDDocument document) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        document.save(out);
        return out.toByteArray();
    }
}
