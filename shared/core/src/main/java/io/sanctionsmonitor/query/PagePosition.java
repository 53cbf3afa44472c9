package io.sanctionsmonitor.query;

import java.util.Map;
import java.util.TreeMap;

/**
 * Where a store stopped reading: opaque to the API, which signs it into a cursor. A DynamoDB store puts the
 * last evaluated key and its index bucket here.
 */
public record PagePosition(Map<String, String> values) {
    public PagePosition {
        values = Map.copyOf(new TreeMap<>(values));
    }
}
