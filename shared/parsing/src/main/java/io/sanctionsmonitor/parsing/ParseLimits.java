package io.sanctionsmonitor.parsing;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.Map;
import java.util.Properties;

/**
 * How much one parse may read, produce and take. Defaults live in {@code parsing/limits.properties};
 * {@link #fromEnvironment(Map)} lets the function's environment override each of them.
 *
 * @param maxObjectBytes      largest file read at all
 * @param maxTextChars        most characters of extracted text
 * @param maxPages            most PDF pages
 * @param timeBudget          wall-clock budget for one parse (checked between pages, paragraphs and elements)
 * @param maxNestingDepth     deepest HTML/XML element nesting, RTF group nesting
 * @param maxUnzippedBytes    total uncompressed bytes of a DOCX/ODT archive
 * @param maxZipEntries       most entries of a DOCX/ODT archive
 * @param maxCompressionRatio largest inflate ratio of an entry over 1 MB before it counts as a zip bomb
 * @param maxPdfMemoryBytes   memory PDFBox may use for decoded streams
 */
public record ParseLimits(
        long maxObjectBytes,
        int maxTextChars,
        int maxPages,
        Duration timeBudget,
        int maxNestingDepth,
        long maxUnzippedBytes,
        int maxZipEntries,
        int maxCompressionRatio,
        long maxPdfMemoryBytes) {

    /** Environment variable of each limit, by its key in {@code parsing/limits.properties}. */
    public static final Map<String, String> ENVIRONMENT_VARIABLES = Map.of(
            "maxObjectBytes", "PARSE_MAX_OBJECT_BYTES",
            "maxTextChars", "PARSE_MAX_TEXT_CHARS",
            "maxPages", "PARSE_MAX_PAGES",
            "timeBudgetMillis", "PARSE_TIME_BUDGET_MS",
            "maxNestingDepth", "PARSE_MAX_NESTING_DEPTH",
            "maxUnzippedBytes", "PARSE_MAX_UNZIPPED_BYTES",
            "maxZipEntries", "PARSE_MAX_ZIP_ENTRIES",
            "maxCompressionRatio", "PARSE_MAX_COMPRESSION_RATIO",
            "maxPdfMemoryBytes", "PARSE_MAX_PDF_MEMORY_BYTES");

    public ParseLimits {
        requirePositive("maxObjectBytes", maxObjectBytes);
        requirePositive("maxTextChars", maxTextChars);
        requirePositive("maxPages", maxPages);
        requirePositive("maxNestingDepth", maxNestingDepth);
        requirePositive("maxUnzippedBytes", maxUnzippedBytes);
        requirePositive("maxZipEntries", maxZipEntries);
        requirePositive("maxCompressionRatio", maxCompressionRatio);
        requirePositive("maxPdfMemoryBytes", maxPdfMemoryBytes);
        if (timeBudget == null || timeBudget.isNegative()) {
            throw new IllegalArgumentException("timeBudget must be zero or positive: " + timeBudget);
        }
    }

    /** The packaged defaults. */
    public static ParseLimits defaults() {
        return fromEnvironment(Map.of());
    }

    /** The packaged defaults, each overridden by its environment variable when set (e.g. {@code System.getenv()}). */
    public static ParseLimits fromEnvironment(Map<String, String> environment) {
        Properties defaults = new Properties();
        try (InputStream in = ParseLimits.class.getResourceAsStream("/parsing/limits.properties")) {
            if (in == null) {
                throw new IllegalStateException("missing resource parsing/limits.properties");
            }
            defaults.load(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new ParseLimits(
                value(defaults, environment, "maxObjectBytes"),
                Math.toIntExact(value(defaults, environment, "maxTextChars")),
                Math.toIntExact(value(defaults, environment, "maxPages")),
                Duration.ofMillis(value(defaults, environment, "timeBudgetMillis")),
                Math.toIntExact(value(defaults, environment, "maxNestingDepth")),
                value(defaults, environment, "maxUnzippedBytes"),
                Math.toIntExact(value(defaults, environment, "maxZipEntries")),
                Math.toIntExact(value(defaults, environment, "maxCompressionRatio")),
                value(defaults, environment, "maxPdfMemoryBytes"));
    }

    private static long value(Properties defaults, Map<String, String> environment, String key) {
        String variable = ENVIRONMENT_VARIABLES.get(key);
        String override = environment.get(variable);
        String raw = override != null && !override.isBlank() ? override.strip() : defaults.getProperty(key);
        if (raw == null) {
            throw new IllegalStateException("no default for parse limit " + key);
        }
        try {
            return Long.parseLong(raw.replace("_", ""));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(variable + " must be a whole number, got '" + raw + "'", e);
        }
    }

    private static void requirePositive(String name, long value) {
        if (value <= 0) {
            throw new IllegalArgumentException(name + " must be positive: " + value);
        }
    }
}
