package io.sanctionsmonitor.extract;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/** One sentence with every lexicon lookup done once: the tokens and the matches the rules read. */
final class SentenceView {

    record Mention<T>(int from, int to, T value) {}

    final String text;
    final int offset;
    final List<Token> tokens;
    final List<Mention<Lexicon.Item>> items = new ArrayList<>();
    final List<Mention<Lexicon.State>> states = new ArrayList<>();
    final List<Mention<Lexicon.Source>> sources = new ArrayList<>();
    final List<Mention<Lexicon.Cue>> cues = new ArrayList<>();
    /** Marks tokens that belong to a state mention. */
    final boolean[] stateToken;
    /** Marks state mentions that name who speaks rather than who acts ("Seoul estimates", "U.S. officials"). */
    final boolean[] speakerState;

    SentenceView(String text, int offset, List<Token> tokens, Lexicon lexicon) {
        this.text = text;
        this.offset = offset;
        this.tokens = tokens;
        boolean[] mayStart = new boolean[tokens.size()];
        for (int i = 0; i < mayStart.length; i++) {
            mayStart[i] = lexicon.firstWords.contains(tokens.get(i).key());
        }
        for (var m : lexicon.items.findAll(tokens, mayStart)) {
            items.add(new Mention<>(m.from(), m.to(), m.value()));
        }
        for (var m : lexicon.states.findAll(tokens, mayStart)) {
            if (m.value().code().equals("NONE")) {
                continue; // "the East China Sea": the longer phrase hides the state in it
            }
            if (capitalisationAgrees(lexicon.phraseWords.get(m.value().phrase()), m.from(), m.to())) {
                states.add(new Mention<>(m.from(), m.to(), m.value()));
            }
        }
        placeSuffixedStates(tokens, lexicon);
        for (var m : lexicon.sources.findAll(tokens, mayStart)) {
            if (capitalisationAgrees(lexicon.phraseWords.get(m.value().phrase()), m.from(), m.to())) {
                sources.add(new Mention<>(m.from(), m.to(), m.value()));
            }
        }
        for (var m : lexicon.cues.findAll(tokens, mayStart)) {
            for (Lexicon.Cue cue : m.value()) {
                if (cue.lowercaseOnly() && !tokens.get(m.from()).text().equals(tokens.get(m.from()).lower())) {
                    continue;
                }
                cues.add(new Mention<>(m.from(), m.to(), cue));
            }
        }
        stateToken = new boolean[tokens.size()];
        for (var s : states) {
            for (int i = s.from(); i < s.to(); i++) {
                stateToken[i] = true;
            }
        }
        speakerState = new boolean[states.size()];
        int n = tokens.size();
        triggerStartsBefore = new int[n + 1];
        speechStartsBefore = new int[n + 1];
        @SuppressWarnings("unchecked")
        List<Mention<Lexicon.Cue>>[] starting = new List[n];
        for (var c : cues) {
            cuesByKind.computeIfAbsent(c.value().kind(), k -> new ArrayList<>()).add(c);
            if (starting[c.from()] == null) {
                starting[c.from()] = new ArrayList<>(2);
            }
            starting[c.from()].add(c);
            if (c.value().kind().equals("trigger")) {
                triggerStartsBefore[c.from() + 1]++;
            } else if (c.value().kind().equals("speech")) {
                speechStartsBefore[c.from() + 1]++;
            }
        }
        for (int i = 0; i < n; i++) {
            triggerStartsBefore[i + 1] += triggerStartsBefore[i];
            speechStartsBefore[i + 1] += speechStartsBefore[i];
        }
        cuesStartingAt = starting;
        @SuppressWarnings("unchecked")
        Mention<Lexicon.Item>[] itemStarts = new Mention[n];
        for (var m : items) {
            itemStarts[m.from()] = m;
        }
        itemStartingAt = itemStarts;
    }

    /** Suffixes after a state's name that make the word say where a thing is based ("a Singapore-based exchange"). */
    private static final Set<String> PLACE_SUFFIXES = Set.of("based", "headquartered");

    /**
     * "a Singapore-based exchange": a one-word state name before "-based" names where the thing is, read as that
     * state's adjective (so "from a Singapore-based exchange" is from Singapore).
     */
    private void placeSuffixedStates(List<Token> tokens, Lexicon lexicon) {
        for (int i = 0; i < tokens.size(); i++) {
            Token t = tokens.get(i);
            int dash = t.text().lastIndexOf('-');
            if (dash <= 0 || !Character.isUpperCase(t.text().charAt(0))
                    || !PLACE_SUFFIXES.contains(t.lower().substring(dash + 1)) || covers(states, i)) {
                continue;
            }
            String head = t.text().substring(0, dash);
            Token part = new Token(t.start(), t.start() + dash, head, head.toLowerCase(Locale.ROOT),
                    Tokenizer.normalise(head));
            for (var m : lexicon.states.findAll(List.of(part))) {
                Lexicon.State st = m.value();
                states.add(new Mention<>(i, i + 1, new Lexicon.State(st.code(), "adjective", st.phrase())));
                states.sort(Comparator.comparingInt(Mention::from)); // rare: only after an "X-based" word
            }
        }
    }

    /** Whether one of the mentions spans token {@code i}. */
    static boolean covers(List<? extends Mention<?>> mentions, int i) {
        for (var m : mentions) {
            if (m.from() <= i && i < m.to()) {
                return true;
            }
        }
        return false;
    }

    // indexes built once so that rules ask "is there a cue of this kind here / in this span" in constant time
    private final Map<String, List<Mention<Lexicon.Cue>>> cuesByKind = new HashMap<>();
    private final List<Mention<Lexicon.Cue>>[] cuesStartingAt;
    private final Mention<Lexicon.Item>[] itemStartingAt;
    private final int[] triggerStartsBefore;
    private final int[] speechStartsBefore;

    /** Cues of one kind, in sentence order. */
    List<Mention<Lexicon.Cue>> cues(String kind) {
        return cuesByKind.getOrDefault(kind, List.of());
    }

    /** The cue of this kind that starts at token {@code i}, or null. */
    Lexicon.Cue cueAt(int i, String kind) {
        if (i < 0 || i >= cuesStartingAt.length || cuesStartingAt[i] == null) {
            return null;
        }
        for (var c : cuesStartingAt[i]) {
            if (c.value().kind().equals(kind)) {
                return c.value();
            }
        }
        return null;
    }

    /** The item mention that starts at token {@code i}, or null. */
    Mention<Lexicon.Item> itemAt(int i) {
        return i >= 0 && i < itemStartingAt.length ? itemStartingAt[i] : null;
    }

    /** Whether a transfer verb starts within tokens [from, to). */
    boolean triggerWithin(int from, int to) {
        return count(triggerStartsBefore, from, to) > 0;
    }

    /** Whether an attribution verb starts within tokens [from, to). */
    boolean speechWithin(int from, int to) {
        return count(speechStartsBefore, from, to) > 0;
    }

    private static int count(int[] startsBefore, int from, int to) {
        int f = Math.max(0, Math.min(from, startsBefore.length - 1));
        int t = Math.max(0, Math.min(to, startsBefore.length - 1));
        return t > f ? startsBefore[t] - startsBefore[f] : 0;
    }

    Token token(int i) {
        return tokens.get(i);
    }

    String key(int i) {
        return i >= 0 && i < tokens.size() ? tokens.get(i).key() : "";
    }

    /** The key of the word before token {@code i}, skipping quotation marks; "" at the start. */
    String wordBefore(int i) {
        int j = i - 1;
        while (j >= 0 && isQuote(tokens.get(j).text())) {
            j--;
        }
        return key(j);
    }

    private static boolean isQuote(String t) {
        return t.equals("\"") || t.equals("“") || t.equals("”") || t.equals("'") || t.equals("‘") || t.equals("’");
    }

    /** The sentence text of tokens [from, to). */
    String span(int from, int to) {
        return text.substring(tokens.get(from).start(), tokens.get(to - 1).end());
    }

    boolean hasCue(String kind) {
        return !cues(kind).isEmpty();
    }

    /** Every capitalised word of a gazetteer phrase must be capitalised in the text ("US" is not "us"). */
    private boolean capitalisationAgrees(String[] lex, int from, int to) {
        for (int k = 0; k < lex.length && from + k < to; k++) {
            String want = lex[k];
            String got = tokens.get(from + k).text();
            if (Character.isUpperCase(want.charAt(0)) && !Character.isUpperCase(got.charAt(0))) {
                return false;
            }
            if (want.length() > 1 && want.equals(want.toUpperCase()) && Character.isLetter(want.charAt(1))
                    && !got.equals(got.toUpperCase())) {
                return false;
            }
        }
        return true;
    }
}
