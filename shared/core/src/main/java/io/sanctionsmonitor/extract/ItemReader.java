package io.sanctionsmonitor.extract;

import io.sanctionsmonitor.model.Category;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Reads the items of a sentence from its lexicon matches and applies the rules that drop, widen or re-type them:
 * blocked phrases, plural-only people nouns, demonstratives pointing back ("these workers"), exclusions (law, denial,
 * designation, wish), modifiers of a programme or a factory ("missile programme"), know-how nouns next to a military
 * word ("technology for drones"), and containers with what they hold. Stateless; thread-safe.
 */
final class ItemReader {

    private static final Set<String> ABSORB_AFTER_CONTAINER = Set.of("of", "holding", "containing", "with", "carrying",
            "filled", "loaded");
    private static final Set<String> ABSORB_AFTER_TECH = Set.of("for", "related", "on", "of", "about", "to", "in", "with",
            "a", "an"); // "help design a submarine": the verb-like know-how noun takes its object
    private static final Set<String> LIST_GLUE = Set.of("and", "or", ",", "related", "to", "materials", "material",
            "other", "a", "an", "the", "“", "”", "\"", "anti-tank", "-", "of", "its", "'s", "own");
    private static final int TECH_WINDOW = 4;
    private static final Set<String> DEMONSTRATIVES = Set.of("these", "this", "those", "such");

    static boolean triggerBetween(SentenceView s, int from, int to) {
        return s.triggerWithin(from, to);
    }

    /** Item words of the sentence after the rules that drop, widen or re-type them. */
    List<ItemHit> itemsOf(SentenceView s) {
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
            if (item.has("lowercase") && !s.token(m.from()).text().equals(s.token(m.from()).lower())) {
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
            String model = item.has("people") ? null : modelBefore(s, m.from(), consumed);
            String written = item.has("people") ? item.type() : clean(s.span(m.from(), m.to()));
            names.add(model == null ? written : model + " " + written);
            int head = headAfter(s, end);
            Lexicon.Cue demote = head < 0 ? null : cueAt(s, head, "demote");
            boolean militaryItem = category == Category.ARMS_TRANSFER || category == Category.MUNITIONS_TRANSFER
                    || category == Category.MILITARY_TECHNOLOGY;
            if (demote != null && !item.has("tech") && (militaryItem || demote.value().equals("drop"))) {
                // a know-how noun after the weapon names what moves of it: "missile guidance"
                var headItem = itemStartingAt(s, head);
                boolean knowHowHead = headItem != null && headItem.value().has("tech") && demote.value().equals("tech");
                if (demote.value().equals("drop") || head > end || headItem != null && !knowHowHead) {
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
                Lexicon.Item load = civilianLoad(s, end, widened);
                if (load != null) {
                    // "three containers of North Korean crab": the containers count goods of another category
                    category = load.category();
                    type = load.type();
                    rule = "container-load:" + load.category();
                }
                end = widened;
            }
            String purposeOf = purposeBefore(s, m.from());
            if (purposeOf != null && militaryItem) {
                if (!purposeOf.isEmpty()) {
                    // "a solid-fuel engine for an intermediate-range missile": the part or design moves, as know-how
                    category = Category.MILITARY_TECHNOLOGY;
                    type = "technology";
                    names.set(0, purposeOf + " for " + names.get(0));
                    rule = "know-how:" + purposeOf + " for";
                } else {
                    continue; // "rockets for 240mm multiple rocket launchers": the launchers are what the rockets are for
                }
            }
            for (int i = m.from(); i < end && i < consumed.length; i++) {
                consumed[i] = true;
            }
            hits.add(new ItemHit(m.from(), end, item, category, type, List.copyOf(names), reversedAt(s, m.from()), rule));
        }
        return hits;
    }

    /** Words that may stand between "for" and the system it names ("for an intermediate-range missile"). */
    private static final Set<String> PURPOSE_DETERMINERS = Set.of("a", "an", "the", "its", "their", "new");

    /**
     * What a weapon named after "for" is the purpose of: "rockets for 240mm launchers" (a weapon item before "for":
     * "", the launchers do not move), "an engine for a missile" (a part or design word, a {@code demote} cue of value
     * tech: that word, the part moves as know-how); null when no such "for" stands right before the item.
     */
    private static String purposeBefore(SentenceView s, int itemFrom) {
        int i = itemFrom - 1;
        int modifiers = 0;
        while (i > 0 && !s.key(i).equals("for")) {
            boolean determiner = PURPOSE_DETERMINERS.contains(s.key(i));
            boolean modifier = s.token(i).text().contains("-") && s.token(i).text().equals(s.token(i).lower());
            if (!determiner && !(modifier && ++modifiers <= 2)) {
                return null;
            }
            i--;
        }
        if (i <= 0) {
            return null;
        }
        int before = i - 1;
        for (var other : s.items) {
            Lexicon.Item it = other.value();
            boolean weapon = it.category() == Category.ARMS_TRANSFER || it.category() == Category.MUNITIONS_TRANSFER;
            if (other.to() == i && weapon && !it.has("generic") && !it.has("container")) {
                return "";
            }
        }
        Lexicon.Cue part = cueAt(s, before, "demote");
        return part != null && part.value().equals("tech") ? s.token(before).text() : null;
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

    /**
     * A designation right before an item word that the lexicon does not know ("Tor-M2 air defence systems",
     * "KN-25 launchers"): letters and digits in one capitalised token, so it is a model of the item's type.
     */
    private static String modelBefore(SentenceView s, int itemFrom, boolean[] consumed) {
        int i = itemFrom - 1;
        if (i < 0 || consumed[i] || s.stateToken[i] || s.itemAt(i) != null) {
            return null;
        }
        String t = s.token(i).text();
        if (t.length() > 12 || !Character.isUpperCase(t.charAt(0))) {
            return null;
        }
        boolean digit = false;
        for (int k = 0; k < t.length(); k++) {
            char c = t.charAt(k);
            if (Character.isDigit(c)) {
                digit = true;
            } else if (!Character.isLetter(c) && c != '-') {
                return null;
            }
        }
        return digit ? t : null;
    }

    private static String clean(String surface) {
        StringBuilder b = new StringBuilder(surface.length());
        for (int i = 0; i < surface.length(); i++) {
            char c = surface.charAt(i);
            if (c != '“' && c != '”' && c != '"') {
                b.append(c);
            }
        }
        return b.toString().strip();
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
            // a people word in the singular is the adjective of what follows: "containers of North Korean crab"
            boolean adjective = item != null && item.value().has("people")
                    && !s.token(item.to() - 1).text().toLowerCase(Locale.ROOT).endsWith("s");
            if (item != null && item.value().category() != null && !adjective) {
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

    /**
     * The first item a container holds when none of what it holds is military (weapons, munitions, know-how), else
     * null: containers of military goods stay a munitions count (guideline 7).
     */
    private static Lexicon.Item civilianLoad(SentenceView s, int from, int to) {
        Lexicon.Item first = null;
        for (var m : s.items) {
            Category c = m.value().category();
            if (m.from() < from || m.to() > to || c == null || m.value().has("generic") || m.value().has("people")) {
                continue;
            }
            if (c == Category.ARMS_TRANSFER || c == Category.MUNITIONS_TRANSFER || c == Category.MILITARY_TECHNOLOGY) {
                return null;
            }
            if (first == null) {
                first = m.value();
            }
        }
        return first;
    }

    private static SentenceView.Mention<Lexicon.Item> itemStartingAt(SentenceView s, int i) {
        return s.itemAt(i);
    }

    private boolean militaryNear(SentenceView s, int from, int to) {
        for (var c : s.cues("military")) {
            if (c.to() >= from - TECH_WINDOW && c.from() <= to + TECH_WINDOW
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
        return s.cueAt(tokenIndex, kind);
    }

    /** A law, denial, designation, wish or use-of-proceeds cue earlier in the sentence rules the item out. */
    static boolean excluded(SentenceView s, int itemFrom) {
        for (var c : s.cues("exclude")) {
            if (c.to() <= itemFrom || c.from() < itemFrom && itemFrom < c.to()) { // after the cue, or its last word
                // the activity a designation describes is a finding, the designation itself is not
                boolean describedActivity = c.value().value().equals("designation") && relativeClauseBetween(s, c.to(), itemFrom);
                if (!describedActivity) {
                    return true;
                }
            }
        }
        return false;
    }

    /** "... firms that shipped fuel": a relative pronoun followed by a transfer verb before the item. */
    private static boolean relativeClauseBetween(SentenceView s, int from, int to) {
        for (int i = from; i < to; i++) {
            String k = s.key(i);
            if ((k.equals("that") || k.equals("which") || k.equals("who")) && triggerBetween(s, i + 1, to)) {
                return true;
            }
        }
        return false;
    }

    private static boolean reversedAt(SentenceView s, int itemFrom) {
        for (var c : s.cues("reverse")) {
            // a bare "in return" that closes its clause ("provided oil in return, and it may also share ...") gave
            // back what came before it; what follows has a verb and a subject of its own
            boolean closesClause = c.to() < s.tokens.size()
                    && (s.key(c.to()).equals(",") || s.key(c.to()).equals(";") || s.key(c.to()).equals("."));
            if (c.to() <= itemFrom && s.triggerWithin(0, c.from()) && !closesClause) {
                return true;
            }
        }
        return false;
    }
}
