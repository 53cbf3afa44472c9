package io.sanctionsmonitor.model;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * A report as stored: where it came from, what was read from it, and how its processing ended.
 *
 * @param id          deterministic id, see {@link DocumentIds}
 * @param version     the S3 version id or ETag of the object that was processed; orders re-uploads
 * @param published   ISO date (yyyy, yyyy-MM or yyyy-MM-dd) from the report's metadata, or null
 * @param error       why processing failed, for status FAILED; null otherwise
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ReportDocument(
        String id,
        String bucket,
        String key,
        String version,
        Long size,
        String format,
        String title,
        String published,
        String publisher,
        String language,
        DocumentStatus status,
        String error,
        @JsonProperty("finding_count") Integer findingCount,
        @JsonProperty("updated_at") String updatedAt) {}
