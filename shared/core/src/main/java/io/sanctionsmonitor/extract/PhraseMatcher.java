package io.sanctionsmonitor.extract;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Finds lexicon phrases in a token sequence in one pass: a trie over normalised token keys, longest match
 * first at each position, matches never overlapping. Built once, then read-only and thread-safe.
 */
final class PhraseMatcher<T> {

    /** A phrase found at tokens [from, to). */
    record Match<T>(int from, int to, T value) {}

    private static final class Node<T> {
        final Map<String, Node<T>> next = new HashMap<>(4);
        T value;
    }

    private final Node<T> root = new Node<>();
    private final Tokenizer tokenizer = new Tokenizer();

    /** Adds a phrase; a later entry for the same phrase replaces an earlier one. */
    void add(String phrase, T value) {
        Node<T> node = root;
        for (Token t : tokenizer.tokenize(phrase)) {
            node = node.next.computeIfAbsent(t.key(), k -> new Node<>());
        }
        if (node != root) {
            node.value = value;
        }
    }

    /** Normalised words that can start a phrase of this matcher. */
    Set<String> firstWords() {
        return root.next.keySet();
    }

    List<Match<T>> findAll(List<Token> tokens) {
        return findAll(tokens, null);
    }

    /** As {@link #findAll(List)}, looking only at positions where {@code mayStart} is true (null: everywhere). */
    List<Match<T>> findAll(List<Token> tokens, boolean[] mayStart) {
        List<Match<T>> out = new ArrayList<>();
        int i = 0;
        while (i < tokens.size()) {
            if (mayStart != null && !mayStart[i]) {
                i++;
                continue;
            }
            Node<T> node = root;
            int bestEnd = -1;
            T best = null;
            for (int j = i; j < tokens.size(); j++) {
                node = node.next.get(tokens.get(j).key());
                if (node == null) {
                    break;
                }
                if (node.value != null) {
                    bestEnd = j + 1;
                    best = node.value;
                }
            }
            if (best != null) {
                out.add(new Match<>(i, bestEnd, best));
                i = bestEnd;
            } else {
                i++;
            }
        }
        return out;
    }
}
