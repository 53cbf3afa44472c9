package io.sanctionsmonitor.ingest;

/**
 * A report's bytes as read from the object store.
 *
 * @param version the version id of what was read, or its ETag where the bucket is not versioned
 */
public record StoredObject(ObjectRef ref, String version, byte[] content) {}
