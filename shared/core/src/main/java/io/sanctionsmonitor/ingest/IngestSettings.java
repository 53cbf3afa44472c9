package io.sanctionsmonitor.ingest;

import java.util.Map;

/**
 * How the processor treats uploads.
 *
 * @param uploadPrefix   only keys under this prefix are reports; notifications for other keys are ignored
 * @param maxObjectBytes larger objects are refused before download (sized for the function's memory)
 */
public record IngestSettings(String uploadPrefix, long maxObjectBytes) {
    public static final String DEFAULT_UPLOAD_PREFIX = "reports/";
    public static final long DEFAULT_MAX_OBJECT_BYTES = 20L * 1024 * 1024;

    public static IngestSettings defaults() {
        return new IngestSettings(DEFAULT_UPLOAD_PREFIX, DEFAULT_MAX_OBJECT_BYTES);
    }

    /** Reads {@code UPLOAD_PREFIX} and {@code MAX_OBJECT_BYTES}, falling back to the defaults. */
    public static IngestSettings fromEnvironment(Map<String, String> env) {
        String prefix = env.getOrDefault("UPLOAD_PREFIX", DEFAULT_UPLOAD_PREFIX);
        String max = env.get("MAX_OBJECT_BYTES");
        try {
            return new IngestSettings(prefix, max == null || max.isBlank() ? DEFAULT_MAX_OBJECT_BYTES : Long.parseLong(max.trim()));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("MAX_OBJECT_BYTES must be a whole number of bytes, got: " + max, e);
        }
    }

    public boolean accepts(String key) {
        return key.startsWith(uploadPrefix) && key.length() > uploadPrefix.length() && !key.endsWith("/");
    }
}
