package io.sanctionsmonitor.testing;

import io.sanctionsmonitor.model.Category;
import io.sanctionsmonitor.model.Certainty;
import io.sanctionsmonitor.model.DocumentIds;
import io.sanctionsmonitor.model.DocumentStatus;
import io.sanctionsmonitor.model.Finding;
import io.sanctionsmonitor.model.Quantity;
import io.sanctionsmonitor.model.ReportDocument;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/** Findings and documents made up for tests: hand-written ones and seeded random ones. */
public final class SampleFindings {

    private static final String[] STATES = {"PRK", "RUS", "CHN", "IRN", "SYR", "UKR", null};
    private static final String[] ITEMS = {"Pantsir-class air defence vehicle", "152mm artillery shells",
            "ballistic missiles", "troops", "refined petroleum", "cryptocurrency", "luxury cars", "IT workers",
            "jamming equipment", "MiG-29 fighters", "coal", "bank accounts"};
    private static final String[] SOURCES = {"MSMT", "UN Panel of Experts", "South Korea", "United States", "Ukraine"};
    private static final String[] PERIODS = {null, "2023", "2023-09/", "2024-03/2024-10", "2024-12", "2025-02",
            "2022/2023", "2024-01-02", "2019", "2025-01/2025-09", "2021-06"};

    private SampleFindings() {}

    public static ReportDocument document(String key, String updatedAt) {
        return new ReportDocument(DocumentIds.of("reports-bucket", key), "reports-bucket", key, "v1", 1234L, "text",
                "A report about " + key, "2025-01-15", "Example Monitor", "en", DocumentStatus.PROCESSING, null, null,
                updatedAt);
    }

    public static Finding finding(Category category, String from, String to, List<String> items, String period,
            List<String> sources, Certainty certainty) {
        return new Finding(null, null, category, from, to, items, null, new Quantity(1000, "shells"), period, sources,
                certainty, "A sentence we wrote that states the claim.", 0, 42, List.of("test"));
    }

    /** {@code count} random findings of one document, identified. */
    public static List<Finding> random(Random random, String documentId, int count) {
        List<Finding> findings = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            List<String> items = new ArrayList<>();
            items.add(ITEMS[random.nextInt(ITEMS.length)]);
            if (random.nextInt(4) == 0) {
                items.add(ITEMS[random.nextInt(ITEMS.length)]);
            }
            List<String> sources = new ArrayList<>();
            if (random.nextBoolean()) {
                sources.add(SOURCES[random.nextInt(SOURCES.length)]);
            }
            Finding f = finding(Category.values()[random.nextInt(Category.values().length)],
                    STATES[random.nextInt(STATES.length)], STATES[random.nextInt(STATES.length)], items,
                    PERIODS[random.nextInt(PERIODS.length)], sources,
                    Certainty.values()[random.nextInt(Certainty.values().length)]);
            findings.add(f.identified(documentId, i));
        }
        return findings;
    }
}
