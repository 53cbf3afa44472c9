package io.sanctionsmonitor.parsing;

import io.sanctionsmonitor.ingest.UnreadableReportException;
import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Decides a report's format from its content: magic bytes, zip entry names, markup sniffing. The file name's
 * extension only settles what content cannot (Markdown versus plain text).
 */
final class FormatDetector {
    private static final int PDF_HEADER_WINDOW = 1024;
    private static final int SNIFF_CHARS = 4096;
    private static final double MAX_CONTROL_SHARE = 0.02;
    private static final Pattern HTML_START = Pattern.compile(
            "(?is)^(?:\\s|<!--.*?-->|<\\?xml[^>]*>)*<(?:!doctype\\s+html|html[\\s>])");
    private static final Pattern HTML_TAGS = Pattern.compile("(?i)<(?:head|body|article|div|p|meta|title)[\\s>]");
    private static final Pattern XML_START = Pattern.compile("(?s)^(?:\\s|<!--.*?-->)*<\\?xml");
    private static final Set<String> MARKDOWN_EXTENSIONS = Set.of("md", "markdown", "mdown", "mkd");
    private static final Set<String> HTML_EXTENSIONS = Set.of("html", "htm", "xhtml");
    private static final List<Signature> UNSUPPORTED = loadSignatures();
    private static final byte[] OLE2 = HexFormat.of().parseHex("D0CF11E0A1B11AE1");
    /** Password-protected DOCX/XLSX are OLE2 files holding an "EncryptionInfo" stream (named in UTF-16LE). */
    private static final byte[] ENCRYPTION_INFO = "EncryptionInfo".getBytes(StandardCharsets.UTF_16LE);

    private record Signature(byte[] prefix, String name) {}

    private FormatDetector() {}

    /** The format of a file that is not empty; throws for binary junk and recognised but unsupported formats. */
    static ReportFormat detect(String fileName, byte[] bytes) throws UnreadableReportException {
        if (indexOf(bytes, "%PDF-".getBytes(StandardCharsets.US_ASCII), PDF_HEADER_WINDOW) >= 0) {
            return ReportFormat.PDF;
        }
        if (TextDecoder.startsWith(bytes, 'P', 'K', 3, 4) || TextDecoder.startsWith(bytes, 'P', 'K', 5, 6)) {
            return zipFormat(bytes);
        }
        if (TextDecoder.startsWith(bytes, '{', '\\', 'r', 't', 'f')) {
            return ReportFormat.RTF;
        }
        if (startsWith(bytes, OLE2) && indexOf(bytes, ENCRYPTION_INFO, bytes.length) >= 0) {
            throw new UnreadableReportException(
                    "encrypted Office document: password-protected documents are not supported");
        }
        for (Signature signature : UNSUPPORTED) {
            if (startsWith(bytes, signature.prefix())) {
                throw new UnreadableReportException("unsupported format: " + signature.name());
            }
        }
        String head = TextDecoder.decode(sample(bytes)).text();
        rejectBinary(head);
        String extension = extension(fileName);
        if (HTML_START.matcher(head).find()) {
            return ReportFormat.HTML;
        }
        if (XML_START.matcher(head).find()) {
            throw new UnreadableReportException("unsupported format: XML document that is not HTML");
        }
        if (HTML_EXTENSIONS.contains(extension) && HTML_TAGS.matcher(head).find()) {
            return ReportFormat.HTML;
        }
        if (MARKDOWN_EXTENSIONS.contains(extension) || MarkdownReader.looksLikeMarkdown(head)) {
            return ReportFormat.MARKDOWN;
        }
        return ReportFormat.TEXT;
    }

    private static ReportFormat zipFormat(byte[] bytes) throws UnreadableReportException {
        List<String> names = ZipDirectory.entryNames(bytes);
        if (names.contains("word/document.xml") || names.contains("[Content_Types].xml")
                && names.stream().anyMatch(n -> n.startsWith("word/") && n.endsWith(".xml"))) {
            return ReportFormat.DOCX;
        }
        String head = new String(bytes, 0, Math.min(bytes.length, 200), StandardCharsets.ISO_8859_1);
        if (head.contains("mimetypeapplication/vnd.oasis.opendocument.text")
                || (names.contains("content.xml") && !head.contains("mimetypeapplication/vnd.oasis.opendocument."))) {
            return ReportFormat.ODT;
        }
        if (head.contains("mimetypeapplication/vnd.oasis.opendocument.")) {
            throw new UnreadableReportException("unsupported format: OpenDocument file that is not a text document (ODT)");
        }
        if (names.contains("xl/workbook.xml")) {
            throw new UnreadableReportException("unsupported format: Excel workbook (XLSX)");
        }
        if (names.contains("ppt/presentation.xml")) {
            throw new UnreadableReportException("unsupported format: PowerPoint presentation (PPTX)");
        }
        throw new UnreadableReportException("unsupported format: ZIP archive that is neither DOCX nor ODT");
    }

    /** Text has almost no control characters; anything else that no signature claimed is junk to us. */
    private static void rejectBinary(String head) throws UnreadableReportException {
        int controls = 0;
        for (int i = 0; i < head.length(); i++) {
            char c = head.charAt(i);
            if ((Character.isISOControl(c) && c != '\n' && c != '\r' && c != '\t' && c != '\f') || c == '\uFFFD') {
                controls++;
            }
        }
        if (controls > head.length() * MAX_CONTROL_SHARE) {
            throw new UnreadableReportException(String.format(Locale.ROOT,
                    "unknown format: binary data (%d%% control bytes) with no known document signature",
                    Math.round(100.0 * controls / head.length())));
        }
    }

    private static byte[] sample(byte[] bytes) {
        int n = Math.min(bytes.length, SNIFF_CHARS * 2);
        byte[] sample = new byte[n];
        System.arraycopy(bytes, 0, sample, 0, n);
        return trimIncompleteUtf8(sample, bytes.length > n);
    }

    /** A sample cut inside a multi-byte UTF-8 character must not make valid UTF-8 look like Windows-1252. */
    private static byte[] trimIncompleteUtf8(byte[] sample, boolean cut) {
        if (!cut) {
            return sample;
        }
        int end = sample.length;
        int back = 0;
        while (end > 0 && back < 3 && (sample[end - 1] & 0xC0) == 0x80) {
            end--;
            back++;
        }
        if (end > 0 && (sample[end - 1] & 0xC0) == 0xC0) {
            end--;
        }
        end &= ~1; // keep UTF-16 samples whole code units
        byte[] trimmed = new byte[end];
        System.arraycopy(sample, 0, trimmed, 0, end);
        return trimmed;
    }

    static String extension(String fileName) {
        if (fileName == null) {
            return "";
        }
        int slash = Math.max(fileName.lastIndexOf('/'), fileName.lastIndexOf('\\'));
        int dot = fileName.lastIndexOf('.');
        return dot > slash ? fileName.substring(dot + 1).toLowerCase(Locale.ROOT) : "";
    }

    private static int indexOf(byte[] bytes, byte[] needle, int window) {
        int last = Math.min(bytes.length - needle.length, window);
        outer:
        for (int i = 0; i <= last; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (bytes[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }

    private static boolean startsWith(byte[] bytes, byte[] prefix) {
        if (bytes.length < prefix.length) {
            return false;
        }
        for (int i = 0; i < prefix.length; i++) {
            if (bytes[i] != prefix[i]) {
                return false;
            }
        }
        return true;
    }

    private static List<Signature> loadSignatures() {
        return ResourceLines.read("/parsing/unsupported-signatures.txt").stream()
                .map(line -> line.split("\\s+", 2))
                .map(parts -> new Signature(HexFormat.of().parseHex(parts[0]), parts[1]))
                .toList();
    }
}
