package io.sanctionsmonitor.local.load;

/**
 * One made-up report file.
 *
 * @param fileName a name with the format's extension (a hint only: the processor detects the format)
 * @param corrupt  whether it was damaged on purpose, so the processor must mark it FAILED with a reason
 */
public record GeneratedReport(String fileName, ReportGenerator.Format format, byte[] content, boolean corrupt) {}
