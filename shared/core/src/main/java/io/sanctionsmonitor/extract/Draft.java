package io.sanctionsmonitor.extract;

import io.sanctionsmonitor.model.Category;
import io.sanctionsmonitor.model.Certainty;
import io.sanctionsmonitor.model.Quantity;
import io.sanctionsmonitor.text.Sentence;
import java.util.List;

/** A finding before restatements are merged; {@code groupsInSentence} ranks how focused its sentence is. */
record Draft(Category category, String type, String from, String to, List<String> items, Quantity quantity,
             String period, List<String> sources, Certainty certainty, Sentence sentence, int groupsInSentence,
             List<String> why) {}
