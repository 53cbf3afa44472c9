package io.sanctionsmonitor.extract;

/** Supplying and receiving state (alpha-3, either may be null) and the rule that decided. */
record Direction(String from, String to, String rule) {}
