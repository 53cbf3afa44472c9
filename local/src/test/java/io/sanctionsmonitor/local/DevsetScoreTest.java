package io.sanctionsmonitor.local;

import static io.sanctionsmonitor.local.CorpusScoreTest.assertAtLeast;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Scores the extractor on the team's held-out development set ({@code shared/core/src/test/resources/devset}: our own
 * texts, never tuned sentence by sentence) with the team's {@code score.py}, and fails when a figure drops below what
 * was reached, less {@link CorpusScoreTest#MARGIN}. It measures how the rules generalise beyond the corpus.
 * Skipped, with a message, where {@code ../shared/eval/score.py} or python3 is not available.
 */
class DevsetScoreTest {

    /**
     * Figures reached on the development set; raise them when the extractor improves. With dv15-dv16 (period and
     * attribution cases, added after the first 14) the set is harder: on the first 14 alone category F1 is still
     * 0.986, strict 0.959 and quantity 1.00; the two new reports brought an extra "student visas" finding (0.979 / 0.957), gone since student visas
     * join the workers they brought (method). Their count
     * stated apart from the item ("3,500 of them were workers") is read since the head-count rule (quantity 0.96 before).
     * dv17-dv21 (longer reports in new genres, 33 findings) scored category 0.610, strict 0.576, attributed_to 0.31
     * before the rules of that round (whole set 0.842 / 0.816); items and attributed_to stay below the other figures
     * because of naming and annotation choices listed in the README (the team's own report attributed to "monitoring
     * team", workplace items named "restaurant workers").
     * dv22-dv26 (a court filing, a hearing transcript, an imagery analysis in HTML, a designation release and a regional
     * paper, 33 findings) scored category 0.698, strict 0.540, period 0.62, attributed_to 0.30 before the rules of that
     * round (whole set 0.901 / 0.847) and 0.923 / 0.862 / 0.83 / 0.50 after; the figures below are the whole set's
     * after that round, lower than the 21-report figures because the five new reports are harder (transcript speakers
     * are not mapped to their government, unnamed regional bodies are no sources).
     * dv27-dv31 (a defector interview, a joint statement of six governments, a fact check, a customs service's annual
     * report in HTML, a news analysis quoting officials by role; 35 findings, 4 optional) scored category 0.627,
     * strict 0.537, quantity 0.42, certainty 0.71, attributed_to 0.19 before the rules of that round (whole set
     * 0.884 / 0.842) and 0.896 / 0.896 / 0.56 / 0.73 / 0.90 after, the first 26 reports unchanged (0.960 / 0.933).
     * The figures below are the whole 31-report set's after that round: quantity, period and certainty are lower than
     * the 26-report figures because the new reports are harder (counts of a group, "occasions", "the year" of an
     * annual report, a confirmation that runs on into the next paragraphs of a joint statement).
     * dv32-dv36 (a Panel of Experts style case study, a think tank's data brief, a foreign ministry's briefing
     * transcript, a magazine piece in HTML, a financial intelligence unit's advisory; 27 findings, 7 optional) scored
     * category 0.560, strict 0.480, period 0.70, attributed_to 0.09 before the rules of that round (whole set 0.889 /
     * 0.860) and 0.652 / 0.565 / 0.82 / 0.78 after; the first 31 reports unchanged (0.945 / 0.925). The figures
     * below are the whole 36-report set's after that round: lower, because the new reports stay hard (labour
     * revenue and IT-worker counts, "we estimate" in a ministry's transcript, an analyst carried as "she").
     */
    private static final double CATEGORY_F1 = 0.905;
    private static final double STRICT_F1 = 0.876;
    private static final double ITEMS = 0.92;
    private static final double QUANTITY = 0.91;
    private static final double PERIOD = 0.90;
    private static final double CERTAINTY = 0.92;
    private static final double ATTRIBUTED_TO = 0.80;

    private static final Path DEVSET = Path.of("..", "shared", "core", "src", "test", "resources", "devset")
            .toAbsolutePath().normalize();
    private static JsonNode score;
    private static String predictions;

    @BeforeAll
    static void scoreTheDevset() throws Exception {
        assumeTrue(Files.isDirectory(DEVSET.resolve("docs")), "devset not found at " + DEVSET);
        CorpusScoreTest.Scored scored = CorpusScoreTest.scoreWithScorePy(DEVSET.resolve("docs"), DEVSET.resolve("gold"));
        score = scored.score();
        predictions = scored.predictions();
    }

    @Test
    void categoryAndStrictF1HoldTheirLevel() {
        assertAtLeast("devset category F1", CATEGORY_F1, score.path("category").path("f1").asDouble());
        assertAtLeast("devset strict F1", STRICT_F1, score.path("strict").path("f1").asDouble());
    }

    @Test
    void attributeAccuracyHoldsItsLevel() {
        JsonNode acc = score.path("attribute_accuracy");
        assertAtLeast("devset items accuracy", ITEMS, acc.path("items").asDouble());
        assertAtLeast("devset quantity accuracy", QUANTITY, acc.path("quantity").asDouble());
        assertAtLeast("devset period accuracy", PERIOD, acc.path("period").asDouble());
        assertAtLeast("devset certainty accuracy", CERTAINTY, acc.path("certainty").asDouble());
        assertAtLeast("devset attributed_to accuracy", ATTRIBUTED_TO, acc.path("attributed_to").asDouble());
    }

    @Test
    void negativeDocumentYieldsNoFinding() throws IOException {
        for (String line : predictions.split("\n")) {
            JsonNode doc = new ObjectMapper().readTree(line);
            if (doc.path("document").asText().contains("-neg-")) {
                assertEquals(0, doc.path("findings").size(), () -> "false positive in " + doc.path("document").asText());
            }
        }
    }
}
