package io.sanctionsmonitor.model;

/** A stated number and the noun it counts ("shells", "barrels", "USD"). */
public record Quantity(double value, String unit) {}
