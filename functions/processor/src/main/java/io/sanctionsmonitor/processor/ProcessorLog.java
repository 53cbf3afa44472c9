package io.sanctionsmonitor.processor;

import io.sanctionsmonitor.ingest.IngestOutcome;
import io.sanctionsmonitor.model.DocumentStatus;
import io.sanctionsmonitor.ingest.TransientFailureException;
import io.sanctionsmonitor.json.Json;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Consumer;

/**
 * One JSON line per event: ids, keys, statuses, counts and durations. Never report text: reports are
 * sensitive, and a log line is not the place to keep them.
 */
final class ProcessorLog {
    private final Consumer<String> sink;
    private final String requestId;

    ProcessorLog(Consumer<String> sink, String requestId) {
        this.sink = sink;
        this.requestId = requestId;
    }

    void outcome(String messageId, S3ObjectEvent event, IngestOutcome outcome, long nanos) {
        Map<String, Object> line = line(outcome.status() == DocumentStatus.FAILED ? "WARN" : "INFO", "report.outcome", messageId, event);
        line.put("document_id", outcome.documentId());
        line.put("status", outcome.status() == null ? "IGNORED" : outcome.status().name());
        line.put("finding_count", outcome.findingCount());
        if (outcome.reason() != null) {
            line.put("reason", outcome.reason());
        }
        line.put("duration_ms", nanos / 1_000_000);
        write(line);
    }

    /** A notification that failed for a cause other than its report: retried, or given up on its last attempt. */
    void failure(String messageId, S3ObjectEvent event, RuntimeException e, boolean lastAttempt) {
        boolean transientFailure = e instanceof TransientFailureException;
        Map<String, Object> line = line(transientFailure ? "WARN" : "ERROR",
                transientFailure ? "report.transient_failure" : "report.failure", messageId, event);
        line.put("error", e.getClass().getSimpleName());
        line.put("last_attempt", lastAttempt);
        write(line);
    }

    void messageRejected(String messageId, String reason) {
        Map<String, Object> line = line("ERROR", "message.rejected", messageId, null);
        line.put("reason", reason);
        write(line);
    }

    void batch(int messages, int failures, long nanos) {
        Map<String, Object> line = line("INFO", "batch.done", null, null);
        line.put("message_count", messages);
        line.put("failure_count", failures);
        line.put("duration_ms", nanos / 1_000_000);
        write(line);
    }

    private Map<String, Object> line(String level, String event, String messageId, S3ObjectEvent objectEvent) {
        Map<String, Object> line = new LinkedHashMap<>();
        line.put("level", level);
        line.put("event", event);
        line.put("request_id", requestId);
        if (messageId != null) {
            line.put("message_id", messageId);
        }
        if (objectEvent != null) {
            line.put("notification", objectEvent.kind().name());
            line.put("bucket", objectEvent.ref().bucket());
            line.put("key", objectEvent.ref().key());
        }
        return line;
    }

    private void write(Map<String, Object> line) {
        sink.accept(Json.write(g -> Json.writeValue(g, line)));
    }
}
