package io.sanctionsmonitor.benchmarks.coldstart;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Enumeration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

/**
 * What a deployment jar holds: its size and its compressed bytes per library, grouped by package prefix, with the
 * prefixes a function must not package (other HTTP clients; parsers in the API). {@code bin/coldstart jars}.
 */
public final class JarInventory {
    /** HTTP clients other than the URL connection client: neither function may package one. */
    public static final List<String> OTHER_HTTP_CLIENTS = List.of("org/apache/http/", "org/apache/hc/", "io/netty/",
            "software/amazon/awssdk/http/apache/", "software/amazon/awssdk/http/apache5/",
            "software/amazon/awssdk/http/nio/", "software/amazon/awssdk/http/crt/", "software/amazon/awssdk/crt/");
    /** Document parsers: only the processor reads documents. */
    public static final List<String> PARSERS = List.of("org/apache/pdfbox/", "org/apache/fontbox/", "org/apache/poi/",
            "org/apache/xmlbeans/", "org/openxmlformats/", "org/jsoup/");

    /** Libraries that are one prefix, however deep their packages go. */
    private static final List<String> WHOLE = List.of("org/jsoup/", "org/joda/time/",
            "com/amazonaws/services/lambda/runtime/events/");
    /** Prefixes under which each next segment is a library (or SDK module) of its own; the first match counts. */
    private static final List<String> GROUPS = List.of("software/amazon/awssdk/services/", "software/amazon/awssdk/http/",
            "software/amazon/awssdk/thirdparty/", "software/amazon/awssdk/", "com/fasterxml/jackson/",
            "com/amazonaws/services/lambda/", "org/apache/commons/", "org/apache/logging/", "io/sanctionsmonitor/");

    /** Compressed bytes and entries of one group. */
    public record Group(String prefix, long compressedBytes, int entries) {}

    private JarInventory() {}

    public static void main(String[] args) throws IOException {
        Path root = Path.of(args.length > 0 ? args[0] : ".");
        System.out.print(markdown(Map.of("processor", root.resolve("functions/processor/target/processor.jar"),
                "api", root.resolve("functions/api/target/api.jar"))));
    }

    static String markdown(Map<String, Path> jars) throws IOException {
        StringBuilder out = new StringBuilder("\n| function | jar | size (MB) | entries |\n|---|---|---:|---:|\n");
        for (Map.Entry<String, Path> jar : new TreeMap<>(jars).entrySet()) {
            try (ZipFile zip = new ZipFile(jar.getValue().toFile())) {
                out.append(String.format(Locale.ROOT, "| %s | %s | %.1f | %d |%n", jar.getKey(), jar.getValue().getFileName(),
                        Files.size(jar.getValue()) / 1_000_000.0, zip.size()));
            }
        }
        for (Map.Entry<String, Path> jar : new TreeMap<>(jars).entrySet()) {
            out.append(String.format(Locale.ROOT, "%n%s.jar, compressed KB by library prefix (largest first):%n%n", jar.getKey()));
            out.append("| prefix | KB | entries |\n|---|---:|---:|\n");
            for (Group group : groups(jar.getValue())) {
                if (group.compressedBytes() >= 20_000) {
                    out.append(String.format(Locale.ROOT, "| %s | %d | %d |%n", group.prefix(), group.compressedBytes() / 1000,
                            group.entries()));
                }
            }
        }
        return out.toString();
    }

    /** Groups by library prefix, largest first. */
    public static List<Group> groups(Path jar) throws IOException {
        Map<String, long[]> sums = new TreeMap<>();
        try (ZipFile zip = new ZipFile(jar.toFile())) {
            Enumeration<? extends ZipEntry> entries = zip.entries();
            while (entries.hasMoreElements()) {
                ZipEntry entry = entries.nextElement();
                long[] sum = sums.computeIfAbsent(prefix(entry.getName()), k -> new long[2]);
                sum[0] += Math.max(0, entry.getCompressedSize());
                sum[1]++;
            }
        }
        List<Group> groups = new ArrayList<>();
        sums.forEach((prefix, sum) -> groups.add(new Group(prefix, sum[0], (int) sum[1])));
        groups.sort((a, b) -> Long.compare(b.compressedBytes(), a.compressedBytes()));
        return groups;
    }

    /** Entry names under any of the prefixes. */
    public static List<String> entriesUnder(Path jar, List<String> prefixes) throws IOException {
        List<String> found = new ArrayList<>();
        try (ZipFile zip = new ZipFile(jar.toFile())) {
            zip.stream().map(ZipEntry::getName).filter(name -> prefixes.stream().anyMatch(name::startsWith)).forEach(found::add);
        }
        return found;
    }

    static String prefix(String name) {
        if (name.startsWith("META-INF/")) {
            return "META-INF/";
        }
        for (String whole : WHOLE) {
            if (name.startsWith(whole)) {
                return whole;
            }
        }
        for (String group : GROUPS) {
            if (name.startsWith(group)) {
                int next = name.indexOf('/', group.length());
                return next < 0 ? group : name.substring(0, next + 1);
            }
        }
        String[] parts = name.split("/", -1);
        if (parts.length == 1) {
            return "(root files)";
        }
        // Three directory levels name a library (org/apache/pdfbox/, com/zaxxer/sparsebits/); fewer when shallower.
        return String.join("/", java.util.Arrays.copyOfRange(parts, 0, Math.min(3, parts.length - 1))) + "/";
    }
}
