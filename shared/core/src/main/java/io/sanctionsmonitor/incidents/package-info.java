/**
 * Incidents: findings from different reports about the same activity (same category, direction and kind of
 * goods, overlapping periods), grouped when read so they are always as current as the findings behind them.
 */
package io.sanctionsmonitor.incidents;
