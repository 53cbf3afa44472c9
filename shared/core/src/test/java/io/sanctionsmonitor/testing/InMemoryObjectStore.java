package io.sanctionsmonitor.testing;

import io.sanctionsmonitor.ingest.ObjectRef;
import io.sanctionsmonitor.ingest.ObjectStore;
import io.sanctionsmonitor.ingest.StoredObject;
import io.sanctionsmonitor.ingest.UnreadableReportException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/** A bucket in memory, for tests of the pure core. Versions count up per key. */
public final class InMemoryObjectStore implements ObjectStore {
    private final Map<String, StoredObject> objects = new ConcurrentHashMap<>();

    public InMemoryObjectStore put(String bucket, String key, String content) {
        return put(bucket, key, content.getBytes(StandardCharsets.UTF_8));
    }

    public InMemoryObjectStore put(String bucket, String key, byte[] content) {
        objects.compute(bucket + "/" + key, (k, old) -> new StoredObject(new ObjectRef(bucket, key, null),
                "v" + (old == null ? 1 : Integer.parseInt(old.version().substring(1)) + 1), content));
        return this;
    }

    public void remove(String bucket, String key) {
        objects.remove(bucket + "/" + key);
    }

    @Override
    public Optional<StoredObject> read(ObjectRef ref, long maxBytes) throws UnreadableReportException {
        StoredObject object = objects.get(ref.bucket() + "/" + ref.key());
        if (object != null && object.content().length > maxBytes) {
            throw new UnreadableReportException("object is " + object.content().length
                    + " bytes, over the limit of " + maxBytes + " bytes");
        }
        return Optional.ofNullable(object);
    }

    @Override
    public boolean exists(ObjectRef ref) {
        return objects.containsKey(ref.bucket() + "/" + ref.key());
    }
}
