package io.sanctionsmonitor.model;

/** A report's plain text in reading order, with paragraphs separated by blank lines, and its metadata. */
public record ParsedReport(String text, ReportMetadata metadata) {}
