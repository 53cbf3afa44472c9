package io.sanctionsmonitor.text;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

class SentenceSegmenterTest {

    private final SentenceSegmenter segmenter = new SentenceSegmenter();

    private List<String> sentences(String text) {
        List<Sentence> found = segmenter.split(text);
        for (Sentence s : found) {
            assertEquals(s.text(), text.substring(s.start(), s.end()), "offsets must slice the sentence back out");
        }
        return found.stream().map(Sentence::text).toList();
    }

    @Test
    void splitsAtFullStopsFollowedByACapital() {
        assertEquals(List.of("Ships left port.", "Two returned!", "Why?"), sentences("Ships left port. Two returned! Why?"));
    }

    @Test
    void abbreviationsAndMonthsDoNotEndASentence() {
        assertEquals(List.of("The U.S. Navy said on Dec. 4 that cargo No. 7 was seized.", "It sailed on."),
                sentences("The U.S. Navy said on Dec. 4 that cargo No. 7 was seized. It sailed on."));
    }

    @Test
    void initialsAndDecimalsDoNotEndASentence() {
        assertEquals(List.of("Envoy Park J. Ho moved 3.6 billion won in 2.5 days."),
                sentences("Envoy Park J. Ho moved 3.6 billion won in 2.5 days."));
    }

    @Test
    void blankLinesEndASentenceEvenWithoutPunctuation() {
        assertEquals(List.of("Section heading", "Body text follows here."),
                sentences("Section heading\n\nBody text follows here."));
    }

    @Test
    void bulletLinesAreSentencesWithoutTheirMarkers() {
        String text = "Key points\n\n  • First point is here.\n  • Second point\n- Third point.\n1. Numbered point.";
        assertEquals(List.of("Key points", "First point is here.", "Second point", "Third point.", "Numbered point."),
                sentences(text));
    }

    @Test
    void closingQuotesStayWithTheirSentence() {
        assertEquals(List.of("He said, “It is done.”", "Then he left."),
                sentences("He said, “It is done.” Then he left."));
    }

    @Test
    void aLineBreakInsideAParagraphDoesNotEndASentence() {
        assertEquals(List.of("A long sentence wraps\nonto a second line.", "Next."),
                sentences("A long sentence wraps\nonto a second line. Next."));
    }

    @Test
    void gluedSentencesAfterALowercaseWordAreSplit() {
        assertEquals(List.of("the panel said.", "In addition, more."), sentences("the panel said.In addition, more."));
    }

    @Test
    void emptyTextHasNoSentences() {
        assertEquals(List.of(), sentences("  \n\n "));
    }
}
