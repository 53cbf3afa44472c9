package io.sanctionsmonitor.benchmarks.coldstart.probe;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.amazonaws.services.lambda.runtime.events.SQSBatchResponse;
import com.amazonaws.services.lambda.runtime.events.SQSEvent;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** The events a probe hands to its handler, built as Lambda's runtime would deliver them, and their outcome. */
public final class ProbeEvents {
    private ProbeEvents() {}

    /** An SQS batch of one message carrying the S3 ObjectCreated notification of {@code bucket/key}. */
    public static SQSEvent sqs(String bucket, String key) {
        String body = """
                {"Records":[{"eventVersion":"2.1","eventSource":"aws:s3","awsRegion":"us-east-1",\
                "eventTime":"2026-11-27T12:00:00.000Z","eventName":"ObjectCreated:Put",\
                "s3":{"s3SchemaVersion":"1.0","configurationId":"ReportUploads",\
                "bucket":{"name":"%s","arn":"arn:aws:s3:::%s"},\
                "object":{"key":"%s","size":1,"eTag":"0","sequencer":"00"}}}]}""".formatted(bucket, bucket, key);
        SQSEvent.SQSMessage message = new SQSEvent.SQSMessage();
        message.setMessageId("coldstart-message-1");
        message.setReceiptHandle("coldstart-receipt-1");
        message.setBody(body);
        Map<String, String> attributes = new HashMap<>();
        attributes.put("ApproximateReceiveCount", "1");
        message.setAttributes(attributes);
        message.setEventSource("aws:sqs");
        message.setEventSourceArn("arn:aws:sqs:us-east-1:123456789012:coldstart");
        message.setAwsRegion("us-east-1");
        SQSEvent event = new SQSEvent();
        event.setRecords(List.of(message));
        return event;
    }

    /** An HTTP API (payload 2.0) GET of {@code path}. */
    public static APIGatewayV2HTTPEvent http(String path) {
        return APIGatewayV2HTTPEvent.builder()
                .withVersion("2.0")
                .withRouteKey("GET " + path)
                .withRawPath(path)
                .withRawQueryString("")
                .withHeaders(Map.of("accept", "application/json"))
                .withRequestContext(APIGatewayV2HTTPEvent.RequestContext.builder()
                        .withStage("$default")
                        .withRequestId("coldstart-request")
                        .withHttp(APIGatewayV2HTTPEvent.RequestContext.Http.builder()
                                .withMethod("GET").withPath(path).withProtocol("HTTP/1.1")
                                .withSourceIp("127.0.0.1").withUserAgent("coldstart-probe").build())
                        .build())
                .withIsBase64Encoded(false)
                .build();
    }

    /**
     * {@code ok} when the handler did its job, else why not: a processor batch must have no failures and its log
     * must show the document PROCESSED; an API response must be a 200. Baselines answer their own word.
     */
    public static String outcome(Object response, List<String> log) {
        if (response instanceof String baseline) {
            return baseline;
        }
        if (response == null) {
            return "null-response";
        }
        if (response instanceof SQSBatchResponse batch) {
            if (!batch.getBatchItemFailures().isEmpty()) {
                return "batch-item-failures";
            }
            return log.stream().anyMatch(line -> line.contains("\"status\":\"PROCESSED\"")) ? "ok" : "not-processed";
        }
        if (response instanceof APIGatewayV2HTTPResponse http) {
            return http.getStatusCode() == 200 ? "ok" : "status-" + http.getStatusCode();
        }
        return "unknown-response-" + response.getClass().getSimpleName();
    }
}
