package io.sanctionsmonitor.extract;

/**
 * A word, number or punctuation mark of a sentence.
 *
 * @param start offset in the sentence
 * @param end   offset after the token in the sentence
 * @param text  as written
 * @param lower lowercased, quotes straightened
 * @param key   normalised for lexicon lookup (see {@link Tokenizer#normalise})
 */
record Token(int start, int end, String text, String lower, String key) {

    boolean isWord() {
        return Character.isLetterOrDigit(text.charAt(0)) || text.charAt(0) == '$';
    }

    boolean isPunctuation() {
        return !isWord();
    }

    boolean is(String normalised) {
        return key.equals(normalised);
    }
}
