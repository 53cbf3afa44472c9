package io.sanctionsmonitor.local;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The local stack reads template.yaml as CloudFormation does: short-form tags and intrinsic functions. */
class TemplateIntrinsicsTest {
    private static final String YAML = """
            Parameters:
              Mode: {Type: String, Default: IAM}
              Origins: {Type: CommaDelimitedList, Default: ""}
            Conditions:
              IsJwt: !Equals [!Ref Mode, JWT]
              HasOrigins: !Not [!Equals [!Join ["", !Ref Origins], ""]]
            Resources:
              Queue:
                Type: AWS::SQS::Queue
              Bucket:
                Type: AWS::S3::Bucket
                Properties:
                  BucketName: !Sub
                    - reports-${AWS::AccountId}-${Suffix}
                    - Suffix: !Select [4, !Split ["-", !Select [2, !Split ["/", !Ref AWS::StackId]]]]
                  Target: !GetAtt Queue.Arn
                  Url: !Ref Queue
                  Mixed: !Sub "${Queue.Arn}/x/${AWS::Region}/${!Literal}"
                  Auth: !If [IsJwt, JWT, AWS_IAM]
                  Cors: !If [HasOrigins, {AllowOrigins: !Ref Origins}, !Ref AWS::NoValue]
                  Unknown: !Base64 abc
            """;

    private final CloudFormationTemplate template = new CloudFormationTemplate(CloudFormationYaml.parse(YAML));
    private final StackIdentity stack = StackIdentity.local("Intrinsics-Test");

    @Test
    void shortFormTagsBecomeTheLongFormCloudFormationReads() {
        JsonNode properties = template.properties("Bucket");
        assertEquals("{\"Fn::GetAtt\":[\"Queue\",\"Arn\"]}", properties.path("Target").toString());
        assertEquals("{\"Ref\":\"Queue\"}", properties.path("Url").toString());
        assertEquals("{\"Fn::If\":[\"IsJwt\",\"JWT\",\"AWS_IAM\"]}", properties.path("Auth").toString());
        assertEquals("{\"Fn::Base64\":\"abc\"}", properties.path("Unknown").toString());
    }

    @Test
    void resolvesRefsAttributesSubSplitSelectAndConditions() {
        IntrinsicResolver resolver = resolverWithQueue(Map.of());
        JsonNode properties = template.properties("Bucket");
        String suffix = stack.stackId().substring(stack.stackId().lastIndexOf('-') + 1);
        assertEquals("reports-123456789012-" + suffix, resolver.text(properties.path("BucketName")));
        assertTrue(resolver.text(properties.path("BucketName")).matches("[a-z0-9-]+"), "a valid bucket name");
        assertEquals("arn:aws:sqs:us-east-1:123456789012:q", resolver.text(properties.path("Target")));
        assertEquals("http://q", resolver.text(properties.path("Url")));
        assertEquals("arn:aws:sqs:us-east-1:123456789012:q/x/us-east-1/${Literal}", resolver.text(properties.path("Mixed")));
        assertEquals("AWS_IAM", resolver.text(properties.path("Auth")));
        assertTrue(resolver.resolve(properties.path("Cors")).isMissingNode(), "NoValue removes the property");
    }

    @Test
    void parameterValuesSwitchConditions() {
        IntrinsicResolver resolver = resolverWithQueue(Map.of("Mode", "JWT", "Origins", "https://a.example,https://b.example"));
        JsonNode properties = template.properties("Bucket");
        assertEquals("JWT", resolver.text(properties.path("Auth")));
        assertEquals("[\"https://a.example\",\"https://b.example\"]",
                resolver.resolve(properties.path("Cors")).path("AllowOrigins").toString());
    }

    @Test
    void unsupportedFunctionsAndUnknownReferencesAreErrorsNotGuesses() {
        IntrinsicResolver resolver = new IntrinsicResolver(template, stack, Map.of());
        JsonNode properties = template.properties("Bucket");
        assertThrows(IllegalArgumentException.class, () -> resolver.resolve(properties.path("Unknown")));
        assertThrows(IllegalArgumentException.class, () -> resolver.resolve(properties.path("Target")));
    }

    @Test
    void referencesNameTheResourcesAndParametersAPropertyDependsOn() {
        assertEquals(Set.of("Queue", "Origins"), IntrinsicResolver.references(template.properties("Bucket")));
    }

    @Test
    void unknownTagsAreRejected() {
        assertThrows(RuntimeException.class, () -> CloudFormationYaml.parse("Value: !Frobnicate x\n"));
    }

    @Test
    void stackIdsDifferByNameAndStayStableForOneName() {
        assertEquals(StackIdentity.local("a-stack").stackId(), StackIdentity.local("a-stack").stackId());
        assertTrue(!StackIdentity.local("a-stack").stackId().equals(StackIdentity.local("b-stack").stackId()));
    }

    private IntrinsicResolver resolverWithQueue(Map<String, String> parameters) {
        IntrinsicResolver resolver = new IntrinsicResolver(template, stack, parameters);
        resolver.define("Queue", "http://q", Map.of("Arn", "arn:aws:sqs:us-east-1:123456789012:q"));
        return resolver;
    }
}
