package io.sanctionsmonitor.extract;

import io.sanctionsmonitor.model.Certainty;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Who makes the claims of a sentence and how firmly (guidelines 9-10), carried across sentences the way a reader
 * carries it: a sentence that names a source sets it; "the report" or "it said" points back to it; a sentence with
 * no source keeps the last one; the document's own voice ("as we reported") clears it. One instance per document.
 */
final class Attribution {

    /** What a sentence's claims rest on. */
    record Basis(List<String> sources, Certainty certainty, boolean named, List<String> why) {}

    private static final Set<String> PREPOSITIONS = Set.of("to", "from", "in", "into", "with", "by", "for", "on", "of",
            "between", "against", "across", "at", "over", "inside", "toward", "towards", "and");

    private static final Set<String> AUXILIARY = Set.of("has", "have", "had", "also", "previously", "recently",
            "officially", "publicly", "is", "was");

    /** Words that may stand between a state and the office that speaks for it ("South Korean defence officials"). */
    private static final Set<String> SOURCE_MODIFIERS = Set.of("defence", "defense", "military", "foreign", "security",
            "senior", "top", "state", "naval", "national", "presidential", "government");

    /** Words before a body that make it the one spoken to, not the speaker ("told the team"). */
    private static final Set<String> ADDRESSEE_BEFORE = Set.of("told", "informed", "briefed", "asked", "to", "for",
            "with", "urged");

    private final Lexicon lexicon;
    private List<String> current = List.of();
    /** The last sources a sentence named, for "he said" after a paragraph break. */
    private List<String> lastNamed = List.of();
    /** The last named body that is neither a government nor an outlet's media, for "the report", "the panel". */
    private String lastBody;
    private Certainty currentCertainty = Certainty.REPORTED;

    Attribution(Lexicon lexicon) {
        this.lexicon = lexicon;
    }

    /**
     * A new paragraph begins. After a long paragraph (an essay's unit of thought) the running source is dropped;
     * after the short paragraphs of news copy, where one account spans several paragraphs, it carries on.
     */
    void newParagraph(boolean afterLongParagraph) {
        if (afterLongParagraph) {
            current = List.of();
            currentCertainty = Certainty.REPORTED;
        }
    }

    Basis read(SentenceView s) {
        List<String> why = new ArrayList<>();
        Set<String> named = new LinkedHashSet<>();
        int ownVoiceFrom = Integer.MAX_VALUE;
        int ownVoiceTo = -1;
        for (var cue : s.cues) {
            if (cue.value().kind().equals("own-voice")) {
                ownVoiceFrom = Math.min(ownVoiceFrom, cue.from());
                ownVoiceTo = clauseEnd(s, cue.to());
            }
        }
        for (var src : s.sources) {
            if (src.from() >= ownVoiceFrom && src.from() < ownVoiceTo) {
                continue; // "as I outlined in a RUSI report": the author's own earlier work, not a source
            }
            if (src.value().needsState()) {
                int stateIdx = stateEndingAt(s, src.from());
                if (stateIdx < 0 && SOURCE_MODIFIERS.contains(s.key(src.from() - 1))) {
                    stateIdx = stateEndingAt(s, src.from() - 1); // "Ukraine's defence intelligence agency"
                }
                if (stateIdx >= 0) {
                    var state = s.states.get(stateIdx);
                    s.speakerState[stateIdx] = true;
                    named.add(src.value().label().endsWith("media")
                            ? s.span(state.from(), state.to()) + " media"
                            : lexicon.stateName(state.value().code()));
                }
            } else {
                named.add(src.value().label());
                markStateInside(s, src.from(), src.to());
            }
        }
        Certainty spoken = null;
        boolean confirmedReport = false;
        for (var cue : s.cues) {
            if (!cue.value().kind().equals("speech")) {
                continue;
            }
            Certainty c = Certainty.fromLabel(cue.value().value());
            if (s.key(cue.from()).equals("confirmed") && s.key(cue.from() + 1).equals("report")) {
                confirmedReport = true;
                continue;
            }
            spoken = combine(spoken, c);
            // a state right before a speech verb speaks ("Seoul estimates")
            int verbStart = cue.from();
            while (verbStart > 0 && AUXILIARY.contains(s.key(verbStart - 1))) {
                verbStart--;
            }
            int stateIdx = stateEndingAt(s, verbStart);
            if (stateIdx >= 0 && !s.key(cue.from()).equals("according")) {
                s.speakerState[stateIdx] = true;
                named.add(lexicon.stateName(s.states.get(stateIdx).value().code()));
            }
            if (s.key(cue.from()).equals("according")) {
                int after = stateStartingAt(s, cue.to());
                if (after >= 0) {
                    s.speakerState[after] = true;
                    named.add(lexicon.stateName(s.states.get(after).value().code())); // "according to Seoul"
                }
            }
        }
        if (confirmedReport && spoken == null) {
            spoken = Certainty.REPORTED;
        }
        boolean anaphor = s.hasCue("anaphor");
        boolean ownVoice = s.hasCue("own-voice");
        Certainty base;
        List<String> sources;
        if (!named.isEmpty()) {
            sources = new ArrayList<>(named);
            base = spoken == null ? Certainty.REPORTED : spoken;
            if (anaphor) {
                for (String c : current) {
                    if (!sources.contains(c)) {
                        sources.add(c);
                    }
                }
            }
            why.add("source:" + String.join("+", sources));
        } else if (anaphor) {
            var bodyCue = s.cues.stream()
                    .filter(c -> c.value().kind().equals("anaphor") && c.value().value().startsWith("body")).findFirst();
            boolean toBody = bodyCue.isPresent();
            // "body=NAME": with no body named before, the phrase itself names one ("the monitoring team")
            String ownName = bodyCue.filter(c -> !ADDRESSEE_BEFORE.contains(s.key(c.from() - 1)))
                    .map(c -> c.value().value()).filter(v -> v.startsWith("body="))
                    .map(v -> v.substring("body=".length())).orElse(null);
            sources = toBody && lastBody != null ? List.of(lastBody)
                    : ownName != null && current.isEmpty() && lastNamed.isEmpty() ? List.of(ownName)
                    : current.isEmpty() ? lastNamed : current;
            base = spoken == null || spoken == Certainty.REPORTED ? min(currentCertainty, Certainty.REPORTED) : spoken;
            why.add("source:anaphor→" + String.join("+", sources));
        } else if (ownVoice) {
            sources = List.of();
            base = Certainty.REPORTED;
            why.add("source:own-voice");
        } else {
            sources = current;
            base = spoken == null ? currentCertainty : min(currentCertainty, spoken);
            if (!sources.isEmpty()) {
                why.add("source:inherited→" + String.join("+", sources));
            }
        }
        if (!named.isEmpty() || anaphor || ownVoice || spoken != null) {
            current = List.copyOf(sources);
            currentCertainty = base;
        }
        if (!named.isEmpty()) {
            lastNamed = List.copyOf(named);
            for (String n : named) {
                if (!lexicon.stateNames.containsValue(n) && !n.endsWith(" media")) {
                    lastBody = n;
                }
            }
        }
        if (base != Certainty.REPORTED) {
            why.add("basis:" + base.label());
        }
        return new Basis(List.copyOf(sources), base, !named.isEmpty() || ownVoice, why);
    }

    /** A specific verb ("found", "accused") outweighs a plain "said"; two specific ones give the weaker. */
    private static Certainty combine(Certainty sofar, Certainty c) {
        if (sofar == null || sofar == Certainty.REPORTED) {
            return c;
        }
        return c == Certainty.REPORTED ? sofar : min(sofar, c);
    }

    private static int clauseEnd(SentenceView s, int from) {
        for (int i = from; i < s.tokens.size(); i++) {
            if (s.key(i).equals(",")) {
                return i;
            }
        }
        return s.tokens.size();
    }

    static Certainty min(Certainty a, Certainty b) {
        return a.compareTo(b) <= 0 ? a : b;
    }

    /** The state mention that ends right before token {@code i} (allowing a possessive "'s"), or -1. */
    private static int stateEndingAt(SentenceView s, int i) {
        for (int k = 0; k < s.states.size(); k++) {
            var st = s.states.get(k);
            if (st.to() == i || (st.to() == i - 1 && s.key(i - 1).equals("'s"))) {
                return k;
            }
        }
        return -1;
    }

    private static int stateStartingAt(SentenceView s, int i) {
        for (int k = 0; k < s.states.size(); k++) {
            if (s.states.get(k).from() == i) {
                return k;
            }
        }
        return -1;
    }

    private static void markStateInside(SentenceView s, int from, int to) {
        for (int k = 0; k < s.states.size(); k++) {
            var st = s.states.get(k);
            if (st.from() >= from && st.to() <= to || st.to() == from || st.to() == from - 1 && s.key(from - 1).equals("'s")) {
                s.speakerState[k] = true;
            }
        }
    }

    static boolean isPreposition(String key) {
        return PREPOSITIONS.contains(key);
    }
}
