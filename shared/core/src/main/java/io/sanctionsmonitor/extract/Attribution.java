package io.sanctionsmonitor.extract;

import io.sanctionsmonitor.model.Certainty;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
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
            "senior", "top", "state", "naval", "national", "presidential", "government",
            "custom", "border"); // keys drop a plural "s": "custom" is "customs"

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
    /** The running source was named at the end of its sentence ("..., the agency said."): it ends with the paragraph. */
    private boolean currentTrailing;
    /** The certainty of the source a trailing paragraph break set aside. */
    private Certainty pausedCertainty = Certainty.REPORTED;
    /** Office phrases of state sources and the state each was named for, newest last ("intelligence officials"). */
    private final List<String[]> roles = new ArrayList<>();

    Attribution(Lexicon lexicon) {
        this.lexicon = lexicon;
    }

    /**
     * A new paragraph begins. After a long paragraph (an essay's unit of thought) the running source is dropped;
     * after the short paragraphs of news copy, where one account spans several paragraphs, it carries on.
     */
    void newParagraph(boolean afterLongParagraph) {
        if (afterLongParagraph || currentTrailing) {
            // a later "the panel said" points back to that source and so to its standing ("still investigating")
            pausedCertainty = afterLongParagraph ? Certainty.REPORTED : currentCertainty;
            current = List.of();
        }
        // what a source still investigates or only suspects qualifies that paragraph's claims, not the next one's;
        // a determination ("Treasury determined that ...") stands for the whole account
        if (currentCertainty.compareTo(Certainty.REPORTED) < 0) {
            currentCertainty = Certainty.REPORTED;
        }
    }

    /** The government that issues the document (named in its heading), or null: whom "our ministry" means. */
    private String issuer;

    void issuedBy(String government) {
        issuer = government;
    }

    /** A new speaker's turn in a transcript: what the one before said, and who they cited, no longer runs. */
    void newSpeaker() {
        current = List.of();
        lastNamed = List.of();
        currentTrailing = false;
        currentCertainty = Certainty.REPORTED;
    }

    /**
     * An interview's answer: the interviewee speaks, in the first person ("I saw", "we loaded"), whoever the outlet
     * is (guideline 9); the text's introduction describes them, so they are given as unnamed.
     */
    void answerTurn() {
        newSpeaker();
        current = List.of(INTERVIEWEE);
        lastNamed = current;
    }

    private static final String INTERVIEWEE = "interviewee (unnamed)";

    Basis read(SentenceView s) {
        List<String> why = new ArrayList<>();
        Set<String> named = new LinkedHashSet<>();
        int ownVoiceFrom = Integer.MAX_VALUE;
        int ownVoiceTo = -1;
        for (var cue : s.cues) {
            if (cue.value().kind().equals("own-voice") && !cue.value().value().equals("background")) {
                ownVoiceFrom = Math.min(ownVoiceFrom, cue.from());
                ownVoiceTo = clauseEnd(s, cue.to());
            }
        }
        int namedFrom = Integer.MAX_VALUE;
        int namedTo = -1;
        addDescribedBodies(s);
        for (var src : s.sources) {
            if (src.from() >= ownVoiceFrom && src.from() < ownVoiceTo) {
                continue; // "as I outlined in a RUSI report": the author's own earlier work, not a source
            }
            if (receivesTheReport(s, src.from())) {
                why.add("not-source:" + s.span(src.from(), src.to()) + " (obtained the report)");
                continue;
            }
            if (handsOverRecords(s, src.from(), src.to())) {
                why.add("not-source:" + s.span(src.from(), src.to()) + " (supplied records)");
                continue;
            }
            if (addressed(s, src.from())) {
                why.add("not-source:" + s.span(src.from(), src.to()) + " (spoken to)");
                continue;
            }
            int before = named.size();
            if (src.value().unnamed()) {
                String described = unnamedBody(s, src.from(), src.to());
                if (described != null) {
                    named.add(described);
                    markStateInside(s, src.from(), src.to());
                }
            } else if (src.value().needsState()) {
                int stateIdx = stateEndingAt(s, src.from());
                if (stateIdx < 0 && SOURCE_MODIFIERS.contains(s.key(src.from() - 1))) {
                    stateIdx = stateEndingAt(s, src.from() - 1); // "Ukraine's defence intelligence agency"
                }
                List<Integer> listed = stateIdx < 0 ? statesListedAfterOf(s, src.to()) : List.of();
                boolean ours = stateIdx < 0 && listed.isEmpty() && issuer != null && src.from() > 0
                        && s.key(src.from() - 1).equals("our");
                String regional = stateIdx < 0 && listed.isEmpty() && !ours ? officialOfNoState(s, src.from(), src.to()) : null;
                if (ours) {
                    // "our defence ministry" in a document a government issues: that government speaks
                    named.add(issuer);
                    why.add("source:our→" + issuer + " (the issuing government)");
                } else if (regional != null) {
                    // "a European intelligence official": an office of no state the lexicon knows, left unnamed
                    named.add(regional);
                    rememberRole(src.value().phrase(), regional);
                } else if (!listed.isEmpty()) {
                    // "the foreign ministers of Australia, Canada and Japan": each government speaks
                    for (int k : listed) {
                        s.speakerState[k] = true;
                        named.add(lexicon.stateName(s.states.get(k).value().code()));
                    }
                } else if (stateIdx >= 0) {
                    var state = s.states.get(stateIdx);
                    s.speakerState[stateIdx] = true;
                    String label = src.value().label().endsWith("media")
                            ? s.span(state.from(), state.to()) + " media"
                            : lexicon.stateName(state.value().code());
                    named.add(label);
                    rememberRole(src.value().phrase(), label);
                }
            } else {
                named.add(src.value().label());
                markStateInside(s, src.from(), src.to());
                if (lexicon.stateNames.containsValue(src.value().label())) {
                    rememberRole(src.value().phrase(), src.value().label()); // "the ministry" may point back to it
                }
            }
            if (named.size() > before && !src.value().unnamed()) {
                namedFrom = Math.min(namedFrom, src.from());
                namedTo = Math.max(namedTo, src.to());
            }
        }
        Certainty spoken = null;
        boolean confirmedReport = false;
        for (var cue : s.cues) {
            if (!cue.value().kind().equals("speech")) {
                continue;
            }
            Certainty c = Certainty.fromLabel(cue.value().value());
            if (c == Certainty.ALLEGED && s.key(cue.from()).equals("investigation") && afterAccordingTo(s, cue.from())) {
                // "according to a Reuters investigation": what an investigation found is reported, not suspected
                c = Certainty.REPORTED;
                why.add("basis:reported (findings of an investigation)");
            }
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
                namedFrom = Math.min(namedFrom, s.states.get(stateIdx).from());
                namedTo = Math.max(namedTo, cue.to());
            }
            if (s.key(cue.from()).equals("according")) {
                int after = stateStartingAt(s, cue.to());
                if (after >= 0 && !sourceRightAfter(s, s.states.get(after).to())) { // "according to South Korean researchers" names them
                    s.speakerState[after] = true;
                    named.add(lexicon.stateName(s.states.get(after).value().code())); // "according to Seoul"
                    namedFrom = Math.min(namedFrom, cue.from());
                    namedTo = Math.max(namedTo, s.states.get(after).to());
                }
            }
        }
        if (confirmedReport && spoken == null) {
            spoken = Certainty.REPORTED;
        }
        boolean anaphor = s.hasCue("anaphor");
        boolean ownVoice = s.hasCue("own-voice");
        // "The statement comes as North Korea ...": the writer's background, whatever the subject points back to
        boolean background = s.cues("own-voice").stream().anyMatch(c -> c.value().value().equals("background"));
        Certainty base;
        List<String> sources;
        if (!named.isEmpty()) {
            sources = new ArrayList<>(named);
            base = spoken == null ? Certainty.REPORTED : spoken;
            if (anaphor) {
                String role = roleNamed(s);
                for (String c : role != null ? List.of(role) : current.isEmpty() ? lastNamed : current) {
                    if (!sources.contains(c)) {
                        sources.add(c);
                    }
                }
            }
            why.add("source:" + String.join("+", sources));
        } else if (background) {
            sources = List.of();
            base = Certainty.REPORTED;
            why.add("source:own-voice (background)");
        } else if (anaphor) {
            var bodyCue = s.cues.stream()
                    .filter(c -> c.value().kind().equals("anaphor") && c.value().value().startsWith("body")).findFirst();
            boolean toBody = bodyCue.isPresent();
            // "body=NAME": with no body named before, the phrase itself names one ("the monitoring team")
            String ownName = bodyCue.filter(c -> !ADDRESSEE_BEFORE.contains(s.key(c.from() - 1)))
                    .map(c -> c.value().value()).filter(v -> v.startsWith("body="))
                    .map(v -> v.substring("body=".length())).orElse(null);
            String role = roleNamed(s);
            sources = role != null ? List.of(role)
                    : toBody && lastBody != null ? List.of(lastBody)
                    : ownName != null ? List.of(ownName)
                    : current.isEmpty() ? lastNamed : current;
            Certainty standing = current.isEmpty() ? pausedCertainty : currentCertainty;
            base = spoken == null || spoken == Certainty.REPORTED ? min(standing, Certainty.REPORTED) : spoken;
            why.add("source:anaphor→" + String.join("+", sources));
        } else if (ownVoice) {
            sources = List.of();
            base = Certainty.REPORTED;
            why.add("source:own-voice");
        } else {
            sources = current;
            // a verb of verification of the sentence's own ("Inspectors confirmed that") speaks for its claims
            base = spoken == null ? currentCertainty : spoken == Certainty.CONFIRMED ? spoken : min(currentCertainty, spoken);
            if (!sources.isEmpty()) {
                why.add("source:inherited→" + String.join("+", sources));
            }
        }
        // "..., the report's authors wrote." pointing back to the running source, named first earlier, keeps it running
        boolean stillRunning = named.isEmpty() && anaphor && !current.isEmpty() && !currentTrailing
                && current.equals(sources);
        // a source quoted inside an earlier speaker's words ("..., according to a think tank," it added) does not
        // take over: later sentences still speak for the outer speaker
        List<String> pointed = current.isEmpty() ? lastNamed : current;
        int namedEnd = namedTo;
        boolean anaphorLast = s.cues("anaphor").stream().anyMatch(c -> c.from() >= namedEnd);
        boolean nested = !named.isEmpty() && anaphorLast && !pointed.isEmpty();
        if (nested) {
            current = List.copyOf(pointed);
        } else if (!named.isEmpty() || anaphor || ownVoice || spoken != null) {
            current = List.copyOf(sources);
        }
        if (!named.isEmpty() || anaphor || ownVoice || spoken != null) {
            currentCertainty = base;
        }
        if (!named.isEmpty() && !nested || anaphor && !background) {
            int from = nested ? Integer.MAX_VALUE : namedFrom;
            int to = nested ? -1 : namedTo;
            for (var c : s.cues("anaphor")) {
                from = Math.min(from, c.from());
                to = Math.max(to, c.to());
            }
            // an unnamed body alone ("experts say") vouches for its paragraph at most
            currentTrailing = !stillRunning && (from > to || trailing(s, from, to));
            if (currentTrailing) {
                why.add("source:trailing (ends with the paragraph)");
            }
        } else if (ownVoice || background) {
            currentTrailing = false;
        }
        if (nested) {
            lastNamed = List.copyOf(pointed);
        } else if (!named.isEmpty()) {
            lastNamed = List.copyOf(named);
            for (String n : named) {
                if (!lexicon.stateNames.containsValue(n) && !n.endsWith(" media") && !n.endsWith(UNNAMED)) {
                    lastBody = n;
                }
            }
        }
        if (base != Certainty.REPORTED) {
            why.add("basis:" + base.label());
        }
        return new Basis(List.copyOf(sources), base, !named.isEmpty() || ownVoice && !background, why);
    }

    /** Words before a body that make it the one spoken to or written to, not the speaker ("shared it with the team"). */
    private static final Set<String> SPOKEN_TO = Set.of("with", "informed", "briefed");

    /**
     * "shared its findings with the monitoring team", "briefed the committee". An outlet someone "told" or "spoke to"
     * stays with the speaker: it is the outlet reporting what it was told ("officials told the BBC").
     */
    private static boolean addressed(SentenceView s, int sourceFrom) {
        int i = sourceFrom - 1;
        if (i >= 0 && s.key(i).equals("the")) {
            i--;
        }
        if (i >= 1 && s.key(i).equals("to")) {
            // "passed the imagery to the monitoring team", but "according to the team" is its claim
            return !NOT_ADDRESSEE_BEFORE_TO.contains(s.key(i - 1));
        }
        return i >= 0 && SPOKEN_TO.contains(s.key(i));
    }

    /** Words before "to" that make the body after it the speaker, not the one written to ("according to"). */
    private static final Set<String> NOT_ADDRESSEE_BEFORE_TO = Set.of("according", "attributed", "credited",
            "traced", "close", "belonging", "linked", "tied", "due", "thanks",
            // the outlet someone spoke to stays with the speaker ("an official speaking to the BBC")
            "speaking", "spoke", "talking", "talked", "said", "told", "explained");

    /** Nouns for a piece of work whose author, after "by", makes its claims ("a report released by X"). */
    private static final Set<String> WORK_NOUNS = Set.of("report", "study", "analysis", "assessment", "paper", "brief",
            "review", "data");
    /** Lowercase words inside a name ("Asan Institute for Policy Studies"). */
    private static final Set<String> NAME_CONNECTORS = Set.of("for", "of", "on", "and");
    private static final int NAME_WORDS = 6;
    private static final int WORK_NOUN_REACH = 6;

    /**
     * A name the lexicon does not know is a source where its place says so: after "analysts at" ("analysts at
     * Chainfield"), after "by" with a work it wrote before ("a report released by Kestrel Maritime Analytics"), and
     * after "according to" with a description after it ("according to Kestrel, a tracking firm"). It is added to
     * the sentence's sources as a body with its own name. An unnamed body named right after it ("an analyst at a
     * Seoul think tank, the Korea Institute for Strategic Studies, said") is that body: the name replaces it.
     */
    private void addDescribedBodies(SentenceView s) {
        List<SentenceView.Mention<Lexicon.Source>> found = new ArrayList<>();
        List<SentenceView.Mention<Lexicon.Source>> named = new ArrayList<>();
        for (int i = 1; i < s.tokens.size(); i++) {
            int prep = s.key(i - 1).equals("the") ? i - 2 : i - 1;
            if (prep < 0 || !capitalised(s, i) || SentenceView.covers(s.sources, i)) { // a known source: not a new name
                continue;
            }
            int end = nameEnd(s, i);
            String p = s.key(prep);
            boolean context = p.equals("at") && unnamedSourceEndingAt(s, prep)
                    || p.equals("by") && workNounBefore(s, prep)
                    || p.equals("to") && prep > 0 && s.key(prep - 1).equals("according") && s.key(end).equals(",")
                        && (s.key(end + 1).equals("a") || s.key(end + 1).equals("an"));
            var described = p.equals(",") && s.key(i - 1).equals("the") ? unnamedSourceEnding(s, prep) : null;
            if (described != null) {
                named.add(described);
                for (var member : s.sources) { // "an analyst at a Seoul think tank, the ...": the analyst speaks for it
                    if (member.value().unnamed() && member.to() < described.from() && s.key(member.to()).equals("at")
                            && described.from() - member.to() <= WORK_NOUN_REACH) {
                        named.add(member);
                    }
                }
                context = true;
            }
            if (context) {
                String name = s.span(i, end);
                found.add(new SentenceView.Mention<>(i, end, new Lexicon.Source(name, name)));
            }
            i = end;
        }
        if (!found.isEmpty()) {
            s.sources.removeAll(named);
            s.sources.addAll(found);
            s.sources.sort(Comparator.comparingInt(SentenceView.Mention::from));
        }
    }

    /**
     * "a European intelligence official", "a NATO official": an office (a noun of {@code @state}) after "a"/"an" whose
     * descriptors include a capitalised word that names no state; given by its description with "(unnamed)".
     */
    private static String officialOfNoState(SentenceView s, int from, int to) {
        int start = from;
        boolean capitalised = false;
        while (start > 0 && isDescriptor(s, start - 1)) {
            start--;
            String t = s.token(start).text();
            capitalised |= Character.isUpperCase(t.charAt(0)) && !s.stateToken[start];
        }
        String before = start > 0 ? s.key(start - 1) : "";
        if (!capitalised || !(before.equals("a") || before.equals("an"))) {
            return null;
        }
        return s.span(start, to) + UNNAMED;
    }

    /** The states of a list right after "of" at token {@code at} ("of Australia, Canada and the United States"). */
    private static List<Integer> statesListedAfterOf(SentenceView s, int at) {
        List<Integer> listed = new ArrayList<>();
        if (!s.key(at).equals("of")) {
            return listed;
        }
        int i = at + 1;
        while (i < s.tokens.size()) {
            String k = s.key(i);
            if (k.equals(",") || k.equals("and") || k.equals("the")) {
                i++;
                continue;
            }
            int idx = stateStartingAt(s, i);
            if (idx < 0) {
                break;
            }
            listed.add(idx);
            i = s.states.get(idx).to();
        }
        return listed.size() >= 2 ? listed : List.of();
    }

    private static boolean capitalised(SentenceView s, int i) {
        String t = s.token(i).text();
        return !t.isEmpty() && Character.isUpperCase(t.charAt(0)) && !s.stateToken[i];
    }

    private static int nameEnd(SentenceView s, int from) {
        int i = from;
        while (i < s.tokens.size() && i - from < NAME_WORDS) {
            if (capitalised(s, i)) {
                i++;
            } else if (NAME_CONNECTORS.contains(s.token(i).text()) && i + 1 < s.tokens.size() && capitalised(s, i + 1)) {
                i += 2;
            } else {
                break;
            }
        }
        return i;
    }

    private static SentenceView.Mention<Lexicon.Source> unnamedSourceEnding(SentenceView s, int at) {
        for (var src : s.sources) {
            if (src.to() == at && src.value().unnamed()) {
                return src;
            }
        }
        return null;
    }

    private static boolean unnamedSourceEndingAt(SentenceView s, int at) {
        for (var src : s.sources) {
            if (src.to() == at && src.value().unnamed()) {
                return true;
            }
        }
        return false;
    }

    private static boolean workNounBefore(SentenceView s, int by) {
        for (int i = Math.max(0, by - WORK_NOUN_REACH); i < by; i++) {
            if (WORK_NOUNS.contains(s.key(i))) {
                return true;
            }
        }
        return false;
    }

    private void rememberRole(String phrase, String label) {
        roles.add(new String[] {phrase.toLowerCase(Locale.ROOT), label});
        if (roles.size() > 16) {
            roles.remove(0);
        }
    }

    /** An anaphor of value {@code role=WORD} ("the intelligence official") points to the last office with that word. */
    private String roleNamed(SentenceView s) {
        for (var c : s.cues("anaphor")) {
            if (!c.value().value().startsWith("role=")) {
                continue;
            }
            String word = c.value().value().substring("role=".length());
            for (int i = roles.size() - 1; i >= 0; i--) {
                if (roles.get(i)[0].contains(word)) {
                    return roles.get(i)[1];
                }
            }
        }
        return null;
    }

    /** Words that may end a sentence after its trailing source: "..., the agency said on Sunday." */
    private static final int TRAILING_TAIL = 4;

    /**
     * A source named only after the claim, at the end of its sentence ("..., the FBI said.", "..., according to
     * Reuters."), vouches for that sentence and the rest of its paragraph; a source named first ("The panel found
     * that ...") frames what follows.
     */
    private static boolean trailing(SentenceView s, int from, int to) {
        boolean commaBefore = false;
        for (int i = 0; i < from; i++) {
            if (s.key(i).equals(",")) {
                commaBefore = true;
            }
        }
        if (!commaBefore) {
            return false;
        }
        int words = 0;
        for (int i = to; i < s.tokens.size(); i++) {
            if (s.token(i).isPunctuation()) {
                continue;
            }
            if (s.key(i).equals("that") || ++words > TRAILING_TAIL) {
                return false;
            }
        }
        return true;
    }

    /**
     * "the report, obtained by The Associated Press": the outlet that obtained, saw or reviewed a report is not who
     * makes its claims. A {@code recipient} cue ("obtained") up to three words before the "by" right before the source.
     */
    private static boolean receivesTheReport(SentenceView s, int sourceFrom) {
        int by = sourceFrom - 1;
        while (by >= 0 && (s.key(by).equals("the") || s.key(by).equals("a"))) {
            by--;
        }
        if (by < 0 || !s.key(by).equals("by")) {
            return false;
        }
        for (var cue : s.cues("recipient")) {
            if (cue.to() <= by && by - cue.to() <= 3) {
                return true;
            }
        }
        return false;
    }

    /**
     * "The panel obtained loading records from a Member State": the body that handed over material is where evidence
     * came from, not who makes the claims that follow. A {@code recipient} cue up to four words before the "from" right
     * before the source; not when a that-clause follows ("obtained information from a Member State that ..."), which
     * is that body's claim.
     */
    private static boolean handsOverRecords(SentenceView s, int sourceFrom, int sourceTo) {
        int from = sourceFrom - 1;
        while (from >= 0 && (s.key(from).equals("the") || s.key(from).equals("a"))) {
            from--;
        }
        if (from < 0 || !s.key(from).equals("from") || sourceTo < s.tokens.size() && s.key(sourceTo).equals("that")) {
            return false;
        }
        for (var cue : s.cues("recipient")) {
            if (cue.to() <= from && from - cue.to() <= 4) {
                return true;
            }
        }
        return false;
    }

    private static final String UNNAMED = " (unnamed)";

    /** Determiners that leave a body unnamed ("a think tank", "some analysts"); "the" points back instead. */
    private static final Set<String> INDEFINITE = Set.of("a", "an", "some", "several", "independent", "other");

    /**
     * An unnamed body ("a British security think tank", "experts") is named by its description, marked "(unnamed)"
     * (guideline 9); "the experts" points back instead, so a definite article makes it no new source.
     */
    private static String unnamedBody(SentenceView s, int from, int to) {
        int start = from;
        while (start > 0 && isDescriptor(s, start - 1)) {
            start--;
        }
        String before = start > 0 ? s.key(start - 1) : "";
        if (before.equals("the") || before.equals("'s") || before.equals("its") || before.equals("their")
                || before.equals("these") || before.equals("those") || before.equals("this")) {
            return null;
        }
        if (!INDEFINITE.contains(before) && from + 1 == to && !s.token(to - 1).lower().endsWith("s")) {
            return null; // a singular noun with no article ("think tank report") is no speaker
        }
        int next = s.key(to).equals("at") || s.key(to).equals("of") || s.key(to).equals("from") ? to + 1 : -1;
        if (next > 0 && s.key(next).equals("the")) {
            next++;
        }
        for (var src : s.sources) {
            if (src.from() == next && !src.value().unnamed()) {
                return null; // "analysts at the Open Source Centre" are that centre speaking
            }
        }
        String described = s.span(start, to);
        if (start == 0 && start == from) { // "Experts say ...": capitalised only because it opens the sentence
            described = Character.toLowerCase(described.charAt(0)) + described.substring(1);
        }
        return described + UNNAMED;
    }

    /** A state word or a capitalised adjective right before the body ("British", "Western", "South Korean"). */
    private static boolean isDescriptor(SentenceView s, int i) {
        for (var st : s.states) {
            if (i >= st.from() && i < st.to()) {
                return true;
            }
        }
        String text = s.token(i).text();
        return SOURCE_MODIFIERS.contains(s.key(i)) || !text.isEmpty() && Character.isUpperCase(text.charAt(0))
                && i > 0 && !s.token(i - 1).isPunctuation();
    }

    /** "according to" ends at most three words before token {@code i} ("according to a Reuters investigation"). */
    private static boolean afterAccordingTo(SentenceView s, int i) {
        for (var c : s.cues("speech")) {
            if (s.key(c.from()).equals("according") && c.to() <= i && i - c.to() <= 3) {
                return true;
            }
        }
        return false;
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

    /** A source phrase that starts at token {@code i} or one word later: the state before it only describes it. */
    private static boolean sourceRightAfter(SentenceView s, int i) {
        for (var src : s.sources) {
            if (src.from() == i || src.from() == i + 1) {
                return true;
            }
        }
        return false;
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
