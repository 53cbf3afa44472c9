package io.sanctionsmonitor.extract;

import io.sanctionsmonitor.model.Quantity;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Reads the number stated for an item: digits or number words before the item's noun phrase
 * ("more than 100", "some nine million", "over ten thousand", "at least one of its", "3 million 152-millimeter"),
 * a range's lower bound ("1,000 to 1,500"), a head count apart from the item ("900 of them"), and money in USD
 * ("$3.6 billion"). Vague counts ("several million",
 * "hundreds") give no quantity (guideline 11). Stateless apart from the lexicon; thread-safe.
 */
final class QuantityReader {

    /** Words that may stand between a number and the item it counts. */
    private static final Set<String> BRIDGE = Set.of("of", "its", "their", "his", "her", "the", "new", "additional",
            "more", "other", "modern", "advanced", "old", "older", "them", "these", "those", "such", "type", "class",
            "armoured", "armored", "bulletproof", "used", "refurbished", "young", "trained", "skilled");
    private static final Set<String> RANGE = Set.of("to", "-", "and", "–", "—");
    private static final int MAX_GAP = 4;

    private final Lexicon lexicon;

    QuantityReader(Lexicon lexicon) {
        this.lexicon = lexicon;
    }

    /** A count and whether the text gives it as a floor ("more than", "over", "at least"). */
    record Count(Quantity quantity, boolean lowerBound) {}

    private static final Set<String> FLOOR = Set.of("over", "than", "least", "above", "exceeding", "upwards", "minimum");

    /** The count before the item at tokens [itemFrom, ...), or null. {@code stateTokens[i]} marks state words. */
    Count countBefore(List<Token> tokens, int itemFrom, boolean[] stateTokens, String unit) {
        int j = itemFrom - 1;
        int gap = 0;
        String measure = null;
        while (j >= 0 && gap <= MAX_GAP) {
            Token t = tokens.get(j);
            Lexicon.NumberWord nw = lexicon.numbers.get(t.lower());
            if (nw != null && nw.kind().equals("measure")) {
                measure = t.text();
                j--;
                gap++;
                continue;
            }
            if (isNumberWord(t) || isDigits(t.text())) {
                break;
            }
            if (t.isPunctuation() && !t.text().equals("-") && !t.text().equals("“") && !t.text().equals("”")) {
                return null;
            }
            boolean name = Character.isUpperCase(t.text().charAt(0)) || t.text().indexOf('-') > 0;
            if (!(stateTokens[j] || name || BRIDGE.contains(t.key()) || isCalibre(t.text()) || t.text().equals("'s")
                    || t.text().equals("-") || t.text().equals("“") || t.text().equals("”"))) {
                return null;
            }
            j--;
            gap++;
        }
        if (j < 0 || gap > MAX_GAP) {
            return null;
        }
        int end = j + 1;
        int start = end;
        while (start > 0 && (isNumberWord(tokens.get(start - 1)) || isDigits(tokens.get(start - 1).text()))) {
            start--;
        }
        Double value = value(tokens.subList(start, end));
        if (value == null || isYear(tokens, start, end)) {
            return null;
        }
        // a range gives its lower bound: "1,000 to 1,500", "10,000-12,000"
        if (start >= 2 && RANGE.contains(tokens.get(start - 1).key())) {
            int rEnd = start - 1;
            int rStart = rEnd;
            while (rStart > 0 && (isNumberWord(tokens.get(rStart - 1)) || isDigits(tokens.get(rStart - 1).text()))) {
                rStart--;
            }
            if (rStart < rEnd) {
                Double lower = value(tokens.subList(rStart, rEnd));
                if (lower != null && lower < value) {
                    value = lower;
                }
            }
        }
        boolean money = start > 0 && tokens.get(start - 1).text().equals("$");
        int before = money ? start - 1 : start;
        boolean floor = before > 0 && FLOOR.contains(tokens.get(before - 1).key());
        return new Count(new Quantity(value, money ? "USD" : measure != null ? measure : unit), floor);
    }

    /** After a number, these words say it counts a group named before ("8,000 of them"). */
    private static final Set<String> GROUP = Set.of("them", "these", "those");

    /**
     * A head count stated apart from the item: a number before "of them/these/those" ("nearly 900 of them entered on
     * tourist visas") or before a `headcount` noun of numbers.tsv ("1,200 individuals listed study as their purpose").
     * The unit is that noun, or "people" for a group. Null when the sentence states none.
     */
    Count headCount(List<Token> tokens) {
        return countBefore(tokens, "headcount");
    }

    /**
     * How many times a transfer happened, stated apart from the item: a number before an `occasions` noun of
     * numbers.tsv ("tankers were received on at least nine occasions"). Null when the sentence states none.
     */
    Count occasions(List<Token> tokens) {
        return countBefore(tokens, "occasions");
    }

    private Count countBefore(List<Token> tokens, String kind) {
        boolean heads = kind.equals("headcount");
        for (int i = 0; i < tokens.size(); i++) {
            if (!isDigits(tokens.get(i).text()) && !isNumberWord(tokens.get(i))) {
                continue;
            }
            int start = i;
            int end = i;
            while (end < tokens.size() && (isDigits(tokens.get(end).text()) || isNumberWord(tokens.get(end)))) {
                end++;
            }
            i = end - 1;
            if (end >= tokens.size()) {
                break;
            }
            String next = tokens.get(end).lower();
            boolean group = heads && next.equals("of") && end + 1 < tokens.size() && GROUP.contains(tokens.get(end + 1).lower());
            boolean people = kind.equals(kindOf(next));
            if (!group && !people) {
                continue;
            }
            Double value = value(tokens.subList(start, end));
            if (value == null || isYear(tokens, start, end)) {
                continue;
            }
            boolean floor = start > 0 && FLOOR.contains(tokens.get(start - 1).key());
            return new Count(new Quantity(value, group ? "people" : tokens.get(end).text()), floor);
        }
        return null;
    }

    /** The first amount of money in the sentence ("$9 million", "2 billion dollars"), in USD, or null. */
    Quantity money(List<Token> tokens) {
        for (int i = 0; i < tokens.size(); i++) {
            Token t = tokens.get(i);
            boolean dollarSign = t.text().equals("$") || t.text().equals("US$");
            int from = dollarSign ? i + 1 : i;
            int to = from;
            while (to < tokens.size() && (isDigits(tokens.get(to).text())
                    || (to > from && isNumberWord(tokens.get(to))))) {
                to++;
            }
            if (to == from || !isDigits(tokens.get(from).text())) {
                continue;
            }
            boolean dollarWord = to < tokens.size() && (tokens.get(to).key().equals("dollar")
                    || tokens.get(to).key().equals("usd"));
            if (dollarSign || dollarWord) {
                Double v = value(tokens.subList(from, to));
                if (v != null) {
                    return new Quantity(v, "USD");
                }
            }
        }
        return null;
    }

    /** "in 2024 troops were ...": a year after a time preposition is a date, not a count. */
    private static boolean isYear(List<Token> tokens, int start, int end) {
        String t = tokens.get(start).text();
        boolean yearLike = end - start == 1 && t.length() == 4 && (t.startsWith("19") || t.startsWith("20"));
        String prev = start > 0 ? tokens.get(start - 1).key() : "";
        return yearLike && Set.of("in", "since", "by", "during", "until", "of", "from", "early", "late", "mid").contains(prev);
    }

    private boolean isNumberWord(Token t) {
        String w = t.lower();
        Lexicon.NumberWord known = lexicon.numbers.get(w);
        if (known != null) {
            return !known.kind().equals("measure") && !known.kind().equals("headcount")
                    && !known.kind().equals("occasions");
        }
        int dash = w.indexOf('-');
        return dash > 0 && lexicon.numbers.containsKey(w.substring(0, dash))
                && lexicon.numbers.containsKey(w.substring(dash + 1));
    }

    private static boolean isDigits(String s) {
        if (s.isEmpty() || !Character.isDigit(s.charAt(0))) {
            return false;
        }
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (!Character.isDigit(c) && c != ',' && c != '.') {
                return false;
            }
        }
        return true;
    }

    /** "152-millimeter", "122mm": a calibre describes the item, it does not count it. */
    private static boolean isCalibre(String s) {
        return !s.isEmpty() && Character.isDigit(s.charAt(0)) && !isDigits(s);
    }

    /** The value of a run of number tokens, or null when it is vague or not a number. */
    private Double value(List<Token> run) {
        double total = 0;
        double current = 0;
        boolean any = false;
        for (int k = 0; k < run.size(); k++) {
            String w = run.get(k).lower();
            if (isDigits(w)) {
                current += Double.parseDouble(w.replace(",", ""));
                any = true;
                continue;
            }
            for (String part : w.split("-")) {
                Lexicon.NumberWord nw = lexicon.numbers.get(part);
                if (nw == null) {
                    return null;
                }
                switch (nw.kind()) {
                    case "vague" -> {
                        return null;
                    }
                    case "qualifier" -> { }
                    case "article" -> {
                        boolean beforeScale = k + 1 < run.size()
                                && "scale".equals(kindOf(run.get(k + 1).lower()));
                        if (beforeScale) {
                            current += 1;
                            any = true;
                        }
                    }
                    case "unit" -> {
                        current += nw.value();
                        any = true;
                    }
                    case "scale" -> {
                        if (!any && current == 0) {
                            return null;
                        }
                        if (nw.value() >= 1000) {
                            total += (current == 0 ? 1 : current) * nw.value();
                            current = 0;
                        } else {
                            current = (current == 0 ? 1 : current) * nw.value();
                        }
                    }
                    default -> {
                        return null;
                    }
                }
            }
        }
        return any ? total + current : null;
    }

    private String kindOf(String word) {
        Lexicon.NumberWord nw = lexicon.numbers.get(word);
        return nw == null ? null : nw.kind();
    }
}
