package io.sanctionsmonitor.extract;

import io.sanctionsmonitor.model.Category;
import io.sanctionsmonitor.model.Certainty;
import io.sanctionsmonitor.model.Finding;
import io.sanctionsmonitor.model.ParsedReport;
import io.sanctionsmonitor.model.Quantity;
import io.sanctionsmonitor.text.Sentence;
import io.sanctionsmonitor.text.SentenceSegmenter;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.ListIterator;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Finds the findings an analyst would write down, sentence by sentence, with rules over the lexicon in
 * {@code /extract/}: item words give category and type; a transfer verb, prepositions and the verb's subject give the
 * direction; hedges, attribution verbs and the running source give certainty and {@code attributed_to}; numbers
 * before an item give its quantity; time expressions give the period. Items of one type in a sentence form one
 * finding; restatements in a document are merged. The lexicon is loaded once by the constructor; {@link #extract}
 * keeps no state between calls, so one instance is safe to share between threads.
 */
public final class RuleBasedFindingExtractor implements FindingExtractor {

    /** How far after an item its verb may stand ("containers ... were transferred"). */
    private static final int TRIGGER_AFTER = 10;

    /** Sentences in a paragraph from which on it is an essay's unit of thought, so its source ends with it. */
    private static final int ESSAY_PARAGRAPH = 4;

    /** Nouns that follow a system's name and are what is counted ("one of its Pantsir systems"). */
    private static final Set<String> UNIT_NOUNS = Set.of("system", "vehicle", "battery", "launcher", "complex", "unit");

    private final Lexicon lexicon;
    private final Tokenizer tokenizer = new Tokenizer();
    private final SentenceSegmenter segmenter = new SentenceSegmenter();
    private final QuantityReader quantities;
    private final ItemReader items;
    private final PeriodReader periods = new PeriodReader();
    private final DirectionResolver directions;
    private final FindingMerger merger;

    public RuleBasedFindingExtractor() {
        this.lexicon = new Lexicon();
        this.quantities = new QuantityReader(lexicon);
        this.items = new ItemReader();
        this.directions = new DirectionResolver(lexicon);
        this.merger = new FindingMerger(lexicon.groupedBySentence);
    }

    @Override
    public List<Finding> extract(ParsedReport report) {
        String text = report.text();
        if (text == null || text.isBlank()) {
            return List.of();
        }
        PeriodReader.Published published = PeriodReader.Published.parse(
                report.metadata() == null ? null : report.metadata().published())
                .covering(PeriodReader.coveredYear(report.metadata() == null ? null : report.metadata().title()));
        Attribution attribution = new Attribution(lexicon);
        attribution.issuedBy(issuingGovernment(text));
        List<Draft> drafts = new ArrayList<>();
        DocumentMemory memory = new DocumentMemory();
        int previousEnd = 0;
        int sentencesInParagraph = 0;
        int previousFrom = 0; // where the drafts of the sentence before, in this paragraph, begin
        boolean questionTurn = false; // a journalist's or interviewer's turn: its premises are nobody's claim
        for (Sentence sentence : segmenter.split(text)) {
            if (text.substring(previousEnd, sentence.start()).indexOf("\n\n") >= 0 || previousEnd == 0) {
                memory.previousSentence = null; // a new paragraph: dates said before no longer frame the claims
                previousFrom = drafts.size();
                attribution.newParagraph(sentencesInParagraph >= ESSAY_PARAGRAPH);
                questionTurn = QUESTION_LABEL.matcher(sentence.text()).lookingAt();
                if (ANSWER_LABEL.matcher(sentence.text()).lookingAt()) {
                    attribution.answerTurn(); // "A: ..." in an interview: the interviewee speaks
                } else if (SPEAKER_LABEL.matcher(sentence.text()).lookingAt()
                        || QUESTION_LABEL.matcher(sentence.text()).lookingAt()) {
                    attribution.newSpeaker(); // "MINISTER: ..." in a transcript: a new turn speaks for itself
                }
                sentencesInParagraph = 0;
            }
            sentencesInParagraph++;
            previousEnd = sentence.end();
            List<Token> tokens = tokenizer.tokenize(sentence.text());
            if (tokens.isEmpty()) {
                continue;
            }
            SentenceView s = new SentenceView(sentence.text(), sentence.start(), tokens, lexicon);
            Attribution.Basis basis = attribution.read(s);
            if (s.hasCue("skip-sentence") || isHeadline(sentence.text(), tokens) || isQuestion(sentence.text())
                    || questionTurn) {
                previousFrom = drafts.size();
                continue;
            }
            if (opensWithAsSourceSaid(s) && !basis.sources().isEmpty()) {
                creditUnsourcedClaims(drafts, previousFrom, basis.sources());
            }
            List<Draft> found = findingsOf(s, sentence, basis, published, memory);
            previousFrom = drafts.size();
            drafts.addAll(found);
            memory.previousSentence = sentence.text();
            memory.previousHadFindings = !found.isEmpty();
            memory.remember(sentence.text());
        }
        return merger.merge(drafts);
    }

    /**
     * "As the panel noted in its report, ...": a sentence that opens by naming a source with "as" vouches for what the
     * sentence before it just said, so that sentence's claims without a source of their own get it too.
     */
    private static boolean opensWithAsSourceSaid(SentenceView s) {
        if (!s.key(0).equals("as")) {
            return false;
        }
        int comma = 0;
        while (comma < s.tokens.size() && !s.key(comma).equals(",")) {
            comma++;
        }
        boolean source = false;
        for (var src : s.sources) {
            source |= src.from() <= 2 && src.to() <= comma;
        }
        boolean said = false;
        for (var c : s.cues("speech")) {
            said |= c.to() <= comma;
        }
        return source && said;
    }

    private static void creditUnsourcedClaims(List<Draft> drafts, int from, List<String> sources) {
        for (int i = from; i < drafts.size(); i++) {
            Draft d = drafts.get(i);
            if (!d.sources().isEmpty() || d.namedSource()) {
                continue;
            }
            List<String> why = new ArrayList<>(d.why());
            why.add("source:" + String.join("+", sources) + " (named by \"As ...\" in the next sentence)");
            drafts.set(i, new Draft(d.category(), d.type(), d.itemType(), d.from(), d.to(), d.items(), d.quantity(),
                    d.lowerBound(), d.period(), sources, true, d.certainty(), d.sentence(), List.copyOf(why)));
        }
    }

    /** What a reader remembers from earlier sentences: the other party of the last transfer, the kind of loot. */
    private static final class DocumentMemory {
        String partner;
        String loot;
        /** The sentence before, in the same paragraph: its date frames claims that state none of their own. */
        String previousSentence;
        /** Whether the sentence before made claims: then its date is theirs, not the next sentence's. */
        boolean previousHadFindings;
        /** The last sentences read, across paragraphs, newest last: where "of them" may find its group. */
        final ArrayDeque<String> recent = new ArrayDeque<>();

        void remember(String sentence) {
            recent.addLast(sentence);
            if (recent.size() > REFERS_BACK_REACH) {
                recent.removeFirst();
            }
        }
    }

    /** How many sentences back "of them" may look for the date of its group. */
    private static final int REFERS_BACK_REACH = 3;

    private List<Draft> findingsOf(SentenceView s, Sentence sentence, Attribution.Basis basis,
                                   PeriodReader.Published published, DocumentMemory memory) {
        List<ItemHit> hits = items.itemsOf(s);
        implicitLoot(s, hits, memory);
        workplaces(s, hits);
        procuredTechnology(s, hits);
        if (hits.isEmpty()) {
            return List.of();
        }
        boolean otherItems = hits.stream().anyMatch(h -> !h.entry().has("people") && !h.entry().has("generic"));
        hits.removeIf(h -> h.entry().has("people") && otherItems);
        Map<String, List<ItemHit>> groups = groupsOf(s, hits, memory.loot != null);
        Direction main = null;
        List<PeriodReader.Period> found = periods.find(s.text, published);
        List<Draft> out = new ArrayList<>();
        for (List<ItemHit> group : groups.values()) {
            ItemHit first = group.get(0);
            SentenceView.Mention<Lexicon.Cue> trigger = null;
            for (ItemHit h : group) { // a list's last member may stand nearest its verb
                if ((trigger = governingTrigger(s, h)) != null) {
                    break;
                }
            }
            boolean activity = group.stream().anyMatch(h -> h.entry().has("activity"));
            if (trigger != null && s.cueAt(trigger.from(), "helper") != null
                    && first.category() != Category.MILITARY_TECHNOLOGY) {
                // a verb of help moves know-how only: "a bank helping Russia dodge sanctions", "engineers have been
                // helping" (the engineers help, they are not sent)
                trigger = null;
            }
            if (recipientSubject(first, trigger) && groups.size() > 1) {
                continue; // "North Korean engineers received training": the engineers receive, they do not move
            }
            if (trigger == null && !activity) {
                continue;
            }
            boolean held = trigger != null && trigger.value().value().equals("hold");
            if (held && first.entry().maker() == null) {
                continue; // "already had artillery": holding says nothing about where it came from
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
            if (held && (!first.entry().maker().equals(direction.from()) || direction.to() == null
                    || direction.to().equals(direction.from()))) {
                continue; // a system held by its maker, or by a holder the text does not name, moved nowhere known
            }
            why.add("direction:" + (direction.from() == null ? "?" : direction.from()) + "→"
                    + (direction.to() == null ? "?" : direction.to()) + " by " + direction.rule());
            Certainty certainty = certaintyOf(s, basis.certainty(), first, trigger, why);
            if (first.reversed() && certainty == Certainty.CONFIRMED) {
                // "confirms that X was sent in return for Y": what was confirmed is X; the exchange Y is only reported
                certainty = Certainty.REPORTED;
                why.add("certainty:reported (the exchange after a reverse cue is not what was confirmed)");
            }
            QuantityReader.Count count = countOf(s, group);
            Quantity quantity = count == null ? null : count.quantity();
            boolean lowerBound = count != null && count.lowerBound();
            if (quantity == null && lexicon.countedInHeads.contains(first.category())
                    && (count = quantities.headCount(s.tokens)) != null) {
                quantity = count.quantity();
                lowerBound = count.lowerBound();
                why.add("quantity-rule:head count apart from the item");
            }
            if (quantity == null && (count = quantities.occasions(s.tokens)) != null) {
                quantity = count.quantity();
                lowerBound = count.lowerBound();
                why.add("quantity-rule:occasions apart from the item");
            }
            if (quantity == null && lexicon.countedInMoney.contains(first.category())) {
                quantity = quantities.money(s.tokens);
            }
            if (quantity != null) {
                why.add("quantity:" + fmt(quantity.value()) + " " + quantity.unit());
            }
            String period = nearestPeriod(finerThanTheirYear(claimPeriods(s, found, first, trigger, why)),
                    s.token(first.from()).start());
            if (period != null) {
                why.add("period:" + period);
            } else if (refersBack(s, first.from()) && (period = groupPeriod(memory, published)) != null) {
                why.add("period:" + period + " (date of the group referred back to)");
            } else if (!opensNewFrame(s) && !memory.previousHadFindings
                    && (period = previousPeriod(memory, published)) != null) {
                why.add("period:" + period + " (stated in the sentence before)");
            }
            Set<String> items = new LinkedHashSet<>();
            for (ItemHit h : group) {
                items.addAll(h.names());
            }
            String draftType = lexicon.groupedBySentence.contains(first.category()) ? "*" : first.type();
            if (launderingOfLoot(s, first, trigger)) {
                // "the stolen Ether was swapped ...": loot of a theft told before, moved on: laundering, its own claim
                draftType = "laundering";
                items.add("laundering");
                why.add("laundering:" + s.span(trigger.from(), first.to()) + " (loot of a theft named before)");
            }
            out.add(new Draft(first.category(), draftType, first.type(), direction.from(), direction.to(), List.copyOf(items),
                    quantity, lowerBound, period, basis.sources(), basis.named(), certainty, sentence, why));
        }
        return out;
    }

    /**
     * Technology in general ("procured technology for its missile programme") bought by a procurement verb is
     * WMD-related procurement, OTHER_SANCTIONS_EVASION (guideline 7), not know-how handed over; named data
     * ("procured drawings of a cruise missile") stays MILITARY_TECHNOLOGY.
     */
    private static void procuredTechnology(SentenceView s, List<ItemHit> hits) {
        for (ListIterator<ItemHit> it = hits.listIterator(); it.hasNext(); ) {
            ItemHit h = it.next();
            if (!h.entry().has("procurable")) {
                continue;
            }
            var trigger = governingTrigger(s, h);
            boolean procured = trigger != null && s.cues("procurement").stream()
                    .anyMatch(c -> c.from() == trigger.from() && c.to() == trigger.to());
            if (procured) {
                it.set(new ItemHit(h.from(), h.to(), h.entry(), Category.OTHER_SANCTIONS_EVASION, "procurement",
                        h.names(), h.reversed(), "procured by " + s.span(trigger.from(), trigger.to())));
            }
        }
    }

    /**
     * A workplace ("clothing factories", "construction projects") governed by a labour verb ("working on", "assigned
     * to") says where workers sent abroad work: an OVERSEAS_LABOR item of workers. A workplace of labour alone, with no
     * such verb, is no item; one with a category of its own (a construction project undertaken) keeps it.
     */
    private static void workplaces(SentenceView s, List<ItemHit> hits) {
        // "North Korean laborers had been working at seafood plants": the workers are named, the workplace says where
        boolean workersNamed = hits.stream().anyMatch(h -> h.category() == Category.OVERSEAS_LABOR
                && !h.entry().has("workplace") && !h.entry().has("method"));
        for (ListIterator<ItemHit> it = hits.listIterator(); it.hasNext(); ) {
            ItemHit h = it.next();
            if (!h.entry().has("workplace")) {
                continue;
            }
            var trigger = governingTrigger(s, h);
            boolean labour = trigger != null && s.cues("labour").stream()
                    .anyMatch(c -> c.from() == trigger.from() && c.to() == trigger.to());
            if (labour) {
                String place = h.entry().phrase(); // the lexicon's singular: "clothing factory"
                // its own type: where workers work is another claim than how many were sent, so no restatement of it;
                // beside the workers it places, it is how they work (a method) and joins their finding
                Lexicon.Item entry = h.entry();
                if (workersNamed) {
                    Set<String> flags = new HashSet<>(entry.flags());
                    flags.add("method");
                    entry = new Lexicon.Item(entry.phrase(), entry.category(), entry.type(), Set.copyOf(flags));
                }
                it.set(new ItemHit(h.from(), h.to(), entry, Category.OVERSEAS_LABOR, "workers at workplaces",
                        List.of(place + " workers"), h.reversed(), "workplace of " + s.span(trigger.from(), trigger.to())));
            } else if (h.category() == Category.OVERSEAS_LABOR) {
                it.remove();
            }
        }
    }

    /**
     * Items of one type in one sentence form one finding (guideline 2), except in another clause or with a count of
     * their own; generic items and containers without military goods form none; money beside a theft is its loot.
     */
    private Map<String, List<ItemHit>> groupsOf(SentenceView s, List<ItemHit> hits, boolean theftToldBefore) {
        boolean militaryGoods = false;
        for (ItemHit h : hits) {
            boolean military = h.category() == Category.ARMS_TRANSFER || h.category() == Category.MUNITIONS_TRANSFER;
            if (military && !h.entry().has("container") || h.entry().has("container") && h.rule().contains("load")) {
                militaryGoods = true;
            }
        }
        // money in a sentence about a theft is the loot of that theft
        boolean theft = hits.stream().anyMatch(h -> h.category() == Category.CYBER_THEFT)
                || s.cues("trigger").stream().anyMatch(c -> c.value().value().equals("theft")
                        && (theftToldBefore || !launders(s, c)));
        Map<String, List<ItemHit>> groups = new LinkedHashMap<>();
        Map<String, ItemHit> lastOfGroup = new LinkedHashMap<>();
        int clause = 0;
        ItemHit previousHit = null;
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
            ItemHit adjacent = previousHit == null || previousHit.to() != h.from()
                    || previousHit.category() != h.category() ? null : previousHit;
            previousHit = h;
            if (adjacent != null && !scheme) {
                // a model and its type in one noun phrase ("Pantsir air defence systems") are one item type
                String adjacentKey = adjacent.category() + "|" + adjacent.type() + "|" + adjacent.reversed();
                for (var e : groups.entrySet()) {
                    if (e.getValue().contains(adjacent)) {
                        e.getValue().add(h);
                        break;
                    }
                }
                lastOfGroup.put(adjacentKey, h);
                continue;
            }
            ItemHit previous = lastOfGroup.get(key);
            // workplaces in one sentence ("most work on building sites, others in factories") share out one workforce
            boolean workplaces = previous != null && previous.rule().startsWith("workplace") && h.rule().startsWith("workplace");
            boolean newClaim = !workplaces && ItemReader.triggerBetween(s, previous == null ? 0 : previous.to(), h.from())
                    || ownCount(s, h) && previous != null && ownCount(s, previous);
            if (previous != null && !scheme && newClaim) {
                clause++; // the same kind of item in another clause is another claim
            }
            lastOfGroup.put(key, h);
            groups.computeIfAbsent(key + "|" + (previous == null ? 0 : clause), k -> new ArrayList<>()).add(h);
        }
        attachMethods(groups);
        return groups;
    }

    /**
     * A method item ("ship-to-ship transfers") names how goods moved: with other goods in the sentence it joins the
     * finding of the nearest of them ("coal exported through ship-to-ship transfers" is one coal finding).
     */
    private static void attachMethods(Map<String, List<ItemHit>> groups) {
        List<String> methodOnly = new ArrayList<>();
        for (var e : groups.entrySet()) {
            if (e.getValue().stream().allMatch(h -> h.entry().has("method"))) {
                methodOnly.add(e.getKey());
            }
        }
        if (methodOnly.isEmpty() || methodOnly.size() == groups.size()) {
            return;
        }
        for (String key : methodOnly) {
            List<ItemHit> methods = groups.remove(key);
            int at = methods.get(0).from();
            List<ItemHit> nearest = null;
            int best = Integer.MAX_VALUE;
            for (List<ItemHit> g : groups.values()) {
                if (g.stream().anyMatch(h -> h.entry().has("method"))) {
                    continue;
                }
                for (ItemHit h : g) {
                    int d = Math.abs(h.from() - at);
                    if (d < best) {
                        best = d;
                        nearest = g;
                    }
                }
            }
            if (nearest == null) {
                groups.put(key, methods);
            } else {
                String joined = nearest.get(0).category().name();
                for (ItemHit m : methods) {
                    nearest.add(new ItemHit(m.from(), m.to(), m.entry(), m.category(), m.type(), m.names(),
                            m.reversed(), "method, joins " + joined));
                }
            }
        }
    }

    /**
     * "the stolen Ether had been swapped for Bitcoin": loot named by the participle "stolen" right before it (the
     * theft is told elsewhere) with another transfer or theft verb in the sentence is that loot being laundered.
     */
    private static boolean launderingOfLoot(SentenceView s, ItemHit first, SentenceView.Mention<Lexicon.Cue> trigger) {
        if (first.category() != Category.CYBER_THEFT || trigger == null || !s.key(trigger.from()).equals("stolen")
                || trigger.to() != first.from() || !s.key(trigger.from() - 1).equals("the")) {
            return false;
        }
        return s.triggerWithin(first.to(), s.tokens.size());
    }

    /** The basis certainty lowered by hedges that reach the item: before it in its clause, or in its verb group. */
    private static Certainty certaintyOf(SentenceView s, Certainty basis, ItemHit first,
                                         SentenceView.Mention<Lexicon.Cue> trigger, List<String> why) {
        Certainty certainty = basis;
        for (var cue : s.cues("hedge")) {
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
        return certainty;
    }

    /** People right before a receive verb are its subject: they get something. */
    private static boolean recipientSubject(ItemHit item, SentenceView.Mention<Lexicon.Cue> trigger) {
        boolean people = item.category() == Category.MILITARY_PERSONNEL || item.category() == Category.OVERSEAS_LABOR;
        return people && trigger != null && trigger.value().value().equals("receive") && trigger.from() >= item.to()
                && trigger.from() - item.to() <= 2;
    }

    /** The first count stated for an item of the group; a method's count ("two plants") counts no goods or people. */
    private QuantityReader.Count countOf(SentenceView s, List<ItemHit> group) {
        for (ItemHit h : group) {
            if (h.rule().startsWith("method") && group.size() > 1) {
                continue;
            }
            if (h != group.get(0) && placeOfTheFirst(s, h)) {
                continue; // "accounts at two Chinese banks": the banks hold the accounts, two counts no accounts
            }
            QuantityReader.Count count = quantities.countBefore(s.tokens, h.from(), s.stateToken, unitOf(s, h, group));
            if (count != null) {
                return count;
            }
        }
        return null;
    }

    /** Whether a later item of a group is where the first is held: "at"/"with" a few words before it. */
    private static boolean placeOfTheFirst(SentenceView s, ItemHit h) {
        for (int i = h.from() - 1; i >= Math.max(0, h.from() - PLACE_REACH); i--) {
            String k = s.key(i);
            if (k.equals("at") || k.equals("with")) {
                return true;
            }
            if (!s.token(i).isWord() || k.equals("and") || k.equals("or")) {
                return false;
            }
        }
        return false;
    }

    private static final int PLACE_REACH = 4;

    /** Relative or appositive clauses after the item: ", a region seized last year", ", which ...". */
    private static final Pattern SIDE_CLAUSE = Pattern.compile(
            ",\\s+(?:a|an|which|who|whose|where)\\s");

    /**
     * The dates of the sentence that can date this claim: not a date that dates the statement about a repeated or
     * coming transfer ("In 2019, an official noted that the port had been repeatedly used ..."), nor one inside a
     * relative or appositive clause after the item (", a region seized last year").
     */
    private static List<PeriodReader.Period> claimPeriods(SentenceView s, List<PeriodReader.Period> found, ItemHit first,
                                                          SentenceView.Mention<Lexicon.Cue> trigger, List<String> why) {
        if (found.isEmpty()) {
            return found;
        }
        int itemStart = s.token(first.from()).start();
        int claimEnd = s.token(Math.max(first.to(), trigger == null ? 0 : trigger.to()) - 1).end();
        List<PeriodReader.Period> kept = new ArrayList<>();
        for (var p : found) {
            if (p.end() <= itemStart && datesTheStatement(s, p, itemStart)) {
                why.add("period-skipped:" + p.expression() + " (dates the statement)");
                continue;
            }
            if (p.start() >= claimEnd && SIDE_CLAUSE.matcher(s.text.substring(claimEnd, p.start())).find()) {
                why.add("period-skipped:" + p.expression() + " (in a side clause)");
                continue;
            }
            kept.add(p);
        }
        return kept;
    }

    /**
     * "In February, hackers stole ..., the largest theft this year": a year the sentence also names a month or day of
     * is the frame of that finer date, not another date of the claim, so the finer one stands for it.
     */
    private static List<PeriodReader.Period> finerThanTheirYear(List<PeriodReader.Period> found) {
        if (found.size() < 2) {
            return found;
        }
        List<PeriodReader.Period> kept = new ArrayList<>(found);
        kept.removeIf(p -> p.value().length() == 4
                && found.stream().anyMatch(q -> q != p && q.value().length() > 4 && q.value().startsWith(p.value() + "-")));
        return kept;
    }

    /**
     * A speech verb (not "according to") between a date and the item, and the claim is repeated or still to come
     * (an {@code unpinned} cue after the verb: "had been repeatedly used", "would be sent"): the date says when it
     * was said, not when it happened. A single past event ("media reported in May that X had decided") keeps the date.
     */
    private static boolean datesTheStatement(SentenceView s, PeriodReader.Period p, int itemStart) {
        for (var c : s.cues("speech")) {
            int at = s.token(c.from()).start();
            if (at >= p.end() && at < itemStart && !s.key(c.from()).equals("according")) {
                for (var u : s.cues("unpinned")) {
                    if (u.from() >= c.to()) {
                        return true;
                    }
                }
            }
        }
        return false;
    }

    /** Quantifiers before "of them" that count out of a group ("8,000 of them", "most of these"). */
    private static final Set<String> PART_OF = Set.of("one", "some", "most", "many", "half", "all", "few", "several",
            "each", "none", "two", "three");

    /**
     * "Nearly 8,000 of them", "Among these, ...": the claim is about a group named before. The cue must count out of
     * the group (a number or quantifier before it) or open a clause, so "violations of these sanctions" is none, and
     * stand before the item: in "restaurants in China, some of them run by partners" they are the restaurants. A
     * transfer noun after a clause-opening "the" points back too (", the shipments also included rockets").
     */
    private static boolean refersBack(SentenceView s, int itemFrom) {
        for (var c : s.cues("refers-back")) {
            if (c.from() > itemFrom) {
                continue;
            }
            if (c.value().value().equals("definite")) {
                // ", the shipments also included ...": the transfers told before
                int the = c.from() - 1;
                if (s.key(the).equals("the") && (the == 0 || s.key(the - 1).equals(","))) {
                    return true;
                }
                continue;
            }
            String before = s.key(c.from() - 1);
            boolean opensClause = c.from() == 0 || before.equals(",");
            boolean counted = PART_OF.contains(before) || !before.isEmpty() && Character.isDigit(before.charAt(0));
            if (opensClause || counted) {
                return true;
            }
        }
        return false;
    }

    /** The last date of the latest recent sentence that states one, for a claim about "them" or "these". */
    private String groupPeriod(DocumentMemory memory, PeriodReader.Published published) {
        var it = memory.recent.descendingIterator();
        while (it.hasNext()) {
            List<PeriodReader.Period> found = periods.find(it.next(), published);
            if (!found.isEmpty()) {
                return found.get(found.size() - 1).value();
            }
        }
        return null;
    }

    /** The last date of the sentence before, read only when a claim needs it. */
    private String previousPeriod(DocumentMemory memory, PeriodReader.Published published) {
        if (memory.previousSentence == null) {
            return null;
        }
        List<PeriodReader.Period> found = periods.find(memory.previousSentence, published);
        return found.isEmpty() ? null : found.get(found.size() - 1).value();
    }

    /**
     * A sentence that opens with a discourse marker of another time or another exchange ("More recently", "In
     * return", "Separately") is not framed by the date of the sentence before.
     */
    private static boolean opensNewFrame(SentenceView s) {
        for (var c : s.cues("new-frame")) {
            if (c.from() <= 1) {
                return true;
            }
        }
        return false;
    }

    /** Items with a number each ("3 million X and 500,000 Y") are separate claims. */
    private boolean ownCount(SentenceView s, ItemHit h) {
        return quantities.countBefore(s.tokens, h.from(), s.stateToken, "") != null;
    }

    /**
     * A new attribution between a hedge and the item starts a clause the hedge does not reach; a hedge right before
     * the attribution verb ("likely indicates") hedges that verb and so still reaches the item.
     */
    private static boolean speechBetween(SentenceView s, int from, int to) {
        return s.speechWithin(from + 1, to);
    }

    private static boolean punctuationBetween(SentenceView s, int from, int to) {
        for (int i = from; i < to; i++) {
            if (s.token(i).isPunctuation()) {
                return true;
            }
        }
        return false;
    }

    /**
     * Whether a theft verb only launders (a `launder` cue: "laundering payments through front companies"): laundering
     * is a theft's only once the document has told a theft; before that, the money laundered is no loot.
     */
    private static boolean launders(SentenceView s, SentenceView.Mention<Lexicon.Cue> trigger) {
        return s.cues("launder").stream().anyMatch(l -> l.from() <= trigger.from() && trigger.to() <= l.to());
    }

    /** A theft verb with no loot word ("stole $1 billion") steals what the document last named as loot. */
    private void implicitLoot(SentenceView s, List<ItemHit> hits, DocumentMemory memory) {
        for (ItemHit h : hits) {
            if (h.category() == Category.CYBER_THEFT) {
                memory.loot = h.names().get(0);
                return;
            }
        }
        for (var c : s.cues("trigger")) {
            if (c.value().value().equals("theft") && !ItemReader.excluded(s, c.from())
                    && quantities.money(s.tokens) != null && (memory.loot != null || !launders(s, c))) {
                String loot = memory.loot == null ? "funds" : memory.loot;
                Lexicon.Item entry = new Lexicon.Item(loot, Category.CYBER_THEFT, "theft", Set.of("activity"));
                hits.add(new ItemHit(c.from(), c.to(), entry, Category.CYBER_THEFT, "theft", List.of(loot), false,
                        "implicit-loot"));
                return;
            }
        }
    }

    /** The transfer verb nearest before the item, else the nearest after it. */
    private static SentenceView.Mention<Lexicon.Cue> governingTrigger(SentenceView s, ItemHit hit) {
        SentenceView.Mention<Lexicon.Cue> before = null;
        SentenceView.Mention<Lexicon.Cue> inside = null;
        SentenceView.Mention<Lexicon.Cue> after = null;
        for (var c : s.cues("trigger")) {
            if (c.from() >= hit.from() && c.to() <= hit.to()) {
                if (inside == null) {
                    inside = c; // the item names its own transfer: "ship-to-ship transfers", "oil shipments"
                }
            } else if (c.to() <= hit.from()) {
                before = c;
            } else if (after == null && c.from() >= hit.to() && c.from() - hit.to() <= TRIGGER_AFTER) {
                after = c;
            }
        }
        return before != null ? before : inside != null ? inside : after;
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

    /** The counted noun: the type noun after a model, or the item with a following "systems" ("Pantsir systems"). */
    private static String unitOf(SentenceView s, ItemHit h, List<ItemHit> group) {
        if (h.entry().has("container")) {
            return "containers";
        }
        for (ItemHit head : group) {
            if (head.from() == h.to()) {
                return unitOf(s, head, group); // "two Pantsir air defence systems" counts the systems
            }
        }
        String name = h.names().get(0);
        String next = s.key(h.to());
        return UNIT_NOUNS.contains(next) ? name + " " + s.token(h.to()).text() : name;
    }

    /**
     * The government that issues the document: a heading line near the top (no closing full stop) that names a
     * government body and a state ("MINISTRY OF FOREIGN AFFAIRS, REPUBLIC OF KOREA"). Null when there is none.
     */
    private String issuingGovernment(String text) {
        int lines = 0;
        for (String line : text.split("\n")) {
            String l = line.strip();
            if (l.isEmpty()) {
                continue;
            }
            if (++lines > HEADING_LINES) {
                break;
            }
            String lower = l.toLowerCase(Locale.ROOT);
            if (l.endsWith(".") || !GOVERNMENT_HEADING.matcher(lower).find()) {
                continue;
            }
            List<Token> tokens = tokenizer.tokenize(l);
            SentenceView s = new SentenceView(l, 0, tokens, lexicon);
            if (!s.states.isEmpty()) {
                return lexicon.stateName(s.states.get(0).value().code());
            }
        }
        return null;
    }

    private static final int HEADING_LINES = 4;
    private static final Pattern GOVERNMENT_HEADING =
            Pattern.compile("\\b(?:ministry|government|department|embassy|mission) of\\b");

    /** A question asks, it claims nothing: "Has the Government confirmed reports that Russia supplied ...?" */
    private static boolean isQuestion(String sentence) {
        String t = sentence.strip();
        while (!t.isEmpty() && "\"”’)".indexOf(t.charAt(t.length() - 1)) >= 0) {
            t = t.substring(0, t.length() - 1);
        }
        return t.endsWith("?");
    }

    /** A transcript's speaker label opening a paragraph: "MINISTER:", "MS HARTLEY:", "CHAIR:". */
    private static final Pattern SPEAKER_LABEL =
            Pattern.compile("[A-Z][A-Z.'\\- ]{1,40}:\\s");

    /**
     * A question's label opening a paragraph: "Q:" in an interview, "QUESTION (Reuters):" in a press briefing. What the
     * asker states before asking ("Some analysts say ...") is the premise of a question, not a claim of the document.
     */
    private static final Pattern QUESTION_LABEL = Pattern.compile("(?:Q|QUESTION(?: \\([^)\\n]{1,60}\\))?):\\s");
    private static final Pattern ANSWER_LABEL = Pattern.compile("A:\\s");

    /** A line with no closing punctuation and few words is a heading or teaser, not a statement. */
    private static boolean isHeadline(String sentence, List<Token> tokens) {
        String t = sentence.strip();
        char last = t.charAt(t.length() - 1);
        boolean closed = last == '.' || last == '!' || last == '?' || last == '"' || last == '”' || last == '’'
                || last == ']' || last == ')' || last == '…';
        return !closed && tokens.size() < 25;
    }

    private static String fmt(double v) {
        return v == Math.rint(v) ? String.valueOf((long) v) : String.valueOf(v);
    }
}
