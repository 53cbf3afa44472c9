package io.sanctionsmonitor.text;

/** One sentence of a text: {@code text.substring(start, end)} equals {@link #text()}. */
public record Sentence(int start, int end, String text) {}
