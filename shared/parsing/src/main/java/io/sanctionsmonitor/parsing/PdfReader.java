package io.sanctionsmonitor.parsing;

import io.sanctionsmonitor.ingest.UnreadableReportException;
import io.sanctionsmonitor.model.ParsedReport;
import io.sanctionsmonitor.model.ReportMetadata;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Calendar;
import java.util.List;
import java.util.Locale;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.contentstream.operator.Operator;
import org.apache.pdfbox.cos.COSBase;
import org.apache.pdfbox.io.MemoryUsageSetting;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDDocumentInformation;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDResources;
import org.apache.pdfbox.pdmodel.encryption.InvalidPasswordException;
import org.apache.pdfbox.text.PDFTextStripper;
import org.apache.pdfbox.text.TextPosition;

/** Born-digital PDF text in reading order (see {@link ColumnLayout}), with the info dictionary's title and date. */
final class PdfReader {
    private static final String PAGE_BREAK = "\f";
    private PdfReader() {}

    static ParsedReport read(byte[] content, ParseBudget budget, Boilerplate boilerplate)
            throws UnreadableReportException {
        ParseLimits limits = budget.limits();
        PDDocument document;
        try {
            document = Loader.loadPDF(content, "", null, null,
                    MemoryUsageSetting.setupMainMemoryOnly(limits.maxPdfMemoryBytes()).streamCache);
        } catch (InvalidPasswordException e) {
            throw new UnreadableReportException("encrypted PDF: password-protected documents are not supported", e);
        } catch (IOException e) {
            throw new UnreadableReportException("corrupt PDF: " + reason(e), e);
        }
        try (document) {
            int pages = document.getNumberOfPages();
            if (pages == 0) {
                throw new UnreadableReportException("corrupt PDF: no pages");
            }
            if (pages > limits.maxPages()) {
                throw new UnreadableReportException(String.format(Locale.ROOT,
                        "page limit exceeded: the PDF has %,d pages; the limit is %,d", pages, limits.maxPages()));
            }
            budget.checkTime();
            String raw = RunningLines.remove(new ReadingOrderStripper(budget).getText(document).split(PAGE_BREAK));
            String text = boilerplate.strip(joinLines(raw));
            budget.checkTextLength(text.length());
            if (text.isBlank()) {
                throw new UnreadableReportException(hasImages(document)
                        ? "scanned PDF: no text layer; OCR is not supported"
                        : "empty PDF: its pages contain no text (no text layer; OCR is not supported)");
            }
            PDDocumentInformation info = document.getDocumentInformation();
            String title = info.getTitle() == null || info.getTitle().isBlank() ? null : info.getTitle().strip();
            String language = Languages.code(document.getDocumentCatalog().getLanguage());
            return new ParsedReport(text, new ReportMetadata(ReportFormat.PDF.id(), title, isoDate(info.getCreationDate()),
                    null, language));
        } catch (IOException e) {
            throw new UnreadableReportException("corrupt PDF: " + reason(e), e);
        }
    }

    /** Lines of a paragraph join with a space; a hyphen at a line end joins a lower-case word back together. */
    static String joinLines(String raw) {
        StringBuilder out = new StringBuilder(raw.length());
        for (String paragraph : Paragraphs.normalize(raw).split("\n\n")) {
            if (!out.isEmpty()) {
                out.append("\n\n");
            }
            String[] lines = paragraph.split("\n");
            StringBuilder p = new StringBuilder();
            for (String line : lines) {
                String l = line.strip();
                if (l.isEmpty()) {
                    continue;
                }
                int n = p.length();
                if (n >= 2 && p.charAt(n - 1) == '-' && Character.isLetter(p.charAt(n - 2))
                        && Character.isLowerCase(l.charAt(0))) {
                    p.setLength(n - 1);
                } else if (n > 0) {
                    p.append(' ');
                }
                p.append(l);
            }
            out.append(p);
        }
        return out.toString().strip();
    }

    private static boolean hasImages(PDDocument document) {
        for (PDPage page : document.getPages()) {
            PDResources resources = page.getResources();
            if (resources == null) {
                continue;
            }
            for (var name : resources.getXObjectNames()) {
                if (resources.isImageXObject(name)) {
                    return true;
                }
            }
        }
        return false;
    }

    private static String isoDate(Calendar calendar) {
        if (calendar == null) {
            return null;
        }
        return String.format(Locale.ROOT, "%04d-%02d-%02d", calendar.get(Calendar.YEAR),
                calendar.get(Calendar.MONTH) + 1, calendar.get(Calendar.DAY_OF_MONTH));
    }

    private static String reason(IOException e) {
        String message = e.getMessage();
        if (message == null || message.isBlank()) {
            return e.getClass().getSimpleName();
        }
        if (message.contains("Maximum allowed") || message.contains("exceed")) {
            return "needs more than the allowed memory for its streams (" + message + ")";
        }
        int newline = message.indexOf('\n');
        return newline < 0 ? message : message.substring(0, newline);
    }

    /** PDFBox's stripper, sorted by position within the blocks that {@link ColumnLayout} finds on each page. */
    private static final class ReadingOrderStripper extends PDFTextStripper {
        private static final int CHECK_EVERY_OPERATORS = 4096;

        private final ParseBudget budget;
        private int written;
        private long operators;

        ReadingOrderStripper(ParseBudget budget) {
            this.budget = budget;
            setSortByPosition(true);
            setShouldSeparateByBeads(false);
            setLineSeparator("\n");
            setParagraphStart("");
            setParagraphEnd("\n\n");
            setArticleStart("");
            setArticleEnd("");
            setPageStart("");
            setPageEnd(PAGE_BREAK);
        }

        @Override
        protected void startPage(PDPage page) throws IOException {
            budget.checkTime();
            super.startPage(page);
        }

        /** A page can hold millions of operators; the clock is checked every few thousand. */
        @Override
        protected void processOperator(Operator operator, List<COSBase> operands) throws IOException {
            if (++operators % CHECK_EVERY_OPERATORS == 0) {
                budget.checkTime();
            }
            super.processOperator(operator, operands);
        }

        @Override
        protected void writePage() throws IOException {
            budget.checkTime();
            List<List<TextPosition>> original = new ArrayList<>(charactersByArticle);
            List<TextPosition> glyphs = new ArrayList<>();
            original.forEach(glyphs::addAll);
            List<List<TextPosition>> blocks = ColumnLayout.readingOrder(glyphs);
            if (blocks.size() > 1) {
                charactersByArticle.clear();
                charactersByArticle.addAll(blocks);
            }
            try {
                super.writePage();
            } finally {
                charactersByArticle.clear();
                charactersByArticle.addAll(original);
            }
        }

        @Override
        protected void writeString(String text, List<TextPosition> textPositions) throws IOException {
            written += text.length();
            budget.checkTextLength(written);
            super.writeString(text, textPositions);
        }
    }
}
