package io.sanctionsmonitor.local;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeDefinition;
import software.amazon.awssdk.services.dynamodb.model.CreateTableRequest;
import software.amazon.awssdk.services.dynamodb.model.GlobalSecondaryIndex;
import software.amazon.awssdk.services.dynamodb.model.KeySchemaElement;
import software.amazon.awssdk.services.dynamodb.model.Projection;
import software.amazon.awssdk.services.dynamodb.model.ResourceInUseException;
import software.amazon.awssdk.services.dynamodb.model.SSESpecification;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.AbortIncompleteMultipartUpload;
import software.amazon.awssdk.services.s3.model.BucketAlreadyOwnedByYouException;
import software.amazon.awssdk.services.s3.model.BucketLifecycleConfiguration;
import software.amazon.awssdk.services.s3.model.FilterRule;
import software.amazon.awssdk.services.s3.model.LifecycleRule;
import software.amazon.awssdk.services.s3.model.LifecycleRuleFilter;
import software.amazon.awssdk.services.s3.model.NoncurrentVersionExpiration;
import software.amazon.awssdk.services.s3.model.NotificationConfiguration;
import software.amazon.awssdk.services.s3.model.OwnershipControlsRule;
import software.amazon.awssdk.services.s3.model.PublicAccessBlockConfiguration;
import software.amazon.awssdk.services.s3.model.QueueConfiguration;
import software.amazon.awssdk.services.s3.model.ServerSideEncryptionByDefault;
import software.amazon.awssdk.services.s3.model.ServerSideEncryptionRule;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.QueueAttributeName;

/**
 * Creates the template's buckets, queues and tables in an AWS-compatible endpoint (moto), each with the
 * properties the template gives it. A property this class does not know how to apply stops provisioning
 * with its name, so a template change can never be silently missing from the local stack.
 */
public final class StackProvisioner {
    static final String BUCKET = "AWS::S3::Bucket";
    static final String QUEUE = "AWS::SQS::Queue";
    static final String TABLE = "AWS::DynamoDB::Table";

    private final CloudFormationTemplate template;
    private final StackIdentity stack;
    private final IntrinsicResolver resolver;
    private final S3Client s3;
    private final SqsClient sqs;
    private final DynamoDbClient dynamoDb;

    public StackProvisioner(CloudFormationTemplate template, StackIdentity stack, S3Client s3, SqsClient sqs,
                            DynamoDbClient dynamoDb) {
        this.template = template;
        this.stack = stack;
        this.resolver = new IntrinsicResolver(template, stack, Map.of());
        this.s3 = s3;
        this.sqs = sqs;
        this.dynamoDb = dynamoDb;
    }

    /** Creates every bucket, queue and table (again if they exist: creating is idempotent) in dependency order. */
    public IntrinsicResolver provision() {
        Map<String, Set<String>> pending = new LinkedHashMap<>();
        for (String type : List.of(QUEUE, TABLE, BUCKET)) {
            template.resourcesOfType(type).forEach((id, resource) ->
                    pending.put(id, IntrinsicResolver.references(resource.path("Properties"))));
        }
        while (!pending.isEmpty()) {
            String next = pending.entrySet().stream()
                    .filter(e -> e.getValue().stream().allMatch(ref -> resolver.isDefined(ref) || !pending.containsKey(ref)))
                    .map(Map.Entry::getKey).findFirst()
                    .orElseThrow(() -> new IllegalStateException("circular references among " + pending.keySet()));
            pending.remove(next);
            switch (template.type(next)) {
                case QUEUE -> createQueue(next);
                case TABLE -> createTable(next);
                case BUCKET -> createBucket(next);
                default -> throw new IllegalStateException(next);
            }
        }
        return resolver;
    }

    private void createQueue(String id) {
        JsonNode properties = resolver.resolve(template.properties(id));
        String name = properties.has("QueueName") ? properties.get("QueueName").asText() : stack.generatedName(id);
        Map<QueueAttributeName, String> attributes = new HashMap<>();
        properties.properties().forEach(field -> {
            String key = field.getKey();
            JsonNode value = field.getValue();
            if (key.equals("QueueName") || key.equals("Tags")) {
                return;
            }
            QueueAttributeName attribute = QueueAttributeName.fromValue(key);
            if (attribute == QueueAttributeName.UNKNOWN_TO_SDK_VERSION) {
                throw unsupported(id, key);
            }
            attributes.put(attribute, value.isObject() ? value.toString() : value.asText());
        });
        String url = sqs.createQueue(b -> b.queueName(name).attributes(attributes)).queueUrl();
        String arn = sqs.getQueueAttributes(b -> b.queueUrl(url).attributeNames(QueueAttributeName.QUEUE_ARN))
                .attributes().get(QueueAttributeName.QUEUE_ARN);
        resolver.define(id, url, Map.of("Arn", arn, "QueueName", name, "QueueUrl", url));
    }

    private void createTable(String id) {
        JsonNode properties = resolver.resolve(template.properties(id));
        String name = properties.has("TableName") ? properties.get("TableName").asText() : stack.generatedName(id);
        CreateTableRequest.Builder request = CreateTableRequest.builder().tableName(name);
        Boolean pointInTimeRecovery = null;
        for (Map.Entry<String, JsonNode> field : properties.properties()) {
            JsonNode value = field.getValue();
            switch (field.getKey()) {
                case "TableName", "Tags" -> { }
                case "BillingMode" -> request.billingMode(value.asText());
                case "AttributeDefinitions" -> request.attributeDefinitions(map(value, d ->
                        AttributeDefinition.builder().attributeName(d.path("AttributeName").asText())
                                .attributeType(d.path("AttributeType").asText()).build()));
                case "KeySchema" -> request.keySchema(keySchema(value));
                case "GlobalSecondaryIndexes" -> request.globalSecondaryIndexes(map(value, index ->
                        GlobalSecondaryIndex.builder().indexName(index.path("IndexName").asText())
                                .keySchema(keySchema(index.path("KeySchema")))
                                .projection(projection(index.path("Projection"))).build()));
                case "SSESpecification" -> request.sseSpecification(SSESpecification.builder()
                        .enabled(value.path("SSEEnabled").asBoolean()).build());
                case "PointInTimeRecoverySpecification" ->
                        pointInTimeRecovery = value.path("PointInTimeRecoveryEnabled").asBoolean();
                default -> throw unsupported(id, field.getKey());
            }
        }
        try {
            dynamoDb.createTable(request.build());
            dynamoDb.waiter().waitUntilTableExists(b -> b.tableName(name));
        } catch (ResourceInUseException alreadyThere) {
            // A restarted local stack keeps its data.
        }
        if (pointInTimeRecovery != null) {
            boolean enabled = pointInTimeRecovery;
            dynamoDb.updateContinuousBackups(b -> b.tableName(name)
                    .pointInTimeRecoverySpecification(p -> p.pointInTimeRecoveryEnabled(enabled)));
        }
        String arn = dynamoDb.describeTable(b -> b.tableName(name)).table().tableArn();
        resolver.define(id, name, Map.of("Arn", arn));
    }

    private void createBucket(String id) {
        JsonNode properties = resolver.resolve(template.properties(id));
        String name = properties.has("BucketName") ? properties.get("BucketName").asText()
                : stack.generatedName(id).toLowerCase();
        try {
            s3.createBucket(b -> b.bucket(name));
        } catch (BucketAlreadyOwnedByYouException alreadyThere) {
            // A restarted local stack keeps its reports.
        }
        String arn = "arn:aws:s3:::" + name;
        resolver.define(id, name, Map.of("Arn", arn, "DomainName", name + ".s3.amazonaws.com",
                "RegionalDomainName", name + ".s3." + stack.region() + ".amazonaws.com"));
        for (Map.Entry<String, JsonNode> field : properties.properties()) {
            JsonNode value = field.getValue();
            switch (field.getKey()) {
                case "BucketName", "Tags" -> { }
                case "BucketEncryption" -> s3.putBucketEncryption(b -> b.bucket(name).serverSideEncryptionConfiguration(c -> c.rules(
                        map(value.path("ServerSideEncryptionConfiguration"), rule -> ServerSideEncryptionRule.builder()
                                .bucketKeyEnabled(rule.path("BucketKeyEnabled").asBoolean(false))
                                .applyServerSideEncryptionByDefault(ServerSideEncryptionByDefault.builder()
                                        .sseAlgorithm(rule.path("ServerSideEncryptionByDefault").path("SSEAlgorithm").asText())
                                        .kmsMasterKeyID(textOrNull(rule.path("ServerSideEncryptionByDefault").path("KMSMasterKeyID")))
                                        .build()).build()))));
                case "PublicAccessBlockConfiguration" -> s3.putPublicAccessBlock(b -> b.bucket(name)
                        .publicAccessBlockConfiguration(PublicAccessBlockConfiguration.builder()
                                .blockPublicAcls(value.path("BlockPublicAcls").asBoolean())
                                .blockPublicPolicy(value.path("BlockPublicPolicy").asBoolean())
                                .ignorePublicAcls(value.path("IgnorePublicAcls").asBoolean())
                                .restrictPublicBuckets(value.path("RestrictPublicBuckets").asBoolean()).build()));
                case "OwnershipControls" -> s3.putBucketOwnershipControls(b -> b.bucket(name).ownershipControls(c -> c.rules(
                        map(value.path("Rules"), rule -> OwnershipControlsRule.builder()
                                .objectOwnership(rule.path("ObjectOwnership").asText()).build()))));
                case "VersioningConfiguration" -> s3.putBucketVersioning(b -> b.bucket(name)
                        .versioningConfiguration(v -> v.status(value.path("Status").asText())));
                case "LifecycleConfiguration" -> s3.putBucketLifecycleConfiguration(b -> b.bucket(name)
                        .lifecycleConfiguration(BucketLifecycleConfiguration.builder()
                                .rules(map(value.path("Rules"), rule -> lifecycleRule(id, rule))).build()));
                case "NotificationConfiguration" -> s3.putBucketNotificationConfiguration(b -> b.bucket(name)
                        .notificationConfiguration(notifications(id, value)));
                default -> throw unsupported(id, field.getKey());
            }
        }
    }

    private LifecycleRule lifecycleRule(String id, JsonNode rule) {
        LifecycleRule.Builder builder = LifecycleRule.builder()
                .filter(LifecycleRuleFilter.builder().prefix(rule.path("Prefix").asText("")).build());
        for (Map.Entry<String, JsonNode> field : rule.properties()) {
            JsonNode value = field.getValue();
            switch (field.getKey()) {
                case "Id" -> builder.id(value.asText());
                case "Status" -> builder.status(value.asText());
                case "Prefix" -> { }
                case "NoncurrentVersionExpiration" -> builder.noncurrentVersionExpiration(NoncurrentVersionExpiration.builder()
                        .noncurrentDays(value.path("NoncurrentDays").asInt()).build());
                case "AbortIncompleteMultipartUpload" -> builder.abortIncompleteMultipartUpload(AbortIncompleteMultipartUpload
                        .builder().daysAfterInitiation(value.path("DaysAfterInitiation").asInt()).build());
                case "ExpirationInDays" -> builder.expiration(e -> e.days(value.asInt()));
                default -> throw unsupported(id, "LifecycleConfiguration.Rules[]." + field.getKey());
            }
        }
        return builder.build();
    }

    private NotificationConfiguration notifications(String id, JsonNode configuration) {
        List<QueueConfiguration> queues = new ArrayList<>();
        for (Map.Entry<String, JsonNode> field : configuration.properties()) {
            if (!field.getKey().equals("QueueConfigurations")) {
                throw unsupported(id, "NotificationConfiguration." + field.getKey());
            }
            for (JsonNode queue : field.getValue()) {
                queues.add(QueueConfiguration.builder()
                        .queueArn(queue.path("Queue").asText())
                        .eventsWithStrings(queue.path("Event").asText())
                        .filter(f -> f.key(k -> k.filterRules(map(queue.path("Filter").path("S3Key").path("Rules"),
                                rule -> FilterRule.builder().name(rule.path("Name").asText())
                                        .value(rule.path("Value").asText()).build()))))
                        .build());
            }
        }
        return NotificationConfiguration.builder().queueConfigurations(queues).build();
    }

    private static List<KeySchemaElement> keySchema(JsonNode keys) {
        return map(keys, key -> KeySchemaElement.builder().attributeName(key.path("AttributeName").asText())
                .keyType(key.path("KeyType").asText()).build());
    }

    private static Projection projection(JsonNode projection) {
        Projection.Builder builder = Projection.builder().projectionType(projection.path("ProjectionType").asText());
        if (projection.has("NonKeyAttributes")) {
            builder.nonKeyAttributes(map(projection.get("NonKeyAttributes"), JsonNode::asText));
        }
        return builder.build();
    }

    private static <T> List<T> map(JsonNode array, java.util.function.Function<JsonNode, T> convert) {
        List<T> items = new ArrayList<>();
        array.forEach(element -> items.add(convert.apply(element)));
        return items;
    }

    private static String textOrNull(JsonNode node) {
        return node.isMissingNode() || node.isNull() ? null : node.asText();
    }

    private static IllegalStateException unsupported(String logicalId, String property) {
        return new IllegalStateException("the local stack cannot apply " + logicalId + "." + property
                + " from template.yaml; teach StackProvisioner to apply it");
    }
}
