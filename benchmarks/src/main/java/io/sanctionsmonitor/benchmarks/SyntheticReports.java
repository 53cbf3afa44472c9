package io.sanctionsmonitor.benchmarks;

import java.util.Random;

/**
 * Generates report-like English text of a given size: claims about transfers between states mixed with the
 * context sentences that make up most of a real report. Written for benchmarking, seeded for repeatability.
 */
final class SyntheticReports {
    private static final String[] SOURCES = {"According to the monitoring team,", "Officials in Seoul estimate that",
        "A government spokesperson said that", "Analysts believe that", "The panel concluded that", "Media reported that"};
    private static final String[] SUPPLIERS = {"North Korea", "Russia", "Pyongyang", "Moscow", "the North"};
    private static final String[] RECEIVERS = {"Russia", "North Korea", "Moscow", "Pyongyang"};
    private static final String[] VERBS = {"delivered", "may have transferred", "shipped", "sent", "is believed to have supplied"};
    private static final String[] ITEMS = {"artillery shells", "ballistic missiles", "Pantsir air defence systems",
        "barrels of refined petroleum", "workers", "containers of munitions", "multiple rocket launchers", "fighter jets"};
    private static final String[] PERIODS = {"since late 2024", "between March and October 2024", "last year",
        "in December 2023", "this year", ""};
    private static final String[] CONTEXT = {
        "The two governments have expanded contacts at several levels over the past two years.",
        "Satellite imagery of the port showed new construction near the northern pier.",
        "The ministry did not respond to a request for comment on Tuesday.",
        "Observers noted that the summit was followed by a series of official visits.",
        "The report runs to more than a hundred pages and includes annexes with photographs.",
        "Prices in local markets rose sharply during the winter months, residents said."};

    private SyntheticReports() {}

    /** About {@code chars} characters of text in paragraphs of four to six sentences. */
    static String text(int chars, long seed) {
        Random random = new Random(seed);
        StringBuilder text = new StringBuilder(chars + 512);
        int inParagraph = 0;
        while (text.length() < chars) {
            if (random.nextInt(3) == 0) {
                text.append(pick(random, SOURCES)).append(' ').append(pick(random, SUPPLIERS)).append(' ')
                        .append(pick(random, VERBS)).append(" more than ").append(1 + random.nextInt(20_000))
                        .append(' ').append(pick(random, ITEMS)).append(" to ").append(pick(random, RECEIVERS));
                String period = pick(random, PERIODS);
                text.append(period.isEmpty() ? "" : " " + period).append('.');
            } else {
                text.append(pick(random, CONTEXT));
            }
            if (++inParagraph >= 4 + random.nextInt(3)) {
                text.append("\n\n");
                inParagraph = 0;
            } else {
                text.append(' ');
            }
        }
        return text.toString();
    }

    private static String pick(Random random, String[] choices) {
        return choices[random.nextInt(choices.length)];
    }
}
