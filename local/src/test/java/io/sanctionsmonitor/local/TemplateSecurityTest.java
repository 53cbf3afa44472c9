package io.sanctionsmonitor.local;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/**
 * The security requirements of issue 7 that {@link TemplatePolicyTest} leaves open: every policy document in the
 * template (not only IAM roles) is free of wildcard grants and public principals; each function's role holds
 * exactly an allow-list of actions on its own resources; nothing attaches more to the roles; no implicit or
 * unauthenticated API route can appear; the TLS-deny statements cover every action; ACLs are disabled; the
 * cursor secret has no default; access logs carry no query text; CORS never opens to every origin.
 */
class TemplateSecurityTest {

    /** The API function reads; these are all it may do. */
    private static final Set<String> API_ACTIONS = Set.of("dynamodb:GetItem", "dynamodb:BatchGetItem",
            "dynamodb:Query", "dynamodb:DescribeTable", "logs:CreateLogStream", "logs:PutLogEvents");
    /** Writes the API function must never hold, whatever else changes (issue 7.2). */
    private static final Set<String> WRITES = Set.of("dynamodb:PutItem", "dynamodb:UpdateItem", "dynamodb:DeleteItem",
            "dynamodb:BatchWriteItem", "dynamodb:TransactWriteItems", "dynamodb:PartiQLInsert", "dynamodb:PartiQLUpdate",
            "dynamodb:PartiQLDelete", "dynamodb:CreateTable", "dynamodb:DeleteTable", "dynamodb:UpdateTable",
            "s3:PutObject", "s3:DeleteObject", "s3:DeleteObjectVersion", "s3:PutBucketPolicy", "sqs:SendMessage",
            "sqs:DeleteMessage", "sqs:PurgeQueue", "iam:PassRole", "lambda:InvokeFunction");
    /** The processor's whole allow-list: reads of the upload prefix, its table, its queue and its log streams. */
    private static final Map<String, Set<String>> PROCESSOR_ACTIONS = Map.of(
            "s3:GetObject", Set.of("ReportsBucket"), "s3:GetObjectVersion", Set.of("ReportsBucket"),
            "s3:ListBucket", Set.of("ReportsBucket"),
            "sqs:ReceiveMessage", Set.of("ReportEventsQueue"), "sqs:DeleteMessage", Set.of("ReportEventsQueue"),
            "sqs:ChangeMessageVisibility", Set.of("ReportEventsQueue"), "sqs:GetQueueAttributes", Set.of("ReportEventsQueue"),
            "logs:CreateLogStream", Set.of("ProcessorLogGroup"), "logs:PutLogEvents", Set.of("ProcessorLogGroup"));

    private final CloudFormationTemplate template = CloudFormationTemplate.read(TemplateFiles.template());

    @Test
    void noPolicyDocumentAnywhereAllowsAWildcardOrAPublicPrincipal() {
        assertEquals(List.of(), allowViolations(template));
    }

    @Test
    void theAnywhereCheckCatchesAPublicGrantInABucketPolicy() {
        ObjectNode root = template.root().deepCopy();
        ((ArrayNode) root.at("/Resources/ReportsBucketPolicy/Properties/PolicyDocument/Statement")).addObject()
                .put("Effect", "Allow").put("Principal", "*").put("Action", "s3:Get*").put("Resource", "*");
        List<String> violations = allowViolations(new CloudFormationTemplate(root));
        assertTrue(violations.stream().anyMatch(v -> v.contains("principal")), violations.toString());
        assertTrue(violations.stream().anyMatch(v -> v.contains("action s3:Get*")), violations.toString());
        assertTrue(violations.stream().anyMatch(v -> v.contains("resource *")), violations.toString());
    }

    @Test
    void theApiFunctionHoldsOnlyReadsOfItsTableAndItsOwnLogStreams() {
        List<JsonNode> statements = roleStatements(template, "ApiFunctionRole");
        Set<String> actions = new TreeSet<>();
        for (JsonNode statement : statements) {
            List<String> own = texts(statement.path("Action"));
            actions.addAll(own);
            Set<String> resources = IntrinsicResolver.references(statement.path("Resource"));
            if (own.stream().anyMatch(a -> a.startsWith("dynamodb:"))) {
                assertEquals(Set.of("FindingsTable"), resources, "the API reads only its table");
            }
            if (own.stream().anyMatch(a -> a.startsWith("logs:"))) {
                assertEquals(Set.of("ApiLogGroup"), resources, "the API writes only its own log streams");
            }
        }
        assertTrue(API_ACTIONS.containsAll(actions), "not on the API's allow-list: " + diff(actions, API_ACTIONS));
        assertEquals(Set.of(), intersection(actions, WRITES));
    }

    @Test
    void theProcessorHoldsOnlyItsAllowListOnItsOwnResources() {
        for (JsonNode statement : roleStatements(template, "ProcessorFunctionRole")) {
            Set<String> resources = IntrinsicResolver.references(statement.path("Resource"));
            for (String action : texts(statement.path("Action"))) {
                if (action.startsWith("dynamodb:")) {
                    assertEquals(Set.of("FindingsTable"), resources, action);
                    assertFalse(Set.of("dynamodb:DeleteTable", "dynamodb:UpdateTable", "dynamodb:CreateTable").contains(action), action);
                    continue;
                }
                assertTrue(PROCESSOR_ACTIONS.containsKey(action), action + " is not on the processor's allow-list");
                assertEquals(PROCESSOR_ACTIONS.get(action), resources, action);
            }
        }
    }

    @Test
    void nothingAttachesFurtherPoliciesToTheFunctionRoles() {
        for (String type : List.of("AWS::IAM::Policy", "AWS::IAM::ManagedPolicy")) {
            template.resourcesOfType(type).forEach((id, resource) -> {
                Set<String> roles = IntrinsicResolver.references(resource.at("/Properties/Roles"));
                assertFalse(roles.contains("ApiFunctionRole") || roles.contains("ProcessorFunctionRole"), id + " extends " + roles);
            });
        }
        for (String role : List.of("ApiFunctionRole", "ProcessorFunctionRole")) {
            JsonNode properties = template.properties(role);
            JsonNode trust = properties.at("/AssumeRolePolicyDocument/Statement");
            assertEquals(1, trust.size(), role);
            assertEquals("lambda.amazonaws.com", trust.at("/0/Principal/Service").asText(), role + " is assumed by Lambda only");
        }
    }

    @Test
    void noImplicitOrUnauthenticatedApiRouteCanAppear() {
        // A SAM Api/HttpApi event would create an implicit API whose routes have no authorizer.
        for (String type : List.of("AWS::Serverless::Function")) {
            template.resourcesOfType(type).forEach((id, function) -> function.at("/Properties/Events").forEach(event ->
                    assertFalse(Set.of("Api", "HttpApi").contains(event.path("Type").asText()), id + " has an implicit API event")));
        }
        assertEquals(Set.of(), template.resourcesOfType("AWS::Serverless::HttpApi").keySet());
        assertEquals(Set.of(), template.resourcesOfType("AWS::Serverless::Api").keySet());
        assertEquals(Set.of(), template.resourcesOfType("AWS::ApiGateway::RestApi").keySet());
        for (String parameterValue : List.of("IAM", "JWT")) {
            IntrinsicResolver resolver = new IntrinsicResolver(template, StackIdentity.local("security-test"),
                    Map.of("ApiAuthorization", parameterValue, "JwtIssuer", "https://issuer.example", "JwtAudience", "client"));
            template.resourcesOfType("AWS::ApiGatewayV2::Route").forEach((id, route) -> {
                String key = resolver.text(route.at("/Properties/RouteKey"));
                assertTrue(key.startsWith("GET /"), id + ": only GET routes, no $default or ANY route: " + key);
                assertFalse(Set.of("NONE", "").contains(resolver.text(route.at("/Properties/AuthorizationType"))), id);
            });
        }
        JsonNode permission = template.properties("ApiFunctionInvokePermission");
        assertEquals("apigateway.amazonaws.com", permission.path("Principal").asText());
        String sourceArn = permission.at("/SourceArn/Fn::Sub").asText();
        assertTrue(sourceArn.contains("${FindingsHttpApi}/*/GET/"), "invocation only from this API's GET routes: " + sourceArn);
        assertEquals("$request.header.Authorization", template.properties("JwtAuthorizer").at("/IdentitySource/0").asText());
    }

    @Test
    void tlsDenialsCoverEveryActionForEveryone() {
        for (String policy : List.of("ReportsBucketPolicy", "ReportEventsQueuePolicy", "ReportEventsDeadLetterQueuePolicy")) {
            JsonNode deny = null;
            for (JsonNode statement : template.properties(policy).at("/PolicyDocument/Statement")) {
                if (statement.at("/Condition/Bool/aws:SecureTransport").asText().equals("false")) {
                    deny = statement;
                }
            }
            assertTrue(deny != null, policy + " has no TLS-only statement");
            assertEquals("Deny", deny.path("Effect").asText(), policy);
            assertEquals("*", deny.path("Principal").asText(), policy + ": the denial must apply to every principal");
            assertTrue(deny.path("Action").asText().matches("(s3|sqs):\\*"), policy + ": the denial must cover every action");
        }
    }

    @Test
    void theBucketDisablesAclsAndOnlyS3OfThisAccountMaySendToTheQueue() {
        assertEquals("BucketOwnerEnforced",
                template.properties(LocalStack.REPORTS_BUCKET).at("/OwnershipControls/Rules/0/ObjectOwnership").asText());
        for (JsonNode statement : template.properties("ReportEventsQueuePolicy").at("/PolicyDocument/Statement")) {
            if (statement.path("Effect").asText().equals("Allow")) {
                assertEquals("s3.amazonaws.com", statement.at("/Principal/Service").asText());
                assertEquals(List.of("sqs:SendMessage"), texts(statement.path("Action")));
                // Without both conditions any bucket (of any account) could fill the queue: the confused deputy.
                assertFalse(statement.at("/Condition/ArnEquals/aws:SourceArn").isMissingNode(), "aws:SourceArn");
                assertFalse(statement.at("/Condition/StringEquals/aws:SourceAccount").isMissingNode(), "aws:SourceAccount");
            }
        }
    }

    @Test
    void theCursorSecretHasNoDefaultIsHiddenAndLongEnough() {
        JsonNode secret = template.parameter("CursorSecret");
        assertTrue(secret.path("Default").isMissingNode(), "a default secret would be shared by every deployment");
        assertTrue(secret.path("NoEcho").asBoolean());
        assertTrue(secret.path("MinLength").asInt() >= 32);
        template.root().path("Outputs").forEach(output ->
                assertFalse(IntrinsicResolver.references(output).contains("CursorSecret"), "an output shows the secret"));
    }

    @Test
    void accessLogsCarryNoQueryTextAndEveryLogGroupExpires() {
        String format = template.properties("FindingsApiStage").at("/AccessLogSettings/Format").asText();
        assertTrue(format.contains("$context.requestId"), format);
        for (String forbidden : List.of("$context.path", "$request.querystring", "$context.authorizer", "$request.header")) {
            assertFalse(format.contains(forbidden), "the access log would carry request text: " + forbidden);
        }
        template.resourcesOfType("AWS::Logs::LogGroup").forEach((id, group) ->
                assertFalse(group.at("/Properties/RetentionInDays").isMissingNode(), id + " keeps logs forever"));
    }

    @Test
    void corsNeverAllowsCredentialsAndTheThrottleDefaultsAreBounded() {
        IntrinsicResolver withOrigins = new IntrinsicResolver(template, StackIdentity.local("security-test"),
                Map.of("CorsAllowedOrigins", "https://monitor.example.org"));
        JsonNode cors = withOrigins.resolve(template.properties("FindingsHttpApi")).path("CorsConfiguration");
        assertFalse(cors.path("AllowCredentials").asBoolean(false), "credentialed CORS");
        assertFalse(cors.path("AllowMethods").toString().contains("*"));
        assertTrue(template.parameter("CorsAllowedOrigins").path("Default").asText().isEmpty(), "CORS on by default");
        int rate = template.parameter("ApiThrottlingRateLimit").path("Default").asInt();
        int burst = template.parameter("ApiThrottlingBurstLimit").path("Default").asInt();
        assertTrue(rate >= 1 && rate <= 1000 && burst >= rate && burst <= 5000, rate + "/" + burst);
        assertTrue(template.parameter("ApiThrottlingRateLimit").path("MinValue").asInt() >= 1, "a zero limit must be refused");
    }

    // ------------------------------------------------------------------ checks

    /** Every Allow statement of every policy document in the template that grants a wildcard or to the public. */
    static List<String> allowViolations(CloudFormationTemplate template) {
        List<String> violations = new ArrayList<>();
        template.root().path("Resources").properties().forEach(resource -> collect(resource.getKey(),
                resource.getValue().path("Properties"), violations));
        return violations;
    }

    private static void collect(String id, JsonNode node, List<String> violations) {
        if (node.isObject() && node.has("Statement")) {
            for (JsonNode statement : asList(node.path("Statement"))) {
                if (!statement.path("Effect").asText().equals("Allow")) {
                    continue;
                }
                for (String negated : List.of("NotAction", "NotResource", "NotPrincipal")) {
                    if (statement.has(negated)) {
                        violations.add(id + ": " + negated + " in an Allow statement");
                    }
                }
                texts(statement.path("Action")).stream().filter(a -> a.contains("*"))
                        .forEach(a -> violations.add(id + ": action " + a));
                for (JsonNode resource : asList(statement.path("Resource"))) {
                    String text = resource.isTextual() ? resource.asText() : resource.path("Fn::Sub").asText("");
                    if (text.equals("*") || text.matches("arn:[^:]*:[^:]*:[^:]*:[^:]*:\\*") || text.endsWith(":::*")) {
                        violations.add(id + ": resource " + text);
                    }
                }
                JsonNode principal = statement.path("Principal");
                if (principal.asText().equals("*") || principal.path("AWS").asText().equals("*")
                        || principal.path("AWS").toString().contains("\"*\"")) {
                    violations.add(id + ": public principal");
                }
            }
        }
        node.forEach(child -> collect(id, child, violations));
    }

    private static List<JsonNode> roleStatements(CloudFormationTemplate template, String role) {
        List<JsonNode> statements = new ArrayList<>();
        template.properties(role).path("Policies").forEach(p -> {
            for (JsonNode statement : asList(p.at("/PolicyDocument/Statement"))) {
                if (statement.path("Effect").asText().equals("Allow")) {
                    statements.add(statement);
                }
            }
        });
        assertFalse(statements.isEmpty(), role + " has no inline policy");
        return statements;
    }

    private static Set<String> diff(Set<String> a, Set<String> b) {
        Set<String> d = new TreeSet<>(a);
        d.removeAll(b);
        return d;
    }

    private static Set<String> intersection(Set<String> a, Set<String> b) {
        Set<String> d = new TreeSet<>(a);
        d.retainAll(b);
        return d;
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
