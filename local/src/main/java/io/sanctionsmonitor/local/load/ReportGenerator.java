package io.sanctionsmonitor.local.load;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.Month;
import java.time.format.TextStyle;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDDocumentInformation;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.font.PDType1Font;
import org.apache.pdfbox.pdmodel.font.Standard14Fonts;
import org.apache.poi.xwpf.usermodel.XWPFDocument;

/**
 * Made-up sanctions-monitoring reports in text, HTML, PDF and DOCX, for load and fault tests. Deterministic for
 * a seed. Sentences are written here from templates (states, items, quantities, months); none comes from the
 * corpus. A requested share of files is damaged on purpose (truncated, emptied or replaced by noise).
 */
public final class ReportGenerator {

    public enum Format {
        TEXT("txt"), HTML("html"), PDF("pdf"), DOCX("docx");

        final String extension;

        Format(String extension) {
            this.extension = extension;
        }
    }

    private static final String[] STATES = {"Russia", "North Korea", "China", "Iran", "Belarus", "Syria"};
    private static final String[] SOURCES = {"the monitoring team", "a member state", "officials in Seoul",
            "customs records seen by the team", "the panel of experts"};
    private static final String[][] ARMS = {{"artillery shells", "tens of thousands"}, {"ballistic missiles", "dozens"},
            {"air defence systems", "several"}, {"attack drones", "hundreds"}, {"rocket launchers", "several"}};
    private static final String[] FILLER = {
            "The weather at the port was calm during the inspection.",
            "The team will continue to monitor the crossing and asks member states to share information.",
            "Rail traffic across the bridge increased after the meeting, although the cargo could not be identified.",
            "Several photographs of the site were reviewed by the team.",
            "The vessel's transponder was switched off for most of the voyage."};

    private final Random random;
    private final double corruptShare;

    /** @param corruptShare the probability that a report is damaged on purpose (0.01 for about 1%) */
    public ReportGenerator(long seed, double corruptShare) {
        this.random = new Random(seed);
        this.corruptShare = corruptShare;
    }

    /** The {@code index}-th report: formats in turn, so every format is exercised. */
    public GeneratedReport next(int index) {
        Format format = Format.values()[index % Format.values().length];
        String title = "Monitoring note " + index + ": deliveries and transfers";
        LocalDate published = LocalDate.of(2024 + random.nextInt(3), 1 + random.nextInt(12), 1 + random.nextInt(28));
        List<String> sentences = sentences(published);
        String fileName = "load-" + String.format(Locale.ROOT, "%05d", index) + "." + format.extension;
        byte[] content = render(format, title, published, sentences);
        if (random.nextDouble() < corruptShare) {
            return new GeneratedReport(fileName, format, damage(format, content), true);
        }
        return new GeneratedReport(fileName, format, content, false);
    }

    /** Between two and five findings' worth of sentences, among filler. */
    List<String> sentences(LocalDate published) {
        List<String> sentences = new ArrayList<>();
        int findings = 2 + random.nextInt(4);
        for (int i = 0; i < findings; i++) {
            String from = pick(STATES);
            String to = pick(STATES);
            while (to.equals(from)) {
                to = pick(STATES);
            }
            Month month = Month.of(1 + random.nextInt(12));
            int year = published.getYear() - random.nextInt(2);
            String when = month.getDisplayName(TextStyle.FULL, Locale.ENGLISH) + " " + year;
            String source = pick(SOURCES);
            sentences.add(switch (random.nextInt(4)) {
                case 0 -> {
                    String[] arms = ARMS[random.nextInt(ARMS.length)];
                    yield capital(source) + " reported that " + from + " delivered " + (2 + random.nextInt(5000))
                            + " " + arms[0] + " to " + to + " in " + when + ".";
                }
                case 1 -> "According to " + source + ", " + from + " shipped about " + (10 + random.nextInt(900))
                        + " tonnes of machinery parts to " + to + " in " + when + ".";
                case 2 -> capital(source) + " said that " + from + " may have transferred " + ARMS[random.nextInt(ARMS.length)][1]
                        + " " + ARMS[random.nextInt(ARMS.length)][0] + " to " + to + " since " + when + ".";
                default -> capital(source) + " confirmed that about " + (1_000 + random.nextInt(20_000))
                        + " barrels of diesel were delivered to " + to + " by a tanker from " + from + " in " + when + ".";
            });
            if (random.nextBoolean()) {
                sentences.add(pick(FILLER));
            }
        }
        return sentences;
    }

    byte[] render(Format format, String title, LocalDate published, List<String> sentences) {
        return switch (format) {
            case TEXT -> ("Title: " + title + "\nPublished: " + published + "\nPublisher: Sanctions Monitor load test\n\n"
                    + String.join("\n", sentences) + "\n").getBytes(StandardCharsets.UTF_8);
            case HTML -> html(title, published, sentences);
            case PDF -> pdf(title, published, sentences);
            case DOCX -> docx(title, published, sentences);
        };
    }

    private static byte[] html(String title, LocalDate published, List<String> sentences) {
        StringBuilder html = new StringBuilder("<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>")
                .append(title).append("</title><meta property=\"article:published_time\" content=\"").append(published)
                .append("\"></head><body><nav><a href=\"/\">Home</a></nav><article><h1>").append(title).append("</h1>");
        for (String sentence : sentences) {
            html.append("<p>").append(sentence).append("</p>");
        }
        return html.append("</article><footer>Sanctions Monitor load test</footer></body></html>")
                .toString().getBytes(StandardCharsets.UTF_8);
    }

    private static byte[] pdf(String title, LocalDate published, List<String> sentences) {
        try (PDDocument document = new PDDocument(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            PDDocumentInformation info = new PDDocumentInformation();
            info.setTitle(title);
            document.setDocumentInformation(info);
            PDPage page = new PDPage();
            document.addPage(page);
            PDType1Font font = new PDType1Font(Standard14Fonts.FontName.HELVETICA);
            try (PDPageContentStream text = new PDPageContentStream(document, page)) {
                text.beginText();
                text.setFont(font, 10);
                text.setLeading(14);
                text.newLineAtOffset(50, 740);
                text.showText(title);
                text.newLine();
                text.showText("Published: " + published);
                text.newLine();
                text.newLine();
                for (String sentence : sentences) {
                    for (String line : wrap(sentence, 95)) {
                        text.showText(line);
                        text.newLine();
                    }
                    text.newLine();
                }
                text.endText();
            }
            document.save(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static byte[] docx(String title, LocalDate published, List<String> sentences) {
        try (XWPFDocument document = new XWPFDocument(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            document.getProperties().getCoreProperties().setTitle(title);
            document.createParagraph().createRun().setText(title);
            document.createParagraph().createRun().setText("Published: " + published);
            for (String sentence : sentences) {
                document.createParagraph().createRun().setText(sentence);
            }
            document.write(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Damage no reader can get past: empty the file, replace it with noise, or (for the binary formats, where a
     * cut leaves no readable text) cut it short after its signature.
     */
    private byte[] damage(Format format, byte[] content) {
        int kind = random.nextInt(3);
        if (kind == 0 && (format == Format.TEXT || format == Format.HTML)) {
            kind = 1 + random.nextInt(2);
        }
        return switch (kind) {
            case 0 -> Arrays.copyOf(content, Math.min(content.length, 12));
            case 1 -> new byte[0];
            default -> {
                byte[] noise = new byte[2_048];
                random.nextBytes(noise);
                yield noise;
            }
        };
    }

    private static List<String> wrap(String sentence, int width) {
        List<String> lines = new ArrayList<>();
        StringBuilder line = new StringBuilder();
        for (String word : sentence.split(" ")) {
            if (line.length() + word.length() + 1 > width && !line.isEmpty()) {
                lines.add(line.toString());
                line.setLength(0);
            }
            line.append(line.isEmpty() ? "" : " ").append(word);
        }
        lines.add(line.toString());
        return lines;
    }

    private String pick(String[] options) {
        return options[random.nextInt(options.length)];
    }

    private static String capital(String text) {
        return Character.toUpperCase(text.charAt(0)) + text.substring(1);
    }
}
