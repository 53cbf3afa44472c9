package io.sanctionsmonitor.model;

/** Finding ids are derived from their document's id and position, so re-processing rewrites, never adds. */
public final class FindingIds {
    private FindingIds() {}

    public static String of(String documentId, int ordinal) {
        return documentId + "-" + String.format("%04d", ordinal);
    }

    /** The document id a finding id belongs to, or null when the id is not a finding id. */
    public static String documentOf(String findingId) {
        int dash = findingId.lastIndexOf('-');
        return dash > 0 ? findingId.substring(0, dash) : null;
    }
}
