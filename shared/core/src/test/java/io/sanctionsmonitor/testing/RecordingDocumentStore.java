package io.sanctionsmonitor.testing;

import io.sanctionsmonitor.ingest.DocumentStore;
import io.sanctionsmonitor.model.Finding;
import io.sanctionsmonitor.model.ReportDocument;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** Keeps the latest state of each document and its findings, as a real store would, for core tests. */
public class RecordingDocumentStore implements DocumentStore {
    private final Map<String, ReportDocument> documents = new ConcurrentHashMap<>();
    private final Map<String, List<Finding>> findings = new ConcurrentHashMap<>();

    @Override
    public void begin(ReportDocument document) {
        documents.put(document.id(), document);
    }

    @Override
    public void complete(ReportDocument document, List<Finding> documentFindings) {
        documents.put(document.id(), document);
        findings.put(document.id(), List.copyOf(documentFindings));
    }

    @Override
    public void fail(ReportDocument document) {
        documents.put(document.id(), document);
        findings.remove(document.id());
    }

    @Override
    public void delete(ReportDocument document) {
        documents.put(document.id(), document);
        findings.remove(document.id());
    }

    public ReportDocument document(String id) {
        return documents.get(id);
    }

    public List<Finding> findings(String documentId) {
        return findings.getOrDefault(documentId, List.of());
    }
}
