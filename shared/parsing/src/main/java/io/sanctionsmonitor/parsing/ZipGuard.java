package io.sanctionsmonitor.parsing;

import io.sanctionsmonitor.ingest.UnreadableReportException;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipException;
import java.util.zip.ZipInputStream;

/**
 * Inflates a DOCX/ODT container once, counting what it really holds (declared sizes can lie): entry count, total
 * uncompressed bytes, inflate ratio; and checks every XML entry for DTDs and nesting depth. Zip bombs and XML
 * attacks are thus rejected with a precise reason before any office library sees the file.
 */
final class ZipGuard {
    private static final long RATIO_GRACE_BYTES = 1 << 20;

    private ZipGuard() {}

    /** Every entry's bytes by name, in archive order. */
    static Map<String, byte[]> inflate(byte[] zip, String kind, ParseBudget budget) throws UnreadableReportException {
        ParseLimits limits = budget.limits();
        Map<String, byte[]> entries = new LinkedHashMap<>();
        long total = 0;
        byte[] buffer = new byte[16_384];
        try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(zip))) {
            ZipEntry entry;
            while ((entry = in.getNextEntry()) != null) {
                if (entries.size() >= limits.maxZipEntries()) {
                    throw new UnreadableReportException("zip bomb suspected: the " + kind + " container has more than "
                            + limits.maxZipEntries() + " entries");
                }
                ByteArrayOutputStream out = new ByteArrayOutputStream();
                int n;
                while ((n = in.read(buffer)) > 0) {
                    total += n;
                    if (total > limits.maxUnzippedBytes()) {
                        throw new UnreadableReportException("zip bomb suspected: the " + kind
                                + " container inflates to more than " + megabytes(limits.maxUnzippedBytes()));
                    }
                    if (total > RATIO_GRACE_BYTES && total > (long) limits.maxCompressionRatio() * zip.length) {
                        throw new UnreadableReportException("zip bomb suspected: the " + kind + " container inflates "
                                + "more than " + limits.maxCompressionRatio() + " times its size");
                    }
                    out.write(buffer, 0, n);
                }
                budget.checkTime();
                byte[] content = out.toByteArray();
                long compressed = entry.getCompressedSize();
                if (content.length > RATIO_GRACE_BYTES && compressed > 0
                        && content.length / compressed > limits.maxCompressionRatio()) {
                    throw new UnreadableReportException(String.format(Locale.ROOT,
                            "zip bomb suspected: entry %s of the %s container inflates %d times (limit %d)",
                            entry.getName(), kind, content.length / compressed, limits.maxCompressionRatio()));
                }
                entries.put(entry.getName(), content);
            }
        } catch (ZipException e) {
            throw new UnreadableReportException("corrupt " + kind + ": damaged ZIP container (" + e.getMessage() + ")", e);
        } catch (IOException e) {
            throw new UnreadableReportException("corrupt " + kind + ": cannot read the ZIP container ("
                    + e.getMessage() + ")", e);
        }
        if (entries.isEmpty()) {
            throw new UnreadableReportException("corrupt " + kind + ": the ZIP container has no entries");
        }
        for (Map.Entry<String, byte[]> entry : entries.entrySet()) {
            String name = entry.getKey().toLowerCase(Locale.ROOT);
            if (name.endsWith(".xml") || name.endsWith(".rels")) {
                SafeXml.check(entry.getValue(), entry.getKey(), budget);
            }
        }
        return entries;
    }

    private static String megabytes(long bytes) {
        return bytes % (1 << 20) == 0 ? bytes / (1 << 20) + " MB" : String.format(Locale.ROOT, "%,d bytes", bytes);
    }
}
