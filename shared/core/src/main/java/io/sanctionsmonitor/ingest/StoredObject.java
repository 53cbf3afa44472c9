package io.sanctionsmonitor.ingest;

/** A report's bytes as read from the object store. */
public record StoredObject(ObjectRef ref, byte[] content, String contentType) {}
