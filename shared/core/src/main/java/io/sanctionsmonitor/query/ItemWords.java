package io.sanctionsmonitor.query;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;

/**
 * The words an item filter matches on: lowercase letter/digit runs, without the stop words of
 * {@code query/item-stopwords.txt}. "Pantsir-class combat vehicle" has the words pantsir, class, combat, vehicle,
 * so {@code item=pantsir} finds it.
 */
public final class ItemWords {

    /** Bounds the postings one finding writes. */
    public static final int MAX_WORDS_PER_FINDING = 24;
    /** Longer runs are not words anyone searches for, and would make oversized index keys. */
    public static final int MAX_WORD_LENGTH = 64;
    private static final Set<String> STOP_WORDS = load("/query/item-stopwords.txt");

    private ItemWords() {}

    /** The distinct words of one text, in the order they first appear. */
    public static List<String> of(String text) {
        List<String> words = new ArrayList<>();
        if (text == null) {
            return words;
        }
        StringBuilder word = new StringBuilder();
        String lower = text.toLowerCase(Locale.ROOT);
        for (int i = 0; i <= lower.length(); i++) {
            char c = i < lower.length() ? lower.charAt(i) : ' ';
            if (Character.isLetterOrDigit(c)) {
                word.append(c);
            } else if (!word.isEmpty()) {
                String w = word.toString();
                if (w.length() <= MAX_WORD_LENGTH && !STOP_WORDS.contains(w) && !words.contains(w)) {
                    words.add(w);
                }
                word.setLength(0);
            }
        }
        return words;
    }

    /** The distinct words of all a finding's items, sorted, at most {@link #MAX_WORDS_PER_FINDING}. */
    public static Set<String> ofItems(Collection<String> items) {
        Set<String> words = new TreeSet<>();
        for (String item : items) {
            for (String w : of(item)) {
                if (words.size() < MAX_WORDS_PER_FINDING) {
                    words.add(w);
                }
            }
        }
        return words;
    }

    private static Set<String> load(String resource) {
        Set<String> words = new TreeSet<>();
        try (InputStream in = ItemWords.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("missing resource " + resource);
            }
            BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            for (String line; (line = reader.readLine()) != null; ) {
                String w = line.strip();
                if (!w.isEmpty() && !w.startsWith("#")) {
                    words.add(w.toLowerCase(Locale.ROOT));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return Set.copyOf(words);
    }
}
