package io.sanctionsmonitor.ingest;

import java.util.Optional;

/** Read access to uploaded reports. The bucket's current state is the truth; notifications are only hints. */
public interface ObjectStore {

    /**
     * Reads the current version of an object, refusing it before download when it is larger than {@code maxBytes}.
     *
     * @return the object, or empty when it no longer exists
     * @throws UnreadableReportException when the object is over the limit: retrying cannot help
     * @throws TransientFailureException when the store could not answer now
     */
    Optional<StoredObject> read(ObjectRef ref, long maxBytes) throws UnreadableReportException;

    /** Whether the object exists now. */
    boolean exists(ObjectRef ref);

    /**
     * The version id (or ETag) of the object as it is now, empty when there is none: what a finished ingest
     * compares with the version it read. This default reads the object; stores override it with a cheaper call.
     */
    default Optional<String> currentVersion(ObjectRef ref) {
        try {
            return read(ref, Long.MAX_VALUE).map(StoredObject::version);
        } catch (UnreadableReportException e) {
            throw new IllegalStateException("no size limit was set", e);
        }
    }
}
