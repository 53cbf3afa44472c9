package io.sanctionsmonitor.local;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.sanctionsmonitor.extract.RuleBasedFindingExtractor;
import io.sanctionsmonitor.parsing.DetectingReportParser;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Scores the extractor on the team corpus ({@code ../shared/corpus}, next to the repository) with the team's
 * {@code score.py}, and fails when a figure drops below what was reached, less {@link #MARGIN}.
 * Skipped, with a message, where the corpus or python3 is not available.
 */
class CorpusScoreTest {

    /** Figures reached on the corpus; raise them when the extractor improves. */
    private static final double CATEGORY_F1 = 0.958;
    private static final double STRICT_F1 = 0.958;
    private static final double ITEMS = 0.96;
    private static final double QUANTITY = 1.00;
    private static final double CERTAINTY = 1.00;
    private static final double PERIOD = 0.82;
    private static final double ATTRIBUTED_TO = 1.00;
    static final double MARGIN = 0.02;

    private static final Path SHARED = Path.of("..", "..", "shared").toAbsolutePath().normalize();
    private static JsonNode score;
    private static String predictions;

    @BeforeAll
    static void scoreTheCorpus() throws Exception {
        Path corpus = SHARED.resolve("corpus");
        assumeTrue(Files.isDirectory(corpus.resolve("docs")),
                "corpus not found at " + corpus + "; the corpus score test is skipped");
        Scored scored = scoreWithScorePy(corpus.resolve("docs"), corpus.resolve("gold"));
        predictions = scored.predictions();
        score = scored.score();
    }

    /** The extractor's predictions on a folder of documents and score.py's verdict on them against a gold folder. */
    record Scored(String predictions, JsonNode score) {
    }

    /**
     * Runs {@code bin/extract}'s command over {@code docs} and {@code ../shared/eval/score.py --json} against
     * {@code gold}; skips (assumption) where score.py or python3 is missing.
     */
    static Scored scoreWithScorePy(Path docs, Path gold) throws Exception {
        Path scorer = SHARED.resolve("eval/score.py");
        assumeTrue(Files.isRegularFile(scorer), "score.py not found at " + scorer + "; the score test is skipped");
        ByteArrayOutputStream lines = new ByteArrayOutputStream();
        ExtractCommand command = new ExtractCommand(new DetectingReportParser(), new RuleBasedFindingExtractor());
        int failures = command.run(new String[] {docs.toString()}, new PrintStream(lines, true, StandardCharsets.UTF_8));
        assertEquals(0, failures, "every document must be readable");
        String predicted = lines.toString(StandardCharsets.UTF_8);
        Path file = Files.createTempFile("predictions", ".jsonl");
        try {
            Files.writeString(file, predicted);
            Process python;
            try {
                python = new ProcessBuilder("python3", scorer.toString(), gold.toString(), file.toString(), "--json")
                        .redirectErrorStream(true).start();
            } catch (IOException e) {
                assumeTrue(false, "python3 is not available; the score test is skipped");
                return null;
            }
            String out = new String(python.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertTrue(python.waitFor(60, TimeUnit.SECONDS), "score.py did not finish");
            assertEquals(0, python.exitValue(), out);
            return new Scored(predicted, new ObjectMapper().readTree(out));
        } finally {
            Files.deleteIfExists(file);
        }
    }

    @Test
    void categoryF1HoldsItsLevel() {
        assertAtLeast("category F1", CATEGORY_F1, score.path("category").path("f1").asDouble());
    }

    @Test
    void strictF1HoldsItsLevel() {
        assertAtLeast("strict F1", STRICT_F1, score.path("strict").path("f1").asDouble());
    }

    @Test
    void attributeAccuracyHoldsItsLevel() {
        JsonNode acc = score.path("attribute_accuracy");
        assertAtLeast("items accuracy", ITEMS, acc.path("items").asDouble());
        assertAtLeast("quantity accuracy", QUANTITY, acc.path("quantity").asDouble());
        assertAtLeast("certainty accuracy", CERTAINTY, acc.path("certainty").asDouble());
        assertAtLeast("period accuracy", PERIOD, acc.path("period").asDouble());
        assertAtLeast("attributed_to accuracy", ATTRIBUTED_TO, acc.path("attributed_to").asDouble());
    }

    @Test
    void negativeDocumentsYieldNoFinding() throws IOException {
        for (String line : predictions.split("\n")) {
            JsonNode doc = new ObjectMapper().readTree(line);
            if (doc.path("document").asText().contains("-neg-")) {
                assertEquals(0, doc.path("findings").size(), () -> "false positive in " + doc.path("document").asText());
            }
        }
    }

    static void assertAtLeast(String what, double reached, double now) {
        assertTrue(now >= reached - MARGIN,
                () -> what + " dropped to " + now + " (reached " + reached + ", margin " + MARGIN + ")");
    }
}
