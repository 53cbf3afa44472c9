package io.sanctionsmonitor.extract;

import io.sanctionsmonitor.model.Finding;
import io.sanctionsmonitor.model.Quantity;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * Merges restatements within a document (guideline 3): same category, item type, direction and certainty, and no
 * conflicting quantity or period. The kept evidence is the most specific sentence (a stated quantity, then a period,
 * then the sentence about fewest things, then the earliest); sources and items of the restatements are added.
 */
final class FindingMerger {

    /** Categories whose sentence groups mix item types; their restatements must share their first item. */
    private final Set<io.sanctionsmonitor.model.Category> scheme;

    FindingMerger(Set<io.sanctionsmonitor.model.Category> scheme) {
        this.scheme = Set.copyOf(scheme);
    }

    /** How many earlier claims of the same kind a new one is compared with. */
    private static final int LOOK_BACK = 32;

    /** Restatements of one claim; the first member, and the first with a count and with a date, speak for all. */
    private static final class Cluster {
        final List<Draft> members = new ArrayList<>();
        Draft counted;
        Draft dated;

        void add(Draft d) {
            members.add(d);
            if (counted == null && d.quantity() != null) {
                counted = d;
            }
            if (dated == null && d.period() != null) {
                dated = d;
            }
        }
    }

    List<Finding> merge(List<Draft> drafts) {
        List<Cluster> clusters = new ArrayList<>();
        Map<String, List<Cluster>> byKey = new HashMap<>();
        for (Draft d : drafts) {
            Cluster home = null;
            List<Cluster> candidates = byKey.computeIfAbsent(
                    d.category() + "|" + d.type() + "|" + d.from() + "|" + d.to() + "|" + d.certainty(),
                    k -> new ArrayList<>());
            // restatements stand near each other; looking back a bounded way keeps long reports linear
            for (int k = candidates.size() - 1; k >= Math.max(0, candidates.size() - LOOK_BACK); k--) {
                if (fits(candidates.get(k), d)) {
                    home = candidates.get(k);
                    break;
                }
            }
            if (home == null) {
                home = new Cluster();
                clusters.add(home);
                candidates.add(home);
            }
            home.add(d);
        }
        List<Finding> out = new ArrayList<>();
        for (Cluster c : clusters) {
            out.add(toFinding(c.members));
        }
        out.sort((a, b) -> Integer.compare(a.evidenceStart(), b.evidenceStart()));
        return out;
    }

    /** One comparison per representative keeps merging linear in the claims of a category, not quadratic. */
    private boolean fits(Cluster c, Draft d) {
        return sameClaim(c.members.get(0), d)
                && (c.counted == null || sameClaim(c.counted, d))
                && (c.dated == null || sameClaim(c.dated, d));
    }

    private boolean sameClaim(Draft a, Draft b) {
        return a.category() == b.category() && a.type().equals(b.type())
                && Objects.equals(a.from(), b.from()) && Objects.equals(a.to(), b.to())
                && a.certainty() == b.certainty()
                && (a.quantity() == null || b.quantity() == null || sameValue(a, b) || sameValue(b, a))
                && (a.period() == null || b.period() == null || a.period().equals(b.period()))
                && (a.sentence() != b.sentence() || a.items().equals(b.items()))
                && (a.sources().isEmpty() && b.sources().isEmpty() || !a.namedSource() || !b.namedSource()
                    || a.sources().stream().anyMatch(b.sources()::contains))
                && (!scheme.contains(a.category()) || sameHead(a.items(), b.items()));
    }

    /** Equal counts, or a floor ("over 6,000") that the other, exact count (6,700) fits within half again. */
    private static boolean sameValue(Draft a, Draft b) {
        double x = a.quantity().value();
        double y = b.quantity().value();
        if (Math.abs(x - y) <= 0.01 * Math.max(Math.abs(x), 1.0)) {
            return true;
        }
        return a.lowerBound() && y >= x && y <= 1.5 * x;
    }

    /** Schemes mix item types, so a restatement must name the same first item ("account" and "account"). */
    private static boolean sameHead(List<String> a, List<String> b) {
        return !a.isEmpty() && !b.isEmpty() && head(a.get(0)).equals(head(b.get(0)));
    }

    private static String head(String item) {
        String[] words = item.toLowerCase(Locale.ROOT).split("\\s+");
        return Tokenizer.normalise(words[words.length - 1]);
    }

    private static int specificity(Draft d) {
        boolean named = d.items().stream().anyMatch(i -> i.chars().anyMatch(Character::isDigit)
                || !i.isEmpty() && Character.isUpperCase(i.charAt(0)));
        return (d.quantity() != null ? 100 : 0) + (d.quantity() != null && !d.lowerBound() ? 50 : 0)
                + (named ? 20 : 0) + (d.period() != null ? 10 : 0);
    }

    private static Finding toFinding(List<Draft> cluster) {
        Draft best = cluster.get(0);
        for (Draft d : cluster) {
            if (specificity(d) > specificity(best)) {
                best = d;
            }
        }
        Set<String> items = new LinkedHashSet<>(best.items());
        Set<String> sources = new LinkedHashSet<>(best.sources());
        Quantity quantity = best.quantity();
        String period = best.period();
        List<String> why = new ArrayList<>(best.why());
        for (Draft d : cluster) {
            if (d == best) {
                continue;
            }
            sources.addAll(d.sources());
            if (quantity == null) {
                quantity = d.quantity();
            }
            if (period == null) {
                period = d.period();
            }
            why.add("merged:restatement@" + d.sentence().start());
        }
        return new Finding(null, null, best.category(), best.from(), best.to(), List.copyOf(items), best.itemType(), quantity, period,
                List.copyOf(sources), best.certainty(), best.sentence().text(), best.sentence().start(),
                best.sentence().end(), why);
    }
}
