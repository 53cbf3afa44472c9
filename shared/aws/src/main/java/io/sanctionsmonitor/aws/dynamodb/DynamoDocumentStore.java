package io.sanctionsmonitor.aws.dynamodb;

import io.sanctionsmonitor.ingest.DocumentStore;
import io.sanctionsmonitor.model.Finding;
import io.sanctionsmonitor.model.ReportDocument;
import java.util.List;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/** Placeholder replaced by the storage work on its merge. */
public final class DynamoDocumentStore implements DocumentStore {
    public DynamoDocumentStore(DynamoDbClient dynamoDb, String tableName) {}

    @Override public void begin(ReportDocument document) { throw new UnsupportedOperationException(); }
    @Override public void complete(ReportDocument document, List<Finding> findings) { throw new UnsupportedOperationException(); }
    @Override public void fail(ReportDocument document) { throw new UnsupportedOperationException(); }
    @Override public void delete(ReportDocument document) { throw new UnsupportedOperationException(); }
}
