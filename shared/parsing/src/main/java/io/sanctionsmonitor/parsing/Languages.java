package io.sanctionsmonitor.parsing;

import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** Turns a declared language ("en-US", "en_GB", "English", "español") into an ISO 639-1 code, or null. */
final class Languages {
    private static final Map<String, String> BY_NAME = new ConcurrentHashMap<>();

    private Languages() {}

    static String code(String declared) {
        if (declared == null || declared.isBlank()) {
            return null;
        }
        String value = declared.strip().toLowerCase(Locale.ROOT);
        String primary = value.split("[-_\\s,;]", 2)[0];
        if (primary.matches("[a-z]{2}")) {
            return primary;
        }
        if (primary.matches("[a-z]{3}")) {
            try {
                for (String code : Locale.getISOLanguages()) {
                    if (Locale.of(code).getISO3Language().equals(primary)) {
                        return code;
                    }
                }
            } catch (RuntimeException ignored) {
                // no three-letter code for this locale
            }
        }
        if (BY_NAME.isEmpty()) {
            for (String code : Locale.getISOLanguages()) {
                Locale locale = Locale.of(code);
                BY_NAME.putIfAbsent(locale.getDisplayLanguage(Locale.ENGLISH).toLowerCase(Locale.ROOT), code);
                BY_NAME.putIfAbsent(locale.getDisplayLanguage(locale).toLowerCase(locale), code);
            }
        }
        return BY_NAME.get(primary);
    }
}
