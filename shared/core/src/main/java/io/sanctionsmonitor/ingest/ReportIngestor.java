package io.sanctionsmonitor.ingest;

import io.sanctionsmonitor.extract.FindingExtractor;
import io.sanctionsmonitor.model.DocumentIds;
import io.sanctionsmonitor.model.DocumentStatus;
import io.sanctionsmonitor.model.Finding;
import io.sanctionsmonitor.model.ParsedReport;
import io.sanctionsmonitor.model.ReportDocument;
import io.sanctionsmonitor.model.ReportMetadata;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Brings the store in line with one object in the bucket: read, parse, extract, store.
 *
 * <p>Notifications arrive at least once and out of order, so both entry points look at the object as it is
 * now rather than trusting the event: a created object that is already gone is recorded as deleted, and a
 * removal of an object that exists again is processed as a creation. Permanent failures mark the document
 * FAILED with the reason and return normally; {@link TransientFailureException} propagates so the message is
 * retried.
 */
public final class ReportIngestor {
    /** Passes over one key, while it keeps changing, before its message is returned for a later retry. */
    static final int MAX_PASSES = 3;

    /**
     * What one pass stored and the object version it reflects (null: the object was gone); not checkable when
     * the object was refused before its version was known.
     */
    private record Stored(IngestOutcome outcome, String version, boolean checkable) {}

    private final ObjectStore objects;
    private final ReportParser parser;
    private final FindingExtractor extractor;
    private final DocumentStore store;
    private final IngestSettings settings;
    private final Clock clock;

    public ReportIngestor(ObjectStore objects, ReportParser parser, FindingExtractor extractor, DocumentStore store,
                          IngestSettings settings, Clock clock) {
        this.objects = objects;
        this.parser = parser;
        this.extractor = extractor;
        this.store = store;
        this.settings = settings;
        this.clock = clock;
    }

    /**
     * Handles an ObjectCreated notification (and any request to reprocess an object).
     *
     * <p>Two deliveries for one key can overlap (at-least-once, concurrent invocations): a slow one that read an
     * older version may commit after a quicker one stored the newer. So after storing, the object's current
     * version is compared with the one stored; while they differ, the object is processed again.
     */
    public IngestOutcome ingest(ObjectRef ref) {
        if (!settings.accepts(ref.key())) {
            return IngestOutcome.ignored("key outside the upload prefix " + settings.uploadPrefix());
        }
        for (int pass = 1; ; pass++) {
            Stored stored = ingestOnce(ref);
            if (!stored.checkable() || Objects.equals(stored.version(), objects.currentVersion(ref).orElse(null))) {
                return stored.outcome();
            }
            if (pass == MAX_PASSES) {
                throw new TransientFailureException("object " + ref.key() + " kept changing while it was processed", null);
            }
        }
    }

    private Stored ingestOnce(ObjectRef ref) {
        ReportDocument started = document(ref, ref.version(), null, DocumentStatus.PROCESSING, null, null, null);
        store.begin(started);
        Optional<StoredObject> object;
        try {
            object = objects.read(ref, settings.maxObjectBytes());
        } catch (UnreadableReportException e) {
            return new Stored(fail(started, e.getMessage()), null, false); // refused before its version was known
        }
        if (object.isEmpty()) {
            return new Stored(delete(started, "object was deleted before it could be read"), null, true);
        }
        StoredObject read = object.get();
        ReportDocument reading = document(ref, read.version(), (long) read.content().length, DocumentStatus.PROCESSING,
                null, null, null);
        ParsedReport parsed;
        List<Finding> findings;
        try {
            parsed = parser.parse(fileName(ref.key()), read.content());
            findings = extractor.extract(parsed);
        } catch (UnreadableReportException e) {
            return new Stored(fail(reading, e.getMessage()), read.version(), true);
        } catch (RuntimeException e) {
            // A parser or extractor bug is permanent for this input: retrying would fail the same way.
            return new Stored(fail(reading, "unexpected error while reading the report: " + e.getClass().getSimpleName()),
                    read.version(), true);
        }
        List<Finding> identified = new ArrayList<>(findings.size());
        for (int i = 0; i < findings.size(); i++) {
            identified.add(findings.get(i).identified(reading.id(), i + 1));
        }
        ReportDocument processed = document(ref, read.version(), reading.size(), DocumentStatus.PROCESSED, null,
                parsed.metadata(), identified.size());
        store.complete(processed, identified);
        return new Stored(new IngestOutcome(processed.id(), DocumentStatus.PROCESSED, identified.size(), null),
                read.version(), true);
    }

    /** Handles an ObjectRemoved notification. */
    public IngestOutcome remove(ObjectRef ref) {
        if (!settings.accepts(ref.key())) {
            return IngestOutcome.ignored("key outside the upload prefix " + settings.uploadPrefix());
        }
        if (objects.exists(ref)) {
            // The key was uploaded again after this removal: its current object is what counts.
            return ingest(ref);
        }
        IngestOutcome deleted = delete(document(ref, ref.version(), null, DocumentStatus.DELETED, null, null, null), null);
        // Uploaded again while the deletion was being stored: that upload's own processing may have committed first.
        return objects.exists(ref) ? ingest(ref) : deleted;
    }

    /**
     * Records that a message kept failing transiently and is being given up to the dead-letter queue, so that
     * the document does not stay PROCESSING forever. Best effort: the store may be what is failing.
     */
    public void giveUp(ObjectRef ref, String reason) {
        if (settings.accepts(ref.key())) {
            store.fail(document(ref, ref.version(), null, DocumentStatus.FAILED, reason, null, null));
        }
    }

    private IngestOutcome fail(ReportDocument document, String reason) {
        ReportDocument failed = withStatus(document, DocumentStatus.FAILED, reason);
        store.fail(failed);
        return new IngestOutcome(failed.id(), DocumentStatus.FAILED, 0, reason);
    }

    private IngestOutcome delete(ReportDocument document, String reason) {
        ReportDocument deleted = withStatus(document, DocumentStatus.DELETED, reason);
        store.delete(deleted);
        return new IngestOutcome(deleted.id(), DocumentStatus.DELETED, 0, reason);
    }

    private ReportDocument withStatus(ReportDocument d, DocumentStatus status, String error) {
        return new ReportDocument(d.id(), d.bucket(), d.key(), d.version(), d.size(), d.format(), d.title(),
                d.published(), d.publisher(), d.language(), status, error, 0, now());
    }

    private ReportDocument document(ObjectRef ref, String version, Long size, DocumentStatus status, String error,
                                    ReportMetadata metadata, Integer findingCount) {
        ReportMetadata m = metadata == null ? ReportMetadata.of(null) : metadata;
        return new ReportDocument(DocumentIds.of(ref.bucket(), ref.key()), ref.bucket(), ref.key(), version, size,
                m.format(), m.title(), m.published(), m.publisher(), m.language(), status, error, findingCount, now());
    }

    private String now() {
        return clock.instant().toString();
    }

    private static String fileName(String key) {
        return key.substring(key.lastIndexOf('/') + 1);
    }
}
