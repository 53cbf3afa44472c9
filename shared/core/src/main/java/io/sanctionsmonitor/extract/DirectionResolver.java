package io.sanctionsmonitor.extract;

import io.sanctionsmonitor.model.Category;
import java.util.Set;

/**
 * Decides who supplies and who receives an item, from the sentence's grammar: prepositions ("from X", "to Y",
 * "in Y" for people placed somewhere), a state word inside the item's phrase ("Russian MiG-29s"), the subject of the
 * transfer verb (supplier for "send", receiver for "receive"; no subject in the passive), a state right after a give
 * verb ("supplies Russia with"), "in return for" reversal, and last the focus state of the sanctions regime.
 */
final class DirectionResolver {

    private static final Set<String> TO = Set.of("to", "into", "toward", "towards");
    private static final Set<String> LOCATIVE = Set.of("in", "across", "inside", "within", "at");
    private static final Set<String> BE = Set.of("is", "are", "was", "were", "be", "been", "being");
    private static final Set<String> ADVERB = Set.of("reportedly", "also", "allegedly", "already", "repeatedly",
            "recently", "now", "being", "been", "reported", "further", "later", "soon", "then", "not", "still");

    private final Lexicon lexicon;

    DirectionResolver(Lexicon lexicon) {
        this.lexicon = lexicon;
    }

    Direction resolve(SentenceView s, ItemHit hit, SentenceView.Mention<Lexicon.Cue> trigger) {
        String from = null;
        String to = null;
        StringBuilder rule = new StringBuilder();
        String triggerKind = trigger == null ? "give" : trigger.value().value();
        int anchor = hit.from();

        // 1. prepositions: the state nearest to the item wins
        int bestFrom = Integer.MAX_VALUE;
        int bestTo = Integer.MAX_VALUE;
        boolean placed = triggerKind.equals("locate") || hit.category() == Category.MILITARY_PERSONNEL
                || hit.category() == Category.OVERSEAS_LABOR;
        for (int k = 0; k < s.states.size(); k++) {
            var st = s.states.get(k);
            if (s.speakerState[k] || (st.from() >= hit.from() && st.to() <= hit.to())) {
                continue;
            }
            String prev = s.key(st.from() - 1);
            int dist = Math.abs(st.from() - anchor);
            if (prev.equals("from") && dist < bestFrom) {
                from = st.value().code();
                bestFrom = dist;
            } else if ((TO.contains(prev) || (placed && LOCATIVE.contains(prev))) && dist < bestTo) {
                to = st.value().code();
                bestTo = dist;
            } else if (prev.equals("for") && to == null && st.from() > anchor) {
                to = st.value().code();
                bestTo = dist;
            }
        }
        if (from != null || to != null) {
            rule.append("preposition");
        }
        // 2. a give verb followed directly by a state: "supplies Russia with", "send North Korea"
        if (trigger != null && triggerKind.equals("give") && to == null) {
            for (int k = 0; k < s.states.size(); k++) {
                var st = s.states.get(k);
                if (!s.speakerState[k] && st.from() == trigger.to() && st.value().code() != null) {
                    to = st.value().code();
                    rule.append(rule.isEmpty() ? "" : "+").append("indirect-object");
                }
            }
        }
        // 3. a state word inside the item's phrase names where it comes from
        String origin = originOf(s, hit);
        if (origin != null) {
            if (from == null && !origin.equals(to)) {
                from = origin;
                rule.append(rule.isEmpty() ? "" : "+").append("item-origin");
            } else if (to == null && !origin.equals(from)) {
                to = origin;
                rule.append(rule.isEmpty() ? "" : "+").append("item-origin");
            }
        }
        // 4. the subject of the transfer verb, unless the verb is passive
        if (trigger != null) {
            String agent = agentOf(s, trigger);
            if (agent != null) {
                boolean agentReceives = triggerKind.equals("receive") || triggerKind.equals("theft");
                if (agentReceives) {
                    if (to == null && !agent.equals(from)) {
                        to = agent;
                    } else if (from == null && !agent.equals(to)) {
                        from = agent;
                    }
                } else {
                    if (from == null && !agent.equals(to)) {
                        from = agent;
                    } else if (to == null && !agent.equals(from)) {
                        to = agent;
                    }
                }
                rule.append(rule.isEmpty() ? "" : "+").append("agent:" + triggerKind);
            }
        }
        // 5. the focus state fills the open side
        String focus = lexicon.focusState;
        if (hit.category() == Category.CYBER_THEFT) {
            if (focus.equals(from)) {
                from = null;
            }
            to = focus;
        } else if (from == null && to == null) {
            String other = nearestOtherState(s, anchor, focus);
            switch (lexicon.defaultDirections.getOrDefault(hit.category(), Lexicon.DefaultDirection.NONE)) {
                case FROM_FOCUS -> {
                    from = focus;
                    to = other;
                    rule.append(rule.isEmpty() ? "" : "+").append("default:from-focus");
                }
                case TO_FOCUS -> {
                    to = focus;
                    from = other;
                    rule.append(rule.isEmpty() ? "" : "+").append("default:to-focus");
                }
                case NONE -> { }
            }
        } else if (from == null || to == null) {
            String known = from != null ? from : to;
            String other = known.equals(focus) ? nearestOtherState(s, anchor, focus) : focus;
            if (other != null && !other.equals(known)) {
                if (from == null) {
                    from = other;
                } else {
                    to = other;
                }
                rule.append(rule.isEmpty() ? "" : "+").append("focus-fill");
            }
        }
        if (hit.reversed()) {
            String t = from;
            from = to;
            to = t;
            rule.append("+reversed");
        }
        if (from != null && from.equals(to)) {
            to = null;
        }
        return new Direction(from, to, rule.toString());
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
                            || Character.isDigit(t.text().charAt(0)) && t.text().matches("[\\d,.]+")) {
                        adjacent = false;
                    }
                }
                String prev = s.key(st.from() - 1);
                if (adjacent && !TO.contains(prev) && !prev.equals("from") && !LOCATIVE.contains(prev)) {
                    return st.value().code();
                }
            }
        }
        return null;
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
        if (i >= 0 && BE.contains(s.key(i))) {
            // passive: "were sent by X" names the agent after the verb
            for (var st : s.states) {
                if (st.from() > trigger.from() && s.key(st.from() - 1).equals("by")) {
                    return st.value().code();
                }
            }
            return null;
        }
        String agent = null;
        for (int k = 0; k < s.states.size(); k++) {
            var st = s.states.get(k);
            if (st.to() > trigger.from()) {
                break;
            }
            if (s.speakerState[k]) {
                continue;
            }
            String prev = s.key(st.from() - 1);
            boolean inPhrase = Attribution.isPreposition(prev) && !prev.equals("and");
            boolean between = prev.equals("and") && s.key(st.from() - 3).equals("between");
            if (prev.equals("and")) {
                for (int j = st.from() - 2; j >= Math.max(0, st.from() - 5); j--) {
                    if (s.key(j).equals("between")) {
                        between = true;
                    }
                }
            }
            if (!inPhrase && !between) {
                agent = st.value().code();
            }
        }
        return agent;
    }

    private static String nearestOtherState(SentenceView s, int anchor, String focus) {
        String best = null;
        int bestDist = Integer.MAX_VALUE;
        for (int k = 0; k < s.states.size(); k++) {
            var st = s.states.get(k);
            if (s.speakerState[k] || st.value().code().equals(focus)) {
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
