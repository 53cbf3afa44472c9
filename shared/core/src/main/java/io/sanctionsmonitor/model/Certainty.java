package io.sanctionsmonitor.model;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Locale;

/** How firmly the document's wording states a claim, weakest first, so ordinal order is strength order. */
public enum Certainty {
    SPECULATIVE,
    ALLEGED,
    REPORTED,
    CONFIRMED;

    @JsonValue
    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }

    @JsonCreator
    public static Certainty fromLabel(String label) {
        return valueOf(label.trim().toUpperCase(Locale.ROOT));
    }

    public boolean atLeast(Certainty minimum) {
        return compareTo(minimum) >= 0;
    }
}
