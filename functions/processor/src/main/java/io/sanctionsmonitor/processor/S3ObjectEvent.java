package io.sanctionsmonitor.processor;

import io.sanctionsmonitor.ingest.ObjectRef;

/** One record of an S3 event notification: an object was created or removed. */
record S3ObjectEvent(Kind kind, ObjectRef ref) {
    enum Kind { CREATED, REMOVED }
}
