package io.sanctionsmonitor.ingest;

/** Where a report lives. {@code version} is the S3 version id or, without versioning, the ETag; may be null. */
public record ObjectRef(String bucket, String key, String version) {}
