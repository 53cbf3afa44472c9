package io.sanctionsmonitor.extract;

import io.sanctionsmonitor.model.Category;

/**
 * An item found in a sentence, after the rules that widen or re-type it ("containers of ammunition",
 * "drone production" as know-how), at tokens [from, to).
 *
 * @param reversed the item sits after "in return for" and moves against the sentence's main direction
 */
record ItemHit(int from, int to, Lexicon.Item entry, Category category, String type, String surface,
               boolean reversed, String rule) {}
