package io.sanctionsmonitor.local;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Runs AWS SAM's own translator (the aws-sam-translator package cfn-lint brings) on template.yaml and checks
 * what SAM generates: it must add no IAM role or managed policy of its own (those would widen the least
 * privilege the template declares), and the event source and the API must invoke the SnapStart alias.
 */
class TemplateTransformTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String TRANSLATE = """
            import json, sys
            from samtranslator.translator.transform import transform
            class NoManagedPolicies:
                def load(self):
                    return {}
            template = json.load(sys.stdin)
            for resource in template["Resources"].values():
                if resource["Type"] == "AWS::Serverless::Function":
                    resource["Properties"]["CodeUri"] = "s3://packaged/function.zip"  # as sam package leaves it
            print(json.dumps(transform(template, {"CursorSecret": "x" * 32}, NoManagedPolicies())))
            """;

    private static JsonNode resources;

    @BeforeAll
    static void translate() throws IOException, InterruptedException {
        CloudFormationTemplate template = CloudFormationTemplate.read(TemplateFiles.template());
        Process process;
        try {
            ProcessBuilder builder = new ProcessBuilder("python3", "-c", TRANSLATE);
            builder.environment().put("AWS_DEFAULT_REGION", StackIdentity.LOCAL_REGION);
            process = builder.start();
        } catch (IOException e) {
            throw new AssertionError("python3 with aws-sam-translator (pip install cfn-lint) is needed", e);
        }
        try (OutputStream in = process.getOutputStream()) {
            in.write(JSON.writeValueAsBytes(template.root()));
        }
        String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        String err = new String(process.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(process.waitFor(120, TimeUnit.SECONDS), "the SAM translator did not finish");
        assertEquals(0, process.exitValue(), "the SAM translator failed:\n" + err);
        resources = JSON.readTree(out).path("Resources");
    }

    @Test
    void samAddsNoRoleAndNoManagedPolicy() {
        List<String> roles = new ArrayList<>();
        resources.properties().forEach(e -> {
            if (e.getValue().path("Type").asText().equals("AWS::IAM::Role")) {
                roles.add(e.getKey());
                assertTrue(e.getValue().at("/Properties/ManagedPolicyArns").isMissingNode()
                        || e.getValue().at("/Properties/ManagedPolicyArns").isEmpty(), e.getKey() + " has managed policies");
            }
        });
        assertEquals(List.of("ApiFunctionRole", "ProcessorFunctionRole"), roles.stream().sorted().toList());
    }

    @Test
    void eventSourceAndApiInvokeThePublishedAliasSnapStartRestores() {
        Map<String, String> targets = new TreeMap<>();
        resources.properties().forEach(e -> {
            JsonNode properties = e.getValue().path("Properties");
            switch (e.getValue().path("Type").asText()) {
                case "AWS::Lambda::EventSourceMapping" -> targets.put("queue", properties.at("/FunctionName/Ref").asText());
                case "AWS::ApiGatewayV2::Integration" -> targets.put("api", properties.at("/IntegrationUri/Ref").asText());
                case "AWS::Lambda::Permission" -> targets.put("permission", properties.at("/FunctionName/Ref").asText());
                case "AWS::Lambda::Function" -> assertEquals("PublishedVersions",
                        properties.at("/SnapStart/ApplyOn").asText(), e.getKey());
                default -> { }
            }
        });
        assertEquals(Map.of("queue", "ProcessorFunctionAliaslive", "api", "ApiFunctionAliaslive",
                "permission", "ApiFunctionAliaslive"), targets);
    }
}
