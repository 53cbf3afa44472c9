/**
 * The query API's logic, free of AWS types: {@link io.sanctionsmonitor.query.QueryApi} routes and validates a
 * request, asks the {@link io.sanctionsmonitor.query.FindingQueries} port, and answers JSON or RFC 9457 problems;
 * {@link io.sanctionsmonitor.query.CursorCodec} signs page positions into cursors bound to their filter set;
 * {@link io.sanctionsmonitor.query.FindingFilter#matches} is the meaning of every filter, which stores follow.
 */
package io.sanctionsmonitor.query;
