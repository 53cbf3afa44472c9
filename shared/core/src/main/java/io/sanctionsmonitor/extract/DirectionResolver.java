package io.sanctionsmonitor.extract;

import io.sanctionsmonitor.model.Category;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Decides who supplies and who receives an item, from the sentence's grammar: prepositions ("from X", "to Y",
 * "in Y" for people placed somewhere), a state word inside the item's phrase ("Russian MiG-29s"), the subject of the
 * transfer verb (supplier for "send", receiver for "receive"; no subject in the passive), a state right after a give
 * verb ("supplies Russia with"), "in return for" reversal, and last the focus state of the sanctions regime.
 */
final class DirectionResolver {

    private static final Set<String> TO = Set.of("to", "into", "onto", "toward", "towards");
    private static final Set<String> LOCATIVE = Set.of("in", "across", "inside", "within", "at", "off", "near",
            "outside", "alongside");
    private static final Set<String> ARTICLES = Set.of("a", "an", "the");
    private static final Set<String> BE = Set.of("is", "are", "was", "were", "be", "been", "being");
    private static final Set<String> ADVERB = Set.of("reportedly", "also", "allegedly", "already", "repeatedly",
            "recently", "now", "being", "been", "reported", "further", "later", "soon", "then", "not", "still");

    private static final Set<String> AUXILIARY = Set.of("may", "might", "could", "can", "will", "would", "should",
            "must", "has", "have", "had");
    private static final Set<String> SUBJECT_PRONOUNS = Set.of("it", "they");

    /** How far (in tokens) around the item and its verb prepositions and fallback states are looked for. */
    private static final int WINDOW = 15;

    private final Lexicon lexicon;

    DirectionResolver(Lexicon lexicon) {
        this.lexicon = lexicon;
    }

    Direction resolve(SentenceView s, ItemHit hit, SentenceView.Mention<Lexicon.Cue> trigger, String partner) {
        String from = null;
        String to = null;
        List<String> rules = new ArrayList<>();
        String triggerKind = trigger != null ? trigger.value().value() : hit.entry().has("receive") ? "receive" : "none";
        int anchor = hit.from();
        String focus = lexicon.focusState;
        Lexicon.DefaultDirection categoryDefault =
                lexicon.defaultDirections.getOrDefault(hit.category(), Lexicon.DefaultDirection.NONE);
        boolean people = hit.category() == Category.MILITARY_PERSONNEL || hit.category() == Category.OVERSEAS_LABOR
                || hit.entry().has("place");
        int lo = Math.min(hit.from(), trigger == null ? hit.from() : trigger.from()) - WINDOW;
        int hi = Math.max(hit.to(), trigger == null ? hit.to() : trigger.to()) + WINDOW;

        // 1. prepositions near the item and its verb: the state nearest to the item wins
        int bestFrom = Integer.MAX_VALUE;
        int bestTo = Integer.MAX_VALUE;
        for (int k = 0; k < s.states.size(); k++) {
            var st = s.states.get(k);
            if (s.speakerState[k] || st.from() < lo || st.from() > hi || (st.from() >= hit.from() && st.to() <= hit.to())
                    || inCover(s, st.from())) {
                continue;
            }
            String prev = s.wordBefore(st.from());
            if (ARTICLES.contains(prev) && (st.value().role().equals("adjective") || endsItsPhrase(s, st.to()))) {
                // "from a Japanese exchange": the article belongs to the noun; "to the DPRK through a port": to the
                // state itself, unlike "to the Moscow company", where the state names the company's place
                prev = s.wordBefore(st.from() - 1);
            }
            boolean onBehalf = prev.equals("of") && s.key(st.from() - 2).equals("behalf");
            if (trigger != null && st.from() < trigger.from() && !onBehalf) {
                continue; // "turned to Pyongyang, using its missiles": a phrase before the verb belongs to another verb
            }
            int dist = Math.abs(st.from() - anchor);
            boolean locative = LOCATIVE.contains(prev);
            boolean focusReceives = categoryDefault == Lexicon.DefaultDirection.TO_FOCUS || triggerKind.equals("receive");
            // "bought in China" hosts the supplier; "fired at Ukrainian cities" is a place the goods reached later
            boolean hostsSupplier = locative && !people && focusReceives && !st.value().code().equals(focus)
                    && !st.value().role().equals("adjective");
            boolean hostsReceiver = locative && categoryDefault == Lexicon.DefaultDirection.TO_FOCUS
                    && st.value().code().equals(focus);
            if ((prev.equals("from") || onBehalf || hostsSupplier) && dist < bestFrom) {
                from = st.value().code();
                bestFrom = dist;
            } else if ((TO.contains(prev) || (people && locative) || hostsReceiver) && dist < bestTo) {
                to = st.value().code();
                bestTo = dist;
            } else if (prev.equals("for") && to == null && st.from() > anchor) {
                to = st.value().code();
                bestTo = dist;
            }
        }
        if (from != null || to != null) {
            rules.add("preposition");
        }
        // 2. a give verb followed directly by a state noun: "supplies Russia with", "send North Korea"
        if (trigger != null && triggerKind.equals("give") && to == null) {
            for (int k = 0; k < s.states.size(); k++) {
                var st = s.states.get(k);
                boolean next = st.from() == trigger.to()
                        || st.from() == trigger.to() + 1 && Character.isLowerCase(s.token(trigger.to()).text().charAt(0))
                        && !Attribution.isPreposition(s.key(trigger.to())) && s.token(trigger.to()).isWord();
                boolean possessive = s.key(st.to()).equals("'s");
                if (!s.speakerState[k] && next && !possessive && !st.value().role().equals("adjective")) {
                    to = st.value().code();
                    rules.add("indirect-object");
                }
            }
        }
        // 2b. a state right before a give verb's participle and "with" is supplied: "kept North Korea supplied with fuel"
        if (trigger != null && triggerKind.equals("give") && to == null && s.key(trigger.to()).equals("with")) {
            for (int k = 0; k < s.states.size(); k++) {
                var st = s.states.get(k);
                if (!s.speakerState[k] && st.to() == trigger.from() && !st.value().role().equals("adjective")
                        && s.token(trigger.from()).lower().endsWith("ed")) {
                    to = st.value().code();
                    rules.add("supplied-with");
                }
            }
        }
        // 3. a state word inside the item's phrase: "of the Angolan navy" receives, "Russian MiG-29s" supplies
        String[] inside = insideStates(s, hit);
        if (inside[1] != null && to == null && !inside[1].equals(from)) {
            to = inside[1];
            rules.add("item-recipient");
        }
        String origin = inside[0];
        if (origin != null) {
            boolean holder = origin.equals(focus) && categoryDefault == Lexicon.DefaultDirection.TO_FOCUS
                    || hit.entry().has("place");
            if (holder && to == null && !origin.equals(from)) {
                to = origin;
                rules.add("item-holder");
            } else if (!holder && from == null && !origin.equals(to)) {
                from = origin;
                rules.add("item-origin");
            } else if (!holder && to == null && !origin.equals(from)) {
                to = origin;
                rules.add("item-origin");
            }
        }
        // 4. the subject of the transfer verb, unless the verb is passive
        // a noun that names its own transfer ("a ship-to-ship transfer of fuel") has no grammatical subject
        // (also when that noun is a method joined to the goods it moved: "a ship-to-ship transfer of diesel")
        boolean nounTrigger = trigger != null && (trigger.from() >= hit.from() && trigger.to() <= hit.to()
                || s.items.stream().anyMatch(m -> m.value().has("method")
                        && trigger.from() >= m.from() && trigger.to() <= m.to()));
        String agent = trigger == null || nounTrigger ? null : agentOf(s, trigger);
        if (agent != null) {
            boolean agentReceives = triggerKind.equals("receive") || triggerKind.equals("theft")
                    || triggerKind.equals("hold");
            if (agentReceives) {
                if (to == null && !agent.equals(from)) {
                    to = agent;
                } else if (from == null && !agent.equals(to)) {
                    from = agent;
                }
            } else if (from == null && !agent.equals(to)) {
                from = agent;
            } else if (to == null && !agent.equals(from)) {
                to = agent;
            }
            rules.add("agent:" + triggerKind);
        }
        // a system the subject already holds came from the state that makes it
        String maker = hit.entry().maker();
        if (triggerKind.equals("hold") && from == null && maker != null && !maker.equals(to)) {
            from = maker;
            rules.add("maker");
        }
        // 5. the focus state of the sanctions regime fills what the text leaves open
        if (hit.category() == Category.CYBER_THEFT) {
            if (focus.equals(from)) {
                from = null;
            }
            to = focus;
        } else if (from == null && to == null) {
            boolean focusSupplies = switch (categoryDefault) {
                case FROM_FOCUS -> true;
                case TO_FOCUS -> false;
                case NONE -> !(triggerKind.equals("receive") || triggerKind.equals("theft"));
            };
            if (categoryDefault != Lexicon.DefaultDirection.NONE || !triggerKind.equals("none")) {
                String other = otherParty(s, anchor, focus, lo, hi, partner);
                from = focusSupplies ? focus : other;
                to = focusSupplies ? other : focus;
                rules.add("default:" + (focusSupplies ? "focus-supplies" : "focus-receives"));
            }
        } else if (from == null || to == null) {
            String known = from != null ? from : to;
            String other = focus;
            if (known.equals(focus)) {
                other = otherParty(s, anchor, focus, lo, hi, partner);
            }
            if (other != null && !other.equals(known)) {
                if (from == null) {
                    from = other;
                } else {
                    to = other;
                }
                rules.add(other.equals(partner) && known.equals(focus) ? "document-partner" : "focus-fill");
            }
        }
        if (from != null && from.equals(to)) {
            to = null;
        }
        return new Direction(from, to, String.join("+", rules));
    }

    /** Nothing of the noun phrase follows token {@code i}: the sentence ends, or punctuation or a preposition follows. */
    private static boolean endsItsPhrase(SentenceView s, int i) {
        return i >= s.tokens.size() || s.token(i).isPunctuation() || Attribution.isPreposition(s.key(i))
                || s.key(i).equals("through") || s.key(i).equals("via");
    }

    /** States inside a widened item: [origin, recipient]; a state after "of" in the widened part receives. */
    private String[] insideStates(SentenceView s, ItemHit hit) {
        String origin = originOf(s, hit);
        String recipient = null;
        for (int k = 0; k < s.states.size(); k++) {
            var st = s.states.get(k);
            if (s.speakerState[k] || st.from() <= hit.from() || st.to() > hit.to()) {
                continue;
            }
            String prev = s.key(st.from() - 1);
            String prev2 = s.key(st.from() - 2);
            if (prev.equals("of") && st.value().role().equals("adjective") && hit.rule().startsWith("container-load")) {
                origin = st.value().code(); // "containers of North Korean crab": where the goods come from
                continue;
            }
            if (prev.equals("of") || (prev.equals("the") && prev2.equals("of"))) {
                recipient = st.value().code();
                if (st.value().code().equals(origin)) {
                    origin = null;
                }
            }
        }
        return new String[] {origin, recipient};
    }

    /** A state word within the item's own noun phrase: inside it, or up to three words before it. */
    private String originOf(SentenceView s, ItemHit hit) {
        for (int k = 0; k < s.states.size(); k++) {
            var st = s.states.get(k);
            if (s.speakerState[k]) {
                continue;
            }
            if (st.from() >= hit.from() && st.to() <= hit.to()) {
                return st.value().code();
            }
            if (st.to() <= hit.from() && st.to() >= hit.from() - 3) {
                boolean adjacent = true;
                for (int i = st.to(); i < hit.from(); i++) {
                    Token t = s.token(i);
                    if (t.isPunctuation() && !t.text().equals("-") || Attribution.isPreposition(t.key()) && !t.key().equals("of")
                            || isNumber(t.text())) {
                        adjacent = false;
                    }
                }
                // "North Korea already had Pantsirs": a state before a verb is its subject, not the item's modifier
                adjacent &= !s.triggerWithin(st.to(), hit.from());
                String prev = s.key(st.from() - 1);
                if (ARTICLES.contains(prev)) {
                    prev = s.key(st.from() - 2); // "deployed to the Kursk region as deminers": a destination
                }
                if (adjacent && !TO.contains(prev) && !prev.equals("from") && !LOCATIVE.contains(prev)) {
                    return st.value().code();
                }
            }
        }
        return null;
    }

    private static boolean isNumber(String s) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (!Character.isDigit(c) && c != ',' && c != '.') {
                return false;
            }
        }
        return !s.isEmpty() && Character.isDigit(s.charAt(0));
    }

    /** The nearest state before the verb that is not inside a prepositional phrase; null in the passive. */
    private String agentOf(SentenceView s, SentenceView.Mention<Lexicon.Cue> trigger) {
        int i = trigger.from() - 1;
        while (i >= 0 && ADVERB.contains(s.key(i))) {
            if (BE.contains(s.key(i))) {
                break;
            }
            i--;
        }
        // "is sharing", "may be supplying": a form of "be" before an -ing verb is the progressive, not the passive
        boolean progressive = s.token(trigger.to() - 1).lower().endsWith("ing");
        if (i >= 0 && BE.contains(s.key(i)) && !progressive) {
            // passive: "were sent by X" names the agent after the verb
            for (var st : s.states) {
                if (st.from() > trigger.from() && st.from() <= trigger.to() + 3 && s.key(st.from() - 1).equals("by")) {
                    return st.value().code();
                }
            }
            return null;
        }
        // "Russia has provided North Korea with oil, and it may also be sharing ...": "it" is the sentence's subject
        int v = trigger.from() - 1;
        while (v >= 0 && (ADVERB.contains(s.key(v)) || BE.contains(s.key(v)) || AUXILIARY.contains(s.key(v)))) {
            v--;
        }
        boolean pronoun = v >= 0 && SUBJECT_PRONOUNS.contains(s.key(v));
        String agent = null;
        for (int k = 0; k < s.states.size(); k++) {
            var st = s.states.get(k);
            if (st.to() > trigger.from() || pronoun && agent != null) {
                break;
            }
            if (s.speakerState[k]) {
                continue;
            }
            String prev = s.wordBefore(st.from());
            boolean inPhrase = Attribution.isPreposition(prev) && !prev.equals("and");
            boolean between = prev.equals("and") && s.key(st.from() - 3).equals("between");
            if (prev.equals("and")) {
                for (int j = st.from() - 2; j >= Math.max(0, st.from() - 5); j--) {
                    if (s.key(j).equals("between")) {
                        between = true;
                    }
                }
            }
            boolean possessor = s.key(st.to()).equals("'s") && st.to() + 1 != trigger.from();
            boolean coordinated = prev.equals("and") && k > 0 && s.states.get(k - 1).to() == st.from() - 1;
            if (coordinated) {
                agent = null;
            } else if (!inPhrase && !between && !possessor) {
                agent = st.value().code();
            }
        }
        return agent;
    }

    /** The other party: a state near the item, else anywhere in the sentence, else the document's last partner. */
    private static String otherParty(SentenceView s, int anchor, String focus, int lo, int hi, String partner) {
        String other = nearestOtherState(s, anchor, focus, lo, hi);
        if (other == null) {
            other = nearestOtherState(s, anchor, focus, 0, Integer.MAX_VALUE);
        }
        return other != null ? other : partner;
    }

    /**
     * A state in a phrase after "via" is a stop on the route, no party: "shipped from Nampo via the Russian port of
     * Kholmsk", "via the Chinese port of Dandong".
     */
    private static boolean onRoute(SentenceView s, int stateFrom) {
        for (int i = stateFrom - 1; i >= 0 && i >= stateFrom - ROUTE_PHRASE; i--) {
            String k = s.key(i);
            if (k.equals("via")) {
                return true;
            }
            if (!(ARTICLES.contains(k) || k.equals("of") || s.stateToken[i] || s.token(i).isWord()
                    && !Attribution.isPreposition(k) && Character.isLowerCase(s.token(i).text().charAt(0))
                    && k.length() > 2 && !k.endsWith("ed"))) {
                return false;
            }
        }
        return false;
    }

    private static final int ROUTE_PHRASE = 5;

    /** A state in the false description of a cargo names no party: "crab relabelled as Chinese produce". */
    private static boolean inCover(SentenceView s, int stateFrom) {
        for (var c : s.cues("exclude")) {
            if (c.value().value().equals("cover") && c.to() <= stateFrom && stateFrom - c.to() <= 2) {
                return true;
            }
        }
        return false;
    }

    private static String nearestOtherState(SentenceView s, int anchor, String focus, int lo, int hi) {
        String best = null;
        int bestDist = Integer.MAX_VALUE;
        for (int k = 0; k < s.states.size(); k++) {
            var st = s.states.get(k);
            if (s.speakerState[k] || st.value().code().equals(focus) || st.from() < lo || st.from() > hi
                    || onRoute(s, st.from()) || inCover(s, st.from())) {
                continue;
            }
            int d = Math.abs(st.from() - anchor);
            if (d < bestDist) {
                best = st.value().code();
                bestDist = d;
            }
        }
        return best;
    }
}
