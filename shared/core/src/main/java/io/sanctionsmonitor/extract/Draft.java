package io.sanctionsmonitor.extract;

import io.sanctionsmonitor.model.Category;
import io.sanctionsmonitor.model.Certainty;
import io.sanctionsmonitor.model.Quantity;
import io.sanctionsmonitor.text.Sentence;
import java.util.List;

/**
 * A finding before restatements are merged; {@code namedSource}: the sentence itself names who speaks.
 * {@code type} is the merge key's type ("*" for a category grouped by sentence); {@code itemType} the first item's.
 */
record Draft(Category category, String type, String itemType, String from, String to, List<String> items, Quantity quantity,
             boolean lowerBound, String period, List<String> sources, boolean namedSource, Certainty certainty,
             Sentence sentence, List<String> why) {}
