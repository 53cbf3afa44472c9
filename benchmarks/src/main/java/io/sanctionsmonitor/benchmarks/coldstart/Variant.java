package io.sanctionsmonitor.benchmarks.coldstart;

import java.nio.file.Path;

/**
 * One thing whose cold start is measured: a handler class launched from a function's deployment jar.
 *
 * @param function  processor or api
 * @param role      function (the real handler) or baseline (the SDK floor)
 * @param eventKind sqs or http: the event the probe hands over
 * @param memoryMb  the template's MemorySize, used as -Xmx
 */
record Variant(String function, String role, Path jar, String handlerClass, String eventKind, int memoryMb) {}
