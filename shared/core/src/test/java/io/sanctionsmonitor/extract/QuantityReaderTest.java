package io.sanctionsmonitor.extract;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.sanctionsmonitor.model.Quantity;
import java.util.List;
import org.junit.jupiter.api.Test;

class QuantityReaderTest {

    private static final Lexicon LEXICON = new Lexicon();
    private final QuantityReader reader = new QuantityReader(LEXICON);
    private final Tokenizer tokenizer = new Tokenizer();

    /** The count before the last word of the phrase. */
    private QuantityReader.Count countBeforeLastWord(String phrase) {
        List<Token> tokens = tokenizer.tokenize(phrase);
        return reader.countBefore(tokens, tokens.size() - 1, new boolean[tokens.size()], "unit");
    }

    private Double value(String phrase) {
        QuantityReader.Count c = countBeforeLastWord(phrase);
        return c == null ? null : c.quantity().value();
    }

    @Test
    void digitsNumberWordsAndScalesCombine() {
        assertEquals(1500.0, value("sent 1,500 drones"));
        assertEquals(2_500_000.0, value("up to 2.5 million rounds"));
        assertEquals(9_000_000.0, value("some nine million rounds"));
        assertEquals(10_000.0, value("over ten thousand containers"));
        assertEquals(25.0, value("twenty-five tanks"));
        assertEquals(1_000_000.0, value("a million rounds"));
    }

    @Test
    void aProtectionOrConditionAdjectiveMayStandBetweenCountAndItem() {
        assertEquals(8.0, value("sold eight armoured sedans"));
        assertEquals(15.0, value("shipped 15 refurbished trucks"));
    }

    @Test
    void floorsAreMarkedAndRangesGiveTheirLowerBound() {
        assertTrue(countBeforeLastWord("more than 100 missiles").lowerBound());
        assertEquals(10_000.0, value("10,000-12,000 troops"));
        assertEquals(1000.0, value("between 1,000 to 1,500 workers"));
    }

    @Test
    void vagueCountsYearsAndArticlesGiveNoQuantity() {
        assertNull(value("several million shells"));
        assertNull(value("hundreds of workers"));
        assertNull(value("in 2024 workers"));
        assertNull(value("a tank"));
    }

    @Test
    void moneyIsReadInDollars() {
        Quantity q = reader.money(tokenizer.tokenize("they stole $1.2 billion in tokens"));
        assertEquals(1.2e9, q.value());
        assertEquals("USD", q.unit());
        assertNull(reader.money(tokenizer.tokenize("millions of dollars")));
    }

    private Double headCount(String sentence) {
        QuantityReader.Count c = reader.headCount(tokenizer.tokenize(sentence));
        return c == null ? null : c.quantity().value();
    }

    @Test
    void aHeadCountApartFromTheItemIsReadBeforeOfThemOrAPersonNoun() {
        assertEquals(900.0, headCount("Roughly 900 of them came in on tourist visas last spring."));
        assertEquals(1200.0, headCount("Of the arrivals, 1,200 individuals listed study as their purpose."));
        assertEquals("individuals", reader.headCount(tokenizer.tokenize("Some 40 individuals left.")).quantity().unit());
    }

    @Test
    void aHeadCountNeedsAGroupOrPersonNounAndIsNoYearOrVagueCount() {
        assertNull(headCount("In 2023 they came on tourist visas."));
        assertNull(headCount("Thousands of them came on tourist visas."));
        assertNull(headCount("In 2023 of them all, few stayed."), "a year after a time preposition is a date");
        assertNull(headCount("Two of the ships were seized."));
    }
}
