package io.sanctionsmonitor.extract;

import io.sanctionsmonitor.model.Category;
import java.util.List;

/**
 * An item found in a sentence, after the rules that widen or re-type it ("containers of ammunition",
 * "drone production" as know-how), at tokens [from, to).
 *
 * @param names    what the finding lists as items: the item as written, plus what a container holds
 * @param reversed the item sits after "in return for" and moves against the sentence's main direction
 */
record ItemHit(int from, int to, Lexicon.Item entry, Category category, String type, List<String> names,
               boolean reversed, String rule) {}
