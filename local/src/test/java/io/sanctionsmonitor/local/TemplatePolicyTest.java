package io.sanctionsmonitor.local;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * Reads template.yaml and holds it to the security requirements: least-privilege IAM (no wildcard action or
 * resource, a read-only API function, a processor that reads only the upload prefix), encryption at rest,
 * TLS-only access, blocked public access, versioning, point-in-time recovery, authenticated routes.
 */
class TemplatePolicyTest {
    private static final Set<String> READ_VERBS = Set.of("Get", "BatchGet", "Query", "Scan", "Describe", "List");
    /** Writes to its own log streams are the one write every function needs. */
    private static final Set<String> OWN_LOG_WRITES = Set.of("logs:CreateLogStream", "logs:PutLogEvents");

    private final CloudFormationTemplate template = CloudFormationTemplate.read(TemplateFiles.template());

    @Test
    void noAllowStatementHasAWildcardActionOrResource() {
        assertEquals(List.of(), wildcardViolations(template));
    }

    @Test
    void wildcardCheckCatchesAStarActionAndAStarResource() {
        ObjectNode root = template.root().deepCopy();
        ArrayNode statements = (ArrayNode) root.at("/Resources/ApiFunctionRole/Properties/Policies/0/PolicyDocument/Statement");
        statements.addObject().put("Effect", "Allow").put("Action", "dynamodb:*").put("Resource", "*");
        List<String> violations = wildcardViolations(new CloudFormationTemplate(root));
        assertTrue(violations.stream().anyMatch(v -> v.contains("dynamodb:*")), violations.toString());
        assertTrue(violations.stream().anyMatch(v -> v.contains("resource *")), violations.toString());
    }

    @Test
    void functionsUseTheTemplatesOwnRolesSoSamAddsNoManagedPolicies() {
        for (String function : List.of(LocalStack.PROCESSOR_FUNCTION, LocalStack.API_FUNCTION)) {
            JsonNode properties = template.properties(function);
            assertTrue(properties.path("Policies").isMissingNode(), function + " must not use SAM Policies");
            String role = properties.path("Role").path("Fn::GetAtt").path(0).asText();
            assertEquals("AWS::IAM::Role", template.type(role), function + " must name a role of this template");
            assertTrue(template.properties(role).path("ManagedPolicyArns").isMissingNode(), role + " has managed policies");
        }
    }

    @Test
    void apiFunctionCanOnlyRead() {
        assertEquals(List.of(), writeActions(template, "ApiFunctionRole"));
    }

    @Test
    void readOnlyCheckCatchesAWriteAction() {
        ObjectNode root = template.root().deepCopy();
        ((ArrayNode) root.at("/Resources/ApiFunctionRole/Properties/Policies/0/PolicyDocument/Statement/0/Action"))
                .add("dynamodb:PutItem");
        assertEquals(List.of("dynamodb:PutItem"), writeActions(new CloudFormationTemplate(root), "ApiFunctionRole"));
    }

    @Test
    void processorReadsOnlyTheUploadPrefixAndNeverWritesToTheBucket() {
        String prefix = template.properties(LocalStack.PROCESSOR_FUNCTION).at("/Environment/Variables/UPLOAD_PREFIX").asText();
        for (JsonNode statement : allowStatements(template.properties("ProcessorFunctionRole"))) {
            for (String action : texts(statement.path("Action"))) {
                if (!action.startsWith("s3:")) {
                    continue;
                }
                assertTrue(Set.of("s3:GetObject", "s3:GetObjectVersion", "s3:ListBucket").contains(action), action);
                if (action.equals("s3:ListBucket")) {
                    assertEquals(prefix + "*", statement.at("/Condition/StringLike/s3:prefix").asText());
                } else {
                    assertEquals("${ReportsBucket.Arn}/" + prefix + "*", statement.path("Resource").path("Fn::Sub").asText());
                }
            }
        }
    }

    @Test
    void processorWritesOnlyItsTableAndConsumesOnlyItsQueue() {
        for (JsonNode statement : allowStatements(template.properties("ProcessorFunctionRole"))) {
            List<String> actions = texts(statement.path("Action"));
            Set<String> resources = IntrinsicResolver.references(statement.path("Resource"));
            if (actions.stream().anyMatch(a -> a.startsWith("dynamodb:"))) {
                assertEquals(Set.of("FindingsTable"), resources);
            }
            if (actions.stream().anyMatch(a -> a.startsWith("sqs:"))) {
                assertEquals(Set.of("ReportEventsQueue"), resources);
                assertTrue(actions.stream().noneMatch(a -> a.equals("sqs:SendMessage")), "processor must not send");
            }
        }
    }

    @Test
    void bucketIsEncryptedVersionedPrivateAndTlsOnly() {
        JsonNode bucket = template.properties(LocalStack.REPORTS_BUCKET);
        assertFalse(bucket.at("/BucketEncryption/ServerSideEncryptionConfiguration/0/ServerSideEncryptionByDefault/SSEAlgorithm")
                .asText().isEmpty());
        for (String block : List.of("BlockPublicAcls", "BlockPublicPolicy", "IgnorePublicAcls", "RestrictPublicBuckets")) {
            assertTrue(bucket.path("PublicAccessBlockConfiguration").path(block).asBoolean(), block);
        }
        assertEquals("Enabled", bucket.at("/VersioningConfiguration/Status").asText());
        JsonNode policy = template.resourcesOfType("AWS::S3::BucketPolicy").values().stream()
                .filter(p -> IntrinsicResolver.references(p.at("/Properties/Bucket")).contains(LocalStack.REPORTS_BUCKET))
                .findFirst().orElseThrow(() -> new AssertionError("no bucket policy for ReportsBucket"));
        JsonNode deny = denyInsecureTransport(policy.at("/Properties/PolicyDocument"));
        List<String> resources = new ArrayList<>();
        deny.path("Resource").forEach(r -> resources.add(r.toString()));
        assertTrue(resources.contains("{\"Fn::GetAtt\":[\"ReportsBucket\",\"Arn\"]}"), resources.toString());
        assertTrue(resources.contains("{\"Fn::Sub\":\"${ReportsBucket.Arn}/*\"}"), resources.toString());
    }

    @Test
    void queuesAreEncryptedAndTlsOnly() {
        Map<String, JsonNode> queues = template.resourcesOfType("AWS::SQS::Queue");
        assertEquals(Set.of("ReportEventsQueue", "ReportEventsDeadLetterQueue"), queues.keySet());
        for (String queue : queues.keySet()) {
            JsonNode properties = template.properties(queue);
            assertTrue(properties.path("SqsManagedSseEnabled").asBoolean() || properties.has("KmsMasterKeyId"), queue);
            JsonNode policy = template.resourcesOfType("AWS::SQS::QueuePolicy").values().stream()
                    .filter(p -> IntrinsicResolver.references(p.at("/Properties/Queues")).contains(queue))
                    .findFirst().orElseThrow(() -> new AssertionError("no queue policy for " + queue));
            denyInsecureTransport(policy.at("/Properties/PolicyDocument"));
        }
    }

    @Test
    void tableIsEncryptedWithPointInTimeRecoveryAndTheContractsKeys() {
        JsonNode table = template.properties("FindingsTable");
        assertTrue(table.at("/SSESpecification/SSEEnabled").asBoolean());
        assertTrue(table.at("/PointInTimeRecoverySpecification/PointInTimeRecoveryEnabled").asBoolean());
        assertEquals("PAY_PER_REQUEST", table.path("BillingMode").asText());
        assertEquals("[{\"AttributeName\":\"pk\",\"KeyType\":\"HASH\"},{\"AttributeName\":\"sk\",\"KeyType\":\"RANGE\"}]",
                table.path("KeySchema").toString());
        List<String> indexes = new ArrayList<>();
        table.path("GlobalSecondaryIndexes").forEach(i -> indexes.add(i.path("IndexName").asText() + ":"
                + i.at("/KeySchema/0/AttributeName").asText() + "/" + i.at("/KeySchema/1/AttributeName").asText()
                + ":" + i.at("/Projection/ProjectionType").asText()));
        assertEquals(List.of("gsi1:gsi1pk/gsi1sk:ALL", "gsi2:gsi2pk/gsi2sk:ALL"), indexes);
    }

    @Test
    void queueOutlastsTheProcessorAndRedrivesAfterFiveReceives() {
        JsonNode processor = template.properties(LocalStack.PROCESSOR_FUNCTION);
        JsonNode queue = template.properties("ReportEventsQueue");
        int window = processor.at("/Events/ReportEvents/Properties/MaximumBatchingWindowInSeconds").asInt();
        assertTrue(queue.path("VisibilityTimeout").asInt() >= 6 * processor.path("Timeout").asInt() + window);
        assertEquals(5, queue.at("/RedrivePolicy/maxReceiveCount").asInt());
        assertEquals(queue.at("/RedrivePolicy/maxReceiveCount").asText(),
                processor.at("/Environment/Variables/MAX_RECEIVE_COUNT").asText(), "the processor knows its last attempt");
        assertEquals(1_209_600, template.properties("ReportEventsDeadLetterQueue").path("MessageRetentionPeriod").asInt());
        assertEquals("[\"ReportBatchItemFailures\"]",
                processor.at("/Events/ReportEvents/Properties/FunctionResponseTypes").toString());
    }

    @Test
    void notificationsCoverCreatedAndRemovedUnderTheProcessorsPrefix() {
        String prefix = template.properties(LocalStack.PROCESSOR_FUNCTION).at("/Environment/Variables/UPLOAD_PREFIX").asText();
        List<String> events = new ArrayList<>();
        for (JsonNode q : template.properties(LocalStack.REPORTS_BUCKET).at("/NotificationConfiguration/QueueConfigurations")) {
            events.add(q.path("Event").asText());
            assertEquals("prefix=" + prefix, q.at("/Filter/S3Key/Rules/0/Name").asText() + "=" + q.at("/Filter/S3Key/Rules/0/Value").asText());
            assertEquals("ReportEventsQueue", q.at("/Queue/Fn::GetAtt/0").asText());
        }
        assertEquals(List.of("s3:ObjectCreated:*", "s3:ObjectRemoved:*"), events);
    }

    @Test
    void everyRouteRequiresIamByDefaultAndJwtWhenChosen() {
        StackIdentity stack = StackIdentity.local("policy-test");
        IntrinsicResolver defaults = new IntrinsicResolver(template, stack, Map.of());
        IntrinsicResolver jwt = new IntrinsicResolver(template, stack, Map.of("ApiAuthorization", "JWT"));
        Map<String, JsonNode> routes = template.resourcesOfType("AWS::ApiGatewayV2::Route");
        assertEquals(documentedRouteKeys(), routes.values().stream()
                .map(r -> defaults.text(r.at("/Properties/RouteKey"))).collect(Collectors.toCollection(TreeSet::new)),
                "the template routes exactly the paths openapi.json documents");
        for (JsonNode route : routes.values()) {
            assertEquals("AWS_IAM", defaults.text(route.at("/Properties/AuthorizationType")));
            assertEquals("JWT", jwt.text(route.at("/Properties/AuthorizationType")));
        }
    }

    @Test
    void corsIsOffByDefaultAndTheStageIsThrottled() {
        IntrinsicResolver defaults = new IntrinsicResolver(template, StackIdentity.local("policy-test"), Map.of());
        assertTrue(defaults.resolve(template.properties("FindingsHttpApi")).path("CorsConfiguration").isMissingNode());
        IntrinsicResolver withOrigins = new IntrinsicResolver(template, StackIdentity.local("policy-test"),
                Map.of("CorsAllowedOrigins", "https://monitor.example.org"));
        assertEquals("[\"https://monitor.example.org\"]", withOrigins.resolve(template.properties("FindingsHttpApi"))
                .at("/CorsConfiguration/AllowOrigins").toString());
        JsonNode throttling = defaults.resolve(template.properties("FindingsApiStage").path("DefaultRouteSettings"));
        assertTrue(throttling.path("ThrottlingRateLimit").asDouble() > 0);
        assertTrue(throttling.path("ThrottlingBurstLimit").asInt() > 0);
    }

    private static Set<String> documentedRouteKeys() {
        try (InputStream in = TemplatePolicyTest.class.getResourceAsStream("/query/openapi.json")) {
            Set<String> keys = new TreeSet<>();
            new ObjectMapper().readTree(in).get("paths").fieldNames().forEachRemaining(path -> keys.add("GET " + path));
            return keys;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    // ------------------------------------------------------------------ checks

    /** Every Allow statement of every role and policy whose action or resource is a wildcard. */
    static List<String> wildcardViolations(CloudFormationTemplate template) {
        List<String> violations = new ArrayList<>();
        for (String type : List.of("AWS::IAM::Role", "AWS::IAM::Policy", "AWS::IAM::ManagedPolicy")) {
            template.resourcesOfType(type).forEach((id, resource) -> {
                for (JsonNode statement : allowStatements(resource.path("Properties"))) {
                    if (statement.has("NotAction") || statement.has("NotResource")) {
                        violations.add(id + ": NotAction/NotResource in an Allow statement");
                    }
                    for (String action : texts(statement.path("Action"))) {
                        if (action.contains("*")) {
                            violations.add(id + ": action " + action);
                        }
                    }
                    for (JsonNode resourceNode : asList(statement.path("Resource"))) {
                        String resourceText = resourceNode.isTextual() ? resourceNode.asText()
                                : resourceNode.path("Fn::Sub").isTextual() ? resourceNode.path("Fn::Sub").asText() : "";
                        if (tooBroad(resourceText)) {
                            violations.add(id + ": resource " + resourceText);
                        }
                    }
                }
            });
        }
        return violations;
    }

    /**
     * A resource is too broad when it is "*", names no specific resource, or has a wildcard anywhere but as the
     * last path segment under a named resource (".../reports/*", ".../index/*", "...:log-stream:*" are fine).
     */
    private static boolean tooBroad(String resource) {
        if (resource.isEmpty()) {
            return false; // Fn::GetAtt of a resource of this template
        }
        int star = resource.indexOf('*');
        if (star < 0) {
            return false;
        }
        // Pseudo parameters stand for one partition, region or account: read them as plain names.
        String head = resource.substring(0, star).replaceAll("\\$\\{AWS::[A-Za-z]+}", "pseudo");
        boolean onlyAtEnd = star == resource.length() - 1;
        boolean underNamedResource = head.matches("\\$\\{[A-Za-z0-9]+\\.Arn}/([^*]+/)?")
                || head.matches("arn:[^:]+:[^:]+:[^:]*:[^:]*:[^*]+[/:]");
        return !(onlyAtEnd && underNamedResource);
    }

    /** The actions of a role's Allow statements that are not reads (its own log writes excepted). */
    static List<String> writeActions(CloudFormationTemplate template, String roleId) {
        List<String> writes = new ArrayList<>();
        for (JsonNode statement : allowStatements(template.properties(roleId))) {
            for (String action : texts(statement.path("Action"))) {
                String verb = action.substring(action.indexOf(':') + 1);
                boolean read = READ_VERBS.stream().anyMatch(verb::startsWith);
                if (!read && !OWN_LOG_WRITES.contains(action)) {
                    writes.add(action);
                }
            }
        }
        return writes;
    }

    private static List<JsonNode> allowStatements(JsonNode properties) {
        List<JsonNode> statements = new ArrayList<>();
        List<JsonNode> documents = new ArrayList<>();
        properties.path("Policies").forEach(p -> documents.add(p.path("PolicyDocument")));
        documents.add(properties.path("PolicyDocument"));
        for (JsonNode document : documents) {
            for (JsonNode statement : asList(document.path("Statement"))) {
                if (statement.path("Effect").asText().equals("Allow")) {
                    statements.add(statement);
                }
            }
        }
        return statements;
    }

    private static JsonNode denyInsecureTransport(JsonNode document) {
        for (JsonNode statement : asList(document.path("Statement"))) {
            if (statement.path("Effect").asText().equals("Deny")
                    && statement.at("/Condition/Bool/aws:SecureTransport").asText().equals("false")) {
                return statement;
            }
        }
        throw new AssertionError("no statement denies requests without TLS in " + document);
    }

    private static List<JsonNode> asList(JsonNode node) {
        List<JsonNode> items = new ArrayList<>();
        if (node.isArray()) {
            node.forEach(items::add);
        } else if (!node.isMissingNode()) {
            items.add(node);
        }
        return items;
    }

    private static List<String> texts(JsonNode node) {
        return asList(node).stream().map(JsonNode::asText).toList();
    }
}
