package io.sanctionsmonitor.benchmarks;

import io.sanctionsmonitor.parsing.ParseLimits;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * {@code bin/coldstart memory}: the processor's core (parse + extract) on the largest documents its limits let
 * through, each in a fresh JVM whose -Xmx is the processor's MemorySize in template.yaml, with the java21
 * runtime's flags. Files: a text at the object size limit (refused by the text limit, but read whole first),
 * and text, HTML (every word in its own element, so the DOM is as large as the object limit allows), PDF (also
 * spread over just under the page limit) and DOCX files carrying just under the text limit. Prints peak heap per file; an OutOfMemoryError fails the run.
 *
 * <p>Usage: {@code MemoryBenchmark MEMORY_MB [WORK_DIR]}
 */
public final class MemoryBenchmark {
    private MemoryBenchmark() {}

    public static void main(String[] args) throws Exception {
        int memoryMb = Integer.parseInt(args[0]);
        Path work = Files.createDirectories(Path.of(args.length > 1 ? args[1] : "target/memory"));
        ParseLimits limits = ParseLimits.defaults();
        int textChars = limits.maxTextChars() - 100_000;
        String text = SyntheticReports.text(textChars, 8);
        Map<String, byte[]> files = new LinkedHashMap<>();
        files.put("max-object.txt", SyntheticReports.text((int) limits.maxObjectBytes() - 1000, 9).getBytes(StandardCharsets.UTF_8));
        files.put("max-text.txt", SyntheticFiles.of("text", text));
        files.put("max-text-dom.html", wordPerElement(text, limits.maxObjectBytes()));
        files.put("max-text.pdf", SyntheticFiles.of("pdf", text));
        files.put("max-pages.pdf", pdfPages(text, limits.maxPages() - 10));
        files.put("max-text.docx", SyntheticFiles.of("docx", text));

        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        String classPath = Path.of(MemoryBenchmark.class.getProtectionDomain().getCodeSource().getLocation().toURI()).toString();
        System.out.printf(Locale.ROOT, "%nProcessor core (parse + extract) at -Xmx%dm (template MemorySize), fresh JVM per file:%n%n", memoryMb);
        System.out.println("| file | size (MB) | peak heap (MB) | seconds | outcome |");
        System.out.println("|---|---:|---:|---:|---|");
        boolean failed = false;
        for (Map.Entry<String, byte[]> file : files.entrySet()) {
            if (file.getValue().length > limits.maxObjectBytes()) {
                throw new IllegalStateException(file.getKey() + " is over the object size limit: " + file.getValue().length);
            }
            Path path = work.resolve(file.getKey());
            Files.write(path, file.getValue());
            List<String> command = new ArrayList<>(List.of(java, "-XX:+TieredCompilation", "-XX:TieredStopAtLevel=1",
                    "-XX:+UseSerialGC", "-Xshare:auto", "-Xmx" + memoryMb + "m", "-XX:+ExitOnOutOfMemoryError",
                    "-cp", classPath, MemoryProbe.class.getName(), path.toString()));
            Process process = new ProcessBuilder(command).redirectError(work.resolve(file.getKey() + ".log").toFile()).start();
            String line = null;
            try (BufferedReader out = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
                for (String l = out.readLine(); l != null; l = out.readLine()) {
                    if (l.startsWith("MEMORY ")) {
                        line = l;
                    }
                }
            }
            process.waitFor(5, TimeUnit.MINUTES);
            double sizeMb = file.getValue().length / 1_000_000.0;
            if (line == null || process.exitValue() != 0) {
                failed = true;
                System.out.printf(Locale.ROOT, "| %s | %.1f | - | - | FAILED (exit %d; see %s) |%n", file.getKey(), sizeMb,
                        process.exitValue(), work.resolve(file.getKey() + ".log"));
                continue;
            }
            Map<String, String> fields = fields(line);
            System.out.printf(Locale.ROOT, "| %s | %.1f | %s | %s | %s |%n", file.getKey(), sizeMb, fields.get("peak_mb"),
                    fields.get("seconds"), fields.get("outcome"));
        }
        if (failed) {
            System.exit(1);
        }
    }

    /** Every word of the text in an element of its own, padded with markup up to {@code maxBytes}. */
    static byte[] wordPerElement(String text, long maxBytes) {
        StringBuilder html = new StringBuilder("<!doctype html><html><head><title>Report</title></head><body><article>");
        for (String paragraph : text.split("\n\n")) {
            html.append("<p>");
            for (String word : paragraph.split(" ")) {
                html.append("<span>").append(word.replace("&", "&amp;").replace("<", "&lt;")).append("</span> ");
            }
            html.append("</p>\n");
        }
        String tail = "</article></body></html>";
        long room = maxBytes - html.length() - tail.length() - 64;
        String filler = "<div class=\"layout-filler\"></div>\n";
        while (room > filler.length()) {
            html.append(filler);
            room -= filler.length();
        }
        return html.append(tail).toString().getBytes(StandardCharsets.UTF_8);
    }

    /** The text as a PDF of {@code pages} pages, in lines of at most 95 characters. */
    static byte[] pdfPages(String text, int pages) {
        List<String> lines = SyntheticFiles.wrap(text, 95);
        return SyntheticFiles.pdf(lines, (lines.size() + pages - 1) / pages, 7, 8, 30, 760);
    }

    private static Map<String, String> fields(String line) {
        Map<String, String> fields = new LinkedHashMap<>();
        String rest = line.substring("MEMORY ".length());
        int outcome = rest.indexOf("outcome=");
        for (String pair : rest.substring(0, outcome).trim().split(" ")) {
            fields.put(pair.substring(0, pair.indexOf('=')), pair.substring(pair.indexOf('=') + 1));
        }
        fields.put("outcome", rest.substring(outcome + "outcome=".length()).replace("|", "/"));
        return fields;
    }
}
