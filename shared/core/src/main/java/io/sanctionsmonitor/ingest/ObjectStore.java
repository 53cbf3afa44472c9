package io.sanctionsmonitor.ingest;

/** Read access to uploaded reports. */
public interface ObjectStore {

    /**
     * Reads an object, refusing it before download when it is larger than {@code maxBytes}.
     *
     * @throws UnreadableReportException when the object is gone or over the limit: retrying cannot help
     * @throws TransientFailureException when the store could not answer now
     */
    StoredObject read(ObjectRef ref, long maxBytes) throws UnreadableReportException;
}
