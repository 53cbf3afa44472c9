package io.sanctionsmonitor.provisions;

import io.sanctionsmonitor.model.Category;
import java.util.List;

/**
 * One row of {@code /provisions/provisions.tsv}: a UN Security Council paragraph and the findings it concerns.
 *
 * @param direction  {@code to-PRK}, {@code from-PRK} or {@code any}
 * @param itemsAny   words of which one must occur in an item; empty = any item
 * @param itemsNone  words none of which may occur in an item
 * @param cap        the quantity allowed in twelve months, or null
 * @param uncertain  the paragraph number or scope still needs checking against the resolution text
 */
public record Provision(String resolution, String paragraph, String title, Category category, String direction,
                        List<String> itemsAny, List<String> itemsNone, Cap cap, boolean uncertain) {

    public Provision {
        itemsAny = List.copyOf(itemsAny);
        itemsNone = List.copyOf(itemsNone);
    }

    /** A yearly ceiling: {@code value} {@code unit} in any twelve months. */
    public record Cap(double value, String unit) {}
}
