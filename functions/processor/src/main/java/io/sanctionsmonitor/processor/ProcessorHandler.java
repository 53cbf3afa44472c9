package io.sanctionsmonitor.processor;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.SQSBatchResponse;
import com.amazonaws.services.lambda.runtime.events.SQSEvent;
import io.sanctionsmonitor.aws.AwsClients;
import io.sanctionsmonitor.aws.LambdaEnvironment;
import io.sanctionsmonitor.aws.dynamodb.DynamoDocumentStore;
import io.sanctionsmonitor.aws.s3.S3ObjectStore;
import io.sanctionsmonitor.extract.FindingExtractor;
import io.sanctionsmonitor.extract.RuleBasedFindingExtractor;
import io.sanctionsmonitor.ingest.DocumentStore;
import io.sanctionsmonitor.ingest.IngestSettings;
import io.sanctionsmonitor.ingest.ObjectStore;
import io.sanctionsmonitor.ingest.ReportIngestor;
import io.sanctionsmonitor.ingest.ReportParser;
import io.sanctionsmonitor.parsing.DetectingReportParser;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import org.crac.Core;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * The processor function: an SQS batch of S3 notifications in, the messages to retry out.
 * Builds its collaborators once per execution environment; {@link #handleRequest} only delegates.
 */
public final class ProcessorHandler implements RequestHandler<SQSEvent, SQSBatchResponse> {
    /** The queue's maxReceiveCount in template.yaml; overridable for other deployments. */
    static final int DEFAULT_MAX_RECEIVE_COUNT = 5;

    private final ReportEventsConsumer consumer;
    /** Held here because the CRaC context keeps only weak references to its resources. */
    private final ProcessorPriming priming;

    /** Called by Lambda: configuration from the environment the template sets. */
    public ProcessorHandler() {
        this(AwsClients.s3(), AwsClients.dynamoDb(), LambdaEnvironment.required("TABLE_NAME"));
    }

    public ProcessorHandler(S3Client s3, DynamoDbClient dynamoDb, String tableName) {
        this(new S3ObjectStore(s3), new DynamoDocumentStore(dynamoDb, tableName), System.getenv());
    }

    ProcessorHandler(ObjectStore objects, DocumentStore store, Map<String, String> env) {
        this(objects, new DetectingReportParser(), new RuleBasedFindingExtractor(), store, env);
    }

    private ProcessorHandler(ObjectStore objects, DetectingReportParser parser, FindingExtractor extractor,
                             DocumentStore store, Map<String, String> env) {
        this(objects, parser, parser::warmUp, extractor, store, env);
    }

    /** @param parserWarmUp loads every format's reader, so the SnapStart snapshot carries them */
    ProcessorHandler(ObjectStore objects, ReportParser parser, Runnable parserWarmUp, FindingExtractor extractor,
                     DocumentStore store, Map<String, String> env) {
        ReportIngestor ingestor = new ReportIngestor(objects, parser, extractor, store,
                IngestSettings.fromEnvironment(env), Clock.systemUTC());
        this.consumer = new ReportEventsConsumer(new S3Notifications(), ingestor, maxReceiveCount(env));
        this.priming = new ProcessorPriming(parser, parserWarmUp, extractor);
        Core.getGlobalContext().register(priming);
    }

    @Override
    public SQSBatchResponse handleRequest(SQSEvent event, Context context) {
        ProcessorLog log = new ProcessorLog(line -> context.getLogger().log(line + "\n"), context.getAwsRequestId());
        long started = System.nanoTime();
        List<SQSEvent.SQSMessage> messages = event.getRecords() == null ? List.of() : event.getRecords();
        SQSBatchResponse response = consumer.consume(messages, log);
        log.batch(messages.size(), response.getBatchItemFailures().size(), System.nanoTime() - started);
        return response;
    }

    private static int maxReceiveCount(Map<String, String> env) {
        String value = env.get("MAX_RECEIVE_COUNT");
        return value == null || value.isBlank() ? DEFAULT_MAX_RECEIVE_COUNT : Integer.parseInt(value.trim());
    }
}
