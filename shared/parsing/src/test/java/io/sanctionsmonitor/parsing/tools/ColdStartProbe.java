package io.sanctionsmonitor.parsing.tools;

import io.sanctionsmonitor.parsing.DetectingReportParser;
import io.sanctionsmonitor.parsing.ReportFixtures;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * Measures the cold-start cost of parsing: run once with {@code write DIR} to generate one sample per format,
 * then once per format in a fresh JVM with {@code parse DIR/sample.pdf} (or {@code read DIR/sample.txt}, the
 * baseline that only reads bytes and decodes UTF-8), or {@code warm-parse DIR/sample.pdf} to parse after
 * {@link DetectingReportParser#warmUp()} as a SnapStart checkpoint would. Prints milliseconds since JVM start and for the first call.
 * Not a test: it times things, and tests must not.
 */
public final class ColdStartProbe {
    private ColdStartProbe() {}

    public static void main(String[] args) throws Exception {
        if (args[0].equals("write")) {
            write(Path.of(args[1]));
            return;
        }
        if (args[0].equals("warm-parse")) {
            long warmStart = System.nanoTime();
            new DetectingReportParser().warmUp();
            System.out.printf("warm-up all-formats first-call-ms=%d since-jvm-start-ms=0 chars=0%n",
                    (System.nanoTime() - warmStart) / 1_000_000);
        }
        long before = System.nanoTime();
        byte[] bytes = Files.readAllBytes(Path.of(args[1]));
        int chars;
        if (args[0].equals("read")) {
            chars = new String(bytes, StandardCharsets.UTF_8).length();
        } else {
            chars = new DetectingReportParser().parse(Path.of(args[1]).getFileName().toString(), bytes).text().length();
        }
        long firstCallMillis = (System.nanoTime() - before) / 1_000_000;
        long sinceStart = System.currentTimeMillis() - ManagementFactory.getRuntimeMXBean().getStartTime();
        System.out.printf("%s %s first-call-ms=%d since-jvm-start-ms=%d chars=%d%n", args[0], args[1], firstCallMillis,
                sinceStart, chars);
    }

    private static void write(Path dir) throws Exception {
        new DetectingReportParser(); // settles logging before POI and PDFBox load
        Files.createDirectories(dir);
        String paragraph = "The panel reported that several vessels transferred refined petroleum at sea, "
                + "and that the cargo was later landed at a northern port. ";
        List<String> paragraphs = List.of(paragraph.repeat(3), paragraph.repeat(2), paragraph);
        String text = String.join("\n\n", paragraphs);
        Files.writeString(dir.resolve("sample.txt"), "Title: Sample\nPublished: 2025-01-02\n\n" + text);
        Files.writeString(dir.resolve("sample.md"), "# Sample\n\n**Bold** " + text + "\n\n- item [link](x)\n");
        Files.writeString(dir.resolve("sample.html"), "<!doctype html><html lang=en><head><title>Sample</title>"
                + "<meta property=\"article:published_time\" content=\"2025-01-02\"></head><body><nav>Home</nav>"
                + "<article><p>" + String.join("</p><p>", paragraphs) + "</p></article></body></html>");
        Files.write(dir.resolve("sample.pdf"), ReportFixtures.pdf("Sample", ReportFixtures.utcDate(2025, 1, 2), paragraphs));
        Files.write(dir.resolve("sample.docx"), ReportFixtures.docx("Sample", "Unit", null, paragraphs, List.of()));
        Files.write(dir.resolve("sample.odt"), ReportFixtures.odt("<text:p>" + String.join("</text:p><text:p>", paragraphs)
                + "</text:p>", "<dc:title>Sample</dc:title>"));
        Files.writeString(dir.resolve("sample.rtf"), "{\\rtf1\\ansi{\\info{\\title Sample}}"
                + String.join("\\par ", paragraphs) + "\\par}", StandardCharsets.US_ASCII);
    }
}
