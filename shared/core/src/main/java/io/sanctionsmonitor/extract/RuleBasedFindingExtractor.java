package io.sanctionsmonitor.extract;

import io.sanctionsmonitor.model.Category;
import io.sanctionsmonitor.model.Certainty;
import io.sanctionsmonitor.model.Finding;
import io.sanctionsmonitor.model.ParsedReport;
import io.sanctionsmonitor.model.Quantity;
import io.sanctionsmonitor.text.Sentence;
import io.sanctionsmonitor.text.SentenceSegmenter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Finds the findings an analyst would write down, sentence by sentence, with rules over the lexicon in
 * {@code /extract/}: item words give category and type; a transfer verb, prepositions and the verb's subject give the
 * direction; hedges, attribution verbs and the running source give certainty and {@code attributed_to}; numbers
 * before an item give its quantity; time expressions give the period. Items of one type in a sentence form one
 * finding; restatements in a document are merged. The lexicon is loaded once by the constructor; {@link #extract}
 * keeps no state between calls, so one instance is safe to share between threads.
 */
public final class RuleBasedFindingExtractor implements FindingExtractor {

    private static final Set<String> ABSORB_AFTER_CONTAINER = Set.of("of", "holding", "containing", "with", "carrying",
            "filled", "loaded");
    private static final Set<String> ABSORB_AFTER_TECH = Set.of("for", "related", "on", "of", "about", "to");
    private static final Set<String> LIST_GLUE = Set.of("and", "or", ",", "related", "to", "materials", "material",
            "other", "a", "an", "the", "“", "”", "\"", "anti-tank", "-", "of", "its", "'s", "own");
    private static final int TECH_WINDOW = 4;
    /** How far after an item its verb may stand ("containers ... were transferred"). */
    private static final int TRIGGER_AFTER = 6;
    private static final Set<String> DEMONSTRATIVES = Set.of("these", "this", "those", "such");

    private final Lexicon lexicon;
    private final Tokenizer tokenizer = new Tokenizer();
    private final SentenceSegmenter segmenter = new SentenceSegmenter();
    private final QuantityReader quantities;
    private final PeriodReader periods = new PeriodReader();
    private final DirectionResolver directions;
    private final FindingMerger merger;

    public RuleBasedFindingExtractor() {
        this.lexicon = new Lexicon();
        this.quantities = new QuantityReader(lexicon);
        this.directions = new DirectionResolver(lexicon);
        this.merger = new FindingMerger(lexicon.groupedBySentence);
    }

    @Override
    public List<Finding> extract(ParsedReport report) {
        String text = report.text();
        if (text == null || text.isBlank()) {
            return List.of();
        }
        Integer publishedYear = publishedYear(report.metadata() == null ? null : report.metadata().published());
        Attribution attribution = new Attribution(lexicon);
        List<Draft> drafts = new ArrayList<>();
        DocumentMemory memory = new DocumentMemory();
        for (Sentence sentence : segmenter.split(text)) {
            List<Token> tokens = tokenizer.tokenize(sentence.text());
            if (tokens.isEmpty()) {
                continue;
            }
            SentenceView s = new SentenceView(sentence.text(), sentence.start(), tokens, lexicon);
            Attribution.Basis basis = attribution.read(s);
            if (s.hasCue("skip-sentence") || isHeadline(sentence.text(), tokens)) {
                continue;
            }
            drafts.addAll(findingsOf(s, sentence, basis, publishedYear, memory));
        }
        return merger.merge(drafts);
    }

    /** What a reader remembers from earlier sentences: the other party of the last transfer, the kind of loot. */
    private static final class DocumentMemory {
        String partner;
        String loot;
    }

    private List<Draft> findingsOf(SentenceView s, Sentence sentence, Attribution.Basis basis, Integer publishedYear,
                                   DocumentMemory memory) {
        List<ItemHit> hits = itemsOf(s);
        implicitLoot(s, hits, memory);
        if (hits.isEmpty()) {
            return List.of();
        }
        boolean otherItems = hits.stream().anyMatch(h -> !h.entry().has("people") && !h.entry().has("generic"));
        hits.removeIf(h -> h.entry().has("people") && otherItems);
        boolean militaryGoods = false;
        for (ItemHit h : hits) {
            boolean military = h.category() == Category.ARMS_TRANSFER || h.category() == Category.MUNITIONS_TRANSFER;
            if (military && !h.entry().has("container") || h.entry().has("container") && h.rule().contains("load")) {
                militaryGoods = true;
            }
        }
        // money in a sentence about a theft is the loot of that theft
        boolean theft = hits.stream().anyMatch(h -> h.category() == Category.CYBER_THEFT);
        Map<String, List<ItemHit>> groups = new LinkedHashMap<>();
        Map<String, ItemHit> lastOfGroup = new LinkedHashMap<>();
        int clause = 0;
        for (ItemHit h : hits) {
            if (h.entry().has("generic")) {
                continue;
            }
            if (h.entry().has("container") && !militaryGoods) {
                continue;
            }
            if (h.category() == Category.FINANCIAL && theft) {
                h = new ItemHit(h.from(), h.to(), h.entry(), Category.CYBER_THEFT, "theft", h.names(), h.reversed(),
                        "loot-of-theft");
            }
            boolean scheme = lexicon.groupedBySentence.contains(h.category());
            String type = scheme ? "*" : h.type();
            String key = h.category() + "|" + type + "|" + h.reversed();
            ItemHit previous = lastOfGroup.get(key);
            if (previous != null && !scheme && (triggerBetween(s, previous.to(), h.from()) || ownCount(s, h) && ownCount(s, previous))) {
                clause++; // the same kind of item in another clause is another claim
            }
            lastOfGroup.put(key, h);
            groups.computeIfAbsent(key + "|" + (previous == null ? 0 : clause), k -> new ArrayList<>()).add(h);
        }
        Direction main = null;
        List<PeriodReader.Period> found = periods.find(s.text, publishedYear);
        List<Draft> out = new ArrayList<>();
        for (List<ItemHit> group : groups.values()) {
            ItemHit first = group.get(0);
            SentenceView.Mention<Lexicon.Cue> trigger = governingTrigger(s, first);
            boolean activity = group.stream().anyMatch(h -> h.entry().has("activity"));
            if (trigger == null && !activity) {
                continue;
            }
            List<String> why = new ArrayList<>(basis.why());
            for (ItemHit h : group) {
                why.add("gazetteer:" + h.entry().phrase() + "→" + h.category() + (h.rule().isEmpty() ? "" : " (" + h.rule() + ")"));
            }
            why.add(trigger == null ? "trigger:activity-noun"
                    : "trigger:" + s.span(trigger.from(), trigger.to()) + "(" + trigger.value().value() + ")");
            Direction direction;
            if (first.reversed() && main != null) {
                direction = new Direction(main.to(), main.from(), "reversed:" + main.rule());
            } else {
                direction = directions.resolve(s, first, trigger, memory.partner);
                if (!first.reversed() && main == null) {
                    main = direction;
                }
            }
            String focus = lexicon.focusState;
            if (focus.equals(direction.from()) && direction.to() != null) {
                memory.partner = direction.to();
            } else if (focus.equals(direction.to()) && direction.from() != null) {
                memory.partner = direction.from();
            }
            why.add("direction:" + (direction.from() == null ? "?" : direction.from()) + "→"
                    + (direction.to() == null ? "?" : direction.to()) + " by " + direction.rule());
            Certainty certainty = basis.certainty();
            for (var cue : s.cues) {
                if (!cue.value().kind().equals("hedge")) {
                    continue;
                }
                boolean before = cue.to() <= first.from() && !speechBetween(s, cue.to(), first.from());
                boolean inVerbGroup = trigger != null && trigger.from() > first.to() && cue.from() >= first.to()
                        && cue.to() <= trigger.from();
                boolean rightAfter = cue.from() >= first.to() && cue.from() <= first.to() + 2
                        && !punctuationBetween(s, first.to(), cue.from());
                if (before || inVerbGroup || rightAfter) {
                    Certainty c = Certainty.fromLabel(cue.value().value());
                    if (c.compareTo(certainty) < 0) {
                        certainty = c;
                        why.add("cue:" + s.span(cue.from(), cue.to()) + "→" + c.label());
                    }
                }
            }
            Quantity quantity = null;
            boolean lowerBound = false;
            for (ItemHit h : group) {
                QuantityReader.Count count = quantities.countBefore(s.tokens, h.from(), s.stateToken, unitOf(h));
                if (count != null) {
                    quantity = count.quantity();
                    lowerBound = count.lowerBound();
                    break;
                }
            }
            if (quantity == null && (first.category() == Category.CYBER_THEFT || first.category() == Category.FINANCIAL)) {
                quantity = quantities.money(s.tokens);
            }
            if (quantity != null) {
                why.add("quantity:" + fmt(quantity.value()) + " " + quantity.unit());
            }
            String period = nearestPeriod(found, s.token(first.from()).start());
            if (period != null) {
                why.add("period:" + period);
            }
            Set<String> items = new LinkedHashSet<>();
            for (ItemHit h : group) {
                items.addAll(h.names());
            }
            String draftType = lexicon.groupedBySentence.contains(first.category()) ? "*" : first.type();
            out.add(new Draft(first.category(), draftType, direction.from(), direction.to(), List.copyOf(items),
                    quantity, lowerBound, period, basis.sources(), basis.named(), certainty, sentence, why));
        }
        return out;
    }

    /** Items with a number each ("3 million X and 500,000 Y") are separate claims. */
    private boolean ownCount(SentenceView s, ItemHit h) {
        return quantities.countBefore(s.tokens, h.from(), s.stateToken, "") != null;
    }

    private static boolean triggerBetween(SentenceView s, int from, int to) {
        for (var c : s.cues) {
            if (c.value().kind().equals("trigger") && c.from() >= from && c.to() <= to) {
                return true;
            }
        }
        return false;
    }

    /**
     * A new attribution between a hedge and the item starts a clause the hedge does not reach; a hedge right before
     * the attribution verb ("likely indicates") hedges that verb and so still reaches the item.
     */
    private static boolean speechBetween(SentenceView s, int from, int to) {
        for (var c : s.cues) {
            if (c.value().kind().equals("speech") && c.from() > from && c.to() <= to) {
                return true;
            }
        }
        return false;
    }

    private static boolean punctuationBetween(SentenceView s, int from, int to) {
        for (int i = from; i < to; i++) {
            if (s.token(i).isPunctuation()) {
                return true;
            }
        }
        return false;
    }

    /** A theft verb with no loot word ("stole $1 billion") steals what the document last named as loot. */
    private void implicitLoot(SentenceView s, List<ItemHit> hits, DocumentMemory memory) {
        for (ItemHit h : hits) {
            if (h.category() == Category.CYBER_THEFT) {
                memory.loot = h.names().get(0);
                return;
            }
        }
        for (var c : s.cues) {
            if (c.value().kind().equals("trigger") && c.value().value().equals("theft") && !excluded(s, c.from())
                    && quantities.money(s.tokens) != null) {
                String loot = memory.loot == null ? "funds" : memory.loot;
                Lexicon.Item entry = new Lexicon.Item(loot, Category.CYBER_THEFT, "theft", Set.of("activity"));
                hits.add(new ItemHit(c.from(), c.to(), entry, Category.CYBER_THEFT, "theft", List.of(loot), false,
                        "implicit-loot"));
                return;
            }
        }
    }

    /** Item words of the sentence after the rules that drop, widen or re-type them. */
    private List<ItemHit> itemsOf(SentenceView s) {
        List<ItemHit> hits = new ArrayList<>();
        boolean[] consumed = new boolean[s.tokens.size()];
        for (var m : s.items) {
            Lexicon.Item item = m.value();
            if (item.category() == null || consumed[m.from()]) {
                continue;
            }
            String lastWord = s.token(m.to() - 1).text();
            if (item.has("people") && (!lastWord.toLowerCase(Locale.ROOT).endsWith("s")
                    || Attribution.isPreposition(s.key(m.from() - 1)) && !s.key(m.from() - 1).equals("of"))) {
                continue;
            }
            if (excluded(s, m.from())) {
                continue;
            }
            if (item.has("lowercase") && !s.token(m.from()).text().equals(s.token(m.from()).text().toLowerCase(Locale.ROOT))) {
                continue;
            }
            if (anaphoric(s, m.from(), item)) {
                continue;
            }
            Category category = item.category();
            String type = item.type();
            int end = m.to();
            String rule = "";
            List<String> names = new ArrayList<>();
            names.add(item.has("people") ? item.type() : clean(s.span(m.from(), m.to())));
            int head = headAfter(s, end);
            Lexicon.Cue demote = head < 0 ? null : cueAt(s, head, "demote");
            if (demote != null && !item.has("tech")) {
                if (demote.value().equals("drop") || head > end || itemStartingAt(s, head) != null) {
                    continue;
                }
                category = Category.MILITARY_TECHNOLOGY;
                type = "technology";
                rule = "know-how:" + s.token(head).text();
            }
            if (item.has("tech") && rule.isEmpty()) {
                if (!militaryNear(s, m.from(), m.to())) {
                    continue;
                }
                end = absorb(s, end, ABSORB_AFTER_TECH, consumed, names);
                rule = "know-how";
            }
            if (item.has("container")) {
                int widened = absorb(s, end, ABSORB_AFTER_CONTAINER, consumed, names);
                rule = widened > end ? "container-load" : "container";
                end = widened;
            }
            for (int i = m.from(); i < end && i < consumed.length; i++) {
                consumed[i] = true;
            }
            hits.add(new ItemHit(m.from(), end, item, category, type, List.copyOf(names), reversedAt(s, m.from()), rule));
        }
        return hits;
    }

    /**
     * The noun that heads the phrase an item word modifies: the next word, or the word after a coordination
     * ("nuclear, missile and military programmes"); -1 when the item word ends its phrase.
     */
    private int headAfter(SentenceView s, int end) {
        int i = end;
        int limit = Math.min(s.tokens.size(), end + 5);
        while (i < limit) {
            String k = s.key(i);
            if (cueAt(s, i, "demote") != null) {
                return i;
            }
            if (k.equals(",") || k.equals("and") || k.equals("or") || k.equals("-") || cueAt(s, i, "military") != null
                    || s.stateToken[i]) {
                i++;
                continue;
            }
            return i == end ? -1 : (cueAt(s, i, "demote") != null ? i : -1);
        }
        return -1;
    }

    private static String clean(String surface) {
        return surface.replaceAll("[“”\"]", "").strip();
    }

    /**
     * "these workers", "this shipment": a demonstrative points back to a claim already made; so does "the troops"
     * for people with no number of their own.
     */
    private static boolean anaphoric(SentenceView s, int itemFrom, Lexicon.Item item) {
        String before = s.key(itemFrom - 1);
        if (DEMONSTRATIVES.contains(before)) {
            return true;
        }
        boolean people = item.category() == Category.MILITARY_PERSONNEL || item.category() == Category.OVERSEAS_LABOR;
        return people && before.equals("the");
    }

    /** Takes in the items after a container or know-how noun ("containers of ammunition or related supplies"). */
    private int absorb(SentenceView s, int end, Set<String> openers, boolean[] consumed, List<String> names) {
        if (end >= s.tokens.size() || !openers.contains(s.key(end))) {
            return end;
        }
        int i = end + 1;
        int last = end;
        while (i < s.tokens.size()) {
            var item = itemStartingAt(s, i);
            if (item != null && item.value().category() != null) {
                for (int k = item.from(); k < item.to(); k++) {
                    consumed[k] = true;
                }
                if (!item.value().has("generic") || names.size() == 1) {
                    names.add(clean(s.span(item.from(), item.to())));
                }
                i = item.to();
                last = i;
                continue;
            }
            String key = s.key(i);
            if (LIST_GLUE.contains(key) || s.stateToken[i] || cueAt(s, i, "military") != null) {
                i++;
                continue;
            }
            break;
        }
        return last;
    }

    private static SentenceView.Mention<Lexicon.Item> itemStartingAt(SentenceView s, int i) {
        for (var m : s.items) {
            if (m.from() == i) {
                return m;
            }
        }
        return null;
    }

    private boolean militaryNear(SentenceView s, int from, int to) {
        for (var c : s.cues) {
            if (c.value().kind().equals("military") && c.to() >= from - TECH_WINDOW && c.from() <= to + TECH_WINDOW
                    && (c.to() <= from || c.from() >= to)) {
                return true;
            }
        }
        for (var m : s.items) {
            Lexicon.Item it = m.value();
            if (it.category() != null && !it.has("tech") && !it.has("generic") && m.from() >= to && m.from() <= to + TECH_WINDOW) {
                return true;
            }
        }
        return false;
    }

    private static Lexicon.Cue cueAt(SentenceView s, int tokenIndex, String kind) {
        for (var c : s.cues) {
            if (c.from() == tokenIndex && c.value().kind().equals(kind)) {
                return c.value();
            }
        }
        return null;
    }

    /** A law, denial, designation, wish or use-of-proceeds cue earlier in the sentence rules the item out. */
    private static boolean excluded(SentenceView s, int itemFrom) {
        for (var c : s.cues) {
            if (c.value().kind().equals("exclude") && c.to() <= itemFrom) {
                return true;
            }
        }
        return false;
    }

    private static boolean reversedAt(SentenceView s, int itemFrom) {
        for (var c : s.cues) {
            if (c.value().kind().equals("reverse") && c.to() <= itemFrom) {
                for (var t : s.cues) {
                    if (t.value().kind().equals("trigger") && t.to() <= c.from()) {
                        return true;
                    }
                }
            }
        }
        return false;
    }

    /** The transfer verb nearest before the item, else the nearest after it. */
    private static SentenceView.Mention<Lexicon.Cue> governingTrigger(SentenceView s, ItemHit hit) {
        SentenceView.Mention<Lexicon.Cue> before = null;
        SentenceView.Mention<Lexicon.Cue> after = null;
        for (var c : s.cues) {
            if (!c.value().kind().equals("trigger") || c.from() >= hit.from() && c.to() <= hit.to()) {
                continue;
            }
            if (c.to() <= hit.from()) {
                before = c;
            } else if (after == null && c.from() >= hit.to() && c.from() - hit.to() <= TRIGGER_AFTER) {
                after = c;
            }
        }
        return before != null ? before : after;
    }

    private static String nearestPeriod(List<PeriodReader.Period> found, int at) {
        String best = null;
        int bestDist = Integer.MAX_VALUE;
        for (var p : found) {
            int d = p.start() > at ? p.start() - at : Math.max(0, at - p.end());
            if (d < bestDist) {
                best = p.value();
                bestDist = d;
            }
        }
        return best;
    }

    private static String unitOf(ItemHit h) {
        if (h.entry().has("container")) {
            return "containers";
        }
        return h.names().get(0);
    }

    /** A line with no closing punctuation and few words is a heading or teaser, not a statement. */
    private static boolean isHeadline(String sentence, List<Token> tokens) {
        String t = sentence.strip();
        char last = t.charAt(t.length() - 1);
        boolean closed = last == '.' || last == '!' || last == '?' || last == '"' || last == '”' || last == '’'
                || last == ']' || last == ')' || last == '…';
        return !closed && tokens.size() < 25;
    }

    private static Integer publishedYear(String published) {
        if (published == null || published.length() < 4 || !published.substring(0, 4).chars().allMatch(Character::isDigit)) {
            return null;
        }
        return Integer.valueOf(published.substring(0, 4));
    }

    private static String fmt(double v) {
        return v == Math.rint(v) ? String.valueOf((long) v) : String.valueOf(v);
    }
}
