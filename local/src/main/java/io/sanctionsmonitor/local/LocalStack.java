package io.sanctionsmonitor.local;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;

/**
 * What the local stack runs, read from template.yaml after its resources were created: where reports go, the
 * queue the processor consumes and how, the table both functions use, and the API's routes.
 */
public record LocalStack(
        StackIdentity identity,
        String bucket,
        String uploadPrefix,
        String queueUrl,
        String queueArn,
        String deadLetterQueueUrl,
        String tableName,
        SqsEventSource eventSource,
        List<ApiRoute> routes) {

    public static final String PROCESSOR_FUNCTION = "ProcessorFunction";
    public static final String API_FUNCTION = "ApiFunction";
    public static final String REPORTS_BUCKET = "ReportsBucket";

    /** Reads the stack's facts from the template; {@code resolver} knows the resources already created. */
    public static LocalStack from(CloudFormationTemplate template, StackIdentity identity, IntrinsicResolver resolver) {
        JsonNode processor = template.properties(PROCESSOR_FUNCTION);
        JsonNode sqsEvent = null;
        for (JsonNode event : processor.path("Events")) {
            if (event.path("Type").asText().equals("SQS")) {
                sqsEvent = event.path("Properties");
            }
        }
        if (sqsEvent == null) {
            throw new IllegalStateException(PROCESSOR_FUNCTION + " has no SQS event in template.yaml");
        }
        String queueArn = resolver.text(sqsEvent.path("Queue"));
        String queueId = logicalIdOfQueue(template, resolver, queueArn);
        String queueUrl = resolver.text(ref(queueId));
        String dlqArn = resolver.resolve(template.properties(queueId).path("RedrivePolicy")).path("deadLetterTargetArn").asText(null);
        String dlqUrl = dlqArn == null ? null : resolver.text(ref(logicalIdOfQueue(template, resolver, dlqArn)));

        List<String> responseTypes = new ArrayList<>();
        sqsEvent.path("FunctionResponseTypes").forEach(t -> responseTypes.add(t.asText()));
        SqsEventSource source = new SqsEventSource(
                sqsEvent.path("BatchSize").asInt(10),
                sqsEvent.path("MaximumBatchingWindowInSeconds").asInt(0),
                responseTypes.contains("ReportBatchItemFailures"),
                // Lambda's own default is far higher; one at a time keeps a laptop responsive.
                sqsEvent.path("ScalingConfig").path("MaximumConcurrency").asInt(1));

        JsonNode environment = processor.path("Environment").path("Variables");
        String table = resolver.text(environment.path("TABLE_NAME"));
        String apiTable = resolver.text(template.properties(API_FUNCTION).path("Environment").path("Variables").path("TABLE_NAME"));
        if (!table.equals(apiTable)) {
            throw new IllegalStateException("the processor writes " + table + " but the API reads " + apiTable);
        }
        String uploadPrefix = resolver.text(environment.path("UPLOAD_PREFIX"));
        return new LocalStack(identity, resolver.text(ref(REPORTS_BUCKET)), uploadPrefix, queueUrl, queueArn, dlqUrl,
                table, source, apiRoutes(template, resolver));
    }

    /** The routes whose integration invokes the API function. */
    static List<ApiRoute> apiRoutes(CloudFormationTemplate template, IntrinsicResolver resolver) {
        List<ApiRoute> routes = new ArrayList<>();
        template.resourcesOfType("AWS::ApiGatewayV2::Route").forEach((id, route) -> {
            JsonNode properties = route.path("Properties");
            String integration = IntrinsicResolver.references(properties.path("Target")).stream().findFirst()
                    .orElseThrow(() -> new IllegalStateException(id + " has no Target integration"));
            if (IntrinsicResolver.references(template.properties(integration).path("IntegrationUri")).stream()
                    .anyMatch(ref -> ref.equals(API_FUNCTION) || ref.startsWith(API_FUNCTION + "."))) {
                routes.add(ApiRoute.parse(resolver.text(properties.path("RouteKey"))));
            }
        });
        return List.copyOf(routes);
    }

    private static String logicalIdOfQueue(CloudFormationTemplate template, IntrinsicResolver resolver, String arn) {
        for (String id : template.resourcesOfType(StackProvisioner.QUEUE).keySet()) {
            if (resolver.text(getAtt(id, "Arn")).equals(arn)) {
                return id;
            }
        }
        throw new IllegalStateException("no queue in template.yaml has the ARN " + arn);
    }

    private static JsonNode ref(String logicalId) {
        return com.fasterxml.jackson.databind.node.JsonNodeFactory.instance.objectNode().put("Ref", logicalId);
    }

    private static JsonNode getAtt(String logicalId, String attribute) {
        var nodes = com.fasterxml.jackson.databind.node.JsonNodeFactory.instance;
        return nodes.objectNode().set("Fn::GetAtt", nodes.arrayNode().add(logicalId).add(attribute));
    }
}
