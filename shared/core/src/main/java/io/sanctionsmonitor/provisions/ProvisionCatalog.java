package io.sanctionsmonitor.provisions;

import io.sanctionsmonitor.model.Category;
import io.sanctionsmonitor.model.Finding;
import io.sanctionsmonitor.model.Quantity;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Maps a finding (category, direction, items) to the UN Security Council provisions on the DPRK it may breach, from
 * {@code /provisions/provisions.tsv}, and compares its quantity with a provision's yearly cap. Pure and immutable:
 * {@link #standard()} loads the file once and may be shared between threads.
 */
public final class ProvisionCatalog {

    /** The regime's target state: "to-PRK" and "from-PRK" in the file are relative to it. */
    private static final String DPRK = "PRK";
    private static final String RESOURCE = "/provisions/provisions.tsv";

    private final List<Provision> provisions;

    public ProvisionCatalog(List<Provision> provisions) {
        this.provisions = List.copyOf(provisions);
    }

    /** The catalogue of {@code /provisions/provisions.tsv}, read once. */
    public static ProvisionCatalog standard() {
        return Standard.INSTANCE;
    }

    private static final class Standard {
        static final ProvisionCatalog INSTANCE = new ProvisionCatalog(read(RESOURCE));
    }

    public List<Provision> provisions() {
        return provisions;
    }

    /** The provisions this finding may breach, in file order, each paragraph once, with the ratio to any cap. */
    public List<ProvisionMatch> provisionsFor(Finding finding) {
        List<ProvisionMatch> out = new ArrayList<>();
        Set<String> seen = new LinkedHashSet<>();
        for (Provision p : provisions) {
            if (p.category() != finding.category() || !directionFits(p.direction(), finding.from(), finding.to())
                    || !itemsFit(p, finding.items())
                    || !seen.add(p.resolution() + "|" + p.paragraph())) {
                continue;
            }
            CapComparison cap = p.cap() == null ? null : CapComparison.of(finding.quantity(), finding.period(), p.cap());
            out.add(new ProvisionMatch(p.resolution(), p.paragraph(), p.title(), p.uncertain() ? "uncertain" : "checked",
                    cap == null ? null : cap.ratio(), cap == null ? null : cap.basis()));
        }
        return out;
    }

    /** An unknown side (null) may still be the DPRK, so it does not rule a provision out. */
    static boolean directionFits(String direction, String from, String to) {
        return switch (direction) {
            case "to-PRK" -> DPRK.equals(to) || to == null && !DPRK.equals(from);
            case "from-PRK" -> DPRK.equals(from) || from == null && !DPRK.equals(to);
            default -> true;
        };
    }

    private static boolean itemsFit(Provision p, List<String> items) {
        String all = String.join(" | ", items).toLowerCase(Locale.ROOT);
        for (String none : p.itemsNone()) {
            if (all.contains(none)) {
                return false;
            }
        }
        if (p.itemsAny().isEmpty()) {
            return true;
        }
        for (String any : p.itemsAny()) {
            if (all.contains(any)) {
                return true;
            }
        }
        return false;
    }

    /** Reads the TSV: resolution, paragraph, title, category, direction, items_any, items_none, cap, confidence. */
    static List<Provision> read(String resource) {
        InputStream in = ProvisionCatalog.class.getResourceAsStream(resource);
        if (in == null) {
            throw new IllegalStateException("missing resource " + resource);
        }
        List<Provision> out = new ArrayList<>();
        try (BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            String line;
            int number = 0;
            while ((line = r.readLine()) != null) {
                number++;
                if (line.isBlank() || line.startsWith("#")) {
                    continue;
                }
                String[] f = line.split("\t", -1);
                if (f.length != 9) {
                    throw new IllegalStateException(resource + ":" + number + ": expected 9 fields, got " + f.length);
                }
                if (!Set.of("to-PRK", "from-PRK", "any").contains(f[4])) {
                    throw new IllegalStateException(resource + ":" + number + ": unknown direction " + f[4]);
                }
                if (!Set.of("checked", "uncertain").contains(f[8])) {
                    throw new IllegalStateException(resource + ":" + number + ": unknown confidence " + f[8]);
                }
                out.add(new Provision(f[0], f[1], f[2], Category.valueOf(f[3]), f[4], words(f[5]), words(f[6]),
                        cap(f[7], resource + ":" + number), f[8].equals("uncertain")));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out;
    }

    private static List<String> words(String field) {
        if (field.equals("-")) {
            return List.of();
        }
        return Arrays.stream(field.split(",")).map(w -> w.strip().toLowerCase(Locale.ROOT)).filter(w -> !w.isEmpty())
                .toList();
    }

    /** "500000 barrels/year" or "-". */
    private static Provision.Cap cap(String field, String where) {
        if (field.equals("-")) {
            return null;
        }
        String[] parts = field.split(" ", 2);
        if (parts.length != 2 || !parts[1].endsWith("/year")) {
            throw new IllegalStateException(where + ": a cap reads 'VALUE UNIT/year', not " + field);
        }
        return new Provision.Cap(Double.parseDouble(parts[0]), parts[1].substring(0, parts[1].length() - "/year".length()));
    }

    /** Quantity over cap, scaled to the finding's period, and the assumption made to compare them. */
    record CapComparison(double ratio, String basis) {

        static CapComparison of(Quantity quantity, String period, Provision.Cap cap) {
            if (quantity == null || quantity.unit() == null
                    || !quantity.unit().toLowerCase(Locale.ROOT).contains(singular(cap.unit()))) {
                return null;
            }
            double allowed = cap.value();
            String basis;
            PeriodSpan span = PeriodSpan.parse(period);
            if (span == null) {
                basis = "no period stated: assumed to fall within twelve months";
            } else if (span.openEnded()) {
                basis = "open-ended period from " + period.substring(0, period.length() - 1)
                        + ": compared with one year's cap, so an upper bound of the yearly ratio";
            } else if (span.months() <= 12) {
                basis = span.months() == 12 ? "period of one year"
                        : "period of " + span.months() + " month(s), compared with the full yearly cap (not prorated)";
            } else {
                allowed = cap.value() * span.months() / 12.0;
                basis = "period of " + span.months() + " months, compared with the cap over as many months";
            }
            double ratio = Math.round(quantity.value() / allowed * 1000.0) / 1000.0;
            return new CapComparison(ratio, basis);
        }

        private static String singular(String unit) {
            String u = unit.toLowerCase(Locale.ROOT);
            return u.endsWith("s") ? u.substring(0, u.length() - 1) : u;
        }
    }

    /** An ISO period of guideline 12 ("2024", "2024-03", "2024-03/2024-10", "2023/") measured in whole months. */
    record PeriodSpan(int months, boolean openEnded) {

        static PeriodSpan parse(String period) {
            if (period == null || period.isBlank()) {
                return null;
            }
            try {
                if (period.endsWith("/")) {
                    return new PeriodSpan(0, true);
                }
                String[] ends = period.split("/", 2);
                int[] start = month(ends[0], true);
                int[] end = month(ends.length == 2 ? ends[1] : ends[0], false);
                int months = (end[0] * 12 + end[1]) - (start[0] * 12 + start[1]) + 1;
                return months <= 0 ? null : new PeriodSpan(months, false);
            } catch (RuntimeException e) {
                return null; // a period the comparison cannot read is treated as unstated
            }
        }

        /** {year, month}; a bare year starts in January and ends in December. */
        private static int[] month(String date, boolean start) {
            String[] p = date.split("-");
            int year = Integer.parseInt(p[0]);
            int month = p.length > 1 ? Integer.parseInt(p[1]) : start ? 1 : 12;
            return new int[] {year, month};
        }
    }
}
