package io.sanctionsmonitor.query;

import java.util.List;

/** One page of results and where the next page starts, or a null {@code next} on the last page. */
public record Page<T>(List<T> items, PagePosition next) {
    public Page {
        items = List.copyOf(items);
    }
}
