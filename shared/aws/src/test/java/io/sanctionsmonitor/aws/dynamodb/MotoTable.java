package io.sanctionsmonitor.aws.dynamodb;

import java.io.IOException;
import java.net.HttpURLConnection;
import java.net.URI;
import java.util.UUID;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeDefinition;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.GlobalSecondaryIndex;
import software.amazon.awssdk.services.dynamodb.model.KeySchemaElement;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.Projection;
import software.amazon.awssdk.services.dynamodb.model.ProjectionType;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;

/**
 * A uniquely named table with the template's fixed schema (pk/sk, gsi1, gsi2, projection ALL) on the moto
 * server of the system property {@code moto.endpoint}. Tests share that server, hence the random name.
 */
public final class MotoTable implements AutoCloseable {

    public final DynamoDbClient client;
    public final String name;

    private MotoTable(DynamoDbClient client, String name) {
        this.client = client;
        this.name = name;
    }

    public static String endpoint() {
        return System.getProperty("moto.endpoint", System.getenv().getOrDefault("MOTO_ENDPOINT", "http://127.0.0.1:5000"));
    }

    public static DynamoDbClient client() {
        String endpoint = endpoint();
        try {
            HttpURLConnection c = (HttpURLConnection) URI.create(endpoint + "/moto-api/").toURL().openConnection();
            c.setConnectTimeout(2_000);
            c.getResponseCode();
            c.disconnect();
        } catch (IOException e) {
            throw new IllegalStateException("moto_server is not reachable at " + endpoint
                    + ": start it (bin/test does), e.g. `moto_server -H 127.0.0.1 -p 5000`", e);
        }
        return DynamoDbClient.builder()
                .endpointOverride(URI.create(endpoint))
                .region(Region.US_EAST_1)
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("test", "test")))
                .httpClient(UrlConnectionHttpClient.create())
                .build();
    }

    public static MotoTable create(String prefix) {
        DynamoDbClient client = client();
        String name = prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
        client.createTable(b -> b.tableName(name)
                .billingMode(BillingMode.PAY_PER_REQUEST)
                .attributeDefinitions(attr("pk"), attr("sk"), attr("gsi1pk"), attr("gsi1sk"), attr("gsi2pk"), attr("gsi2sk"))
                .keySchema(key("pk", KeyType.HASH), key("sk", KeyType.RANGE))
                .globalSecondaryIndexes(index("gsi1"), index("gsi2")));
        return new MotoTable(client, name);
    }

    private static AttributeDefinition attr(String name) {
        return AttributeDefinition.builder().attributeName(name).attributeType(ScalarAttributeType.S).build();
    }

    private static KeySchemaElement key(String name, KeyType type) {
        return KeySchemaElement.builder().attributeName(name).keyType(type).build();
    }

    private static GlobalSecondaryIndex index(String name) {
        return GlobalSecondaryIndex.builder().indexName(name)
                .keySchema(key(name + "pk", KeyType.HASH), key(name + "sk", KeyType.RANGE))
                .projection(Projection.builder().projectionType(ProjectionType.ALL).build())
                .build();
    }

    @Override
    public void close() {
        try {
            client.deleteTable(b -> b.tableName(name));
        } finally {
            client.close();
        }
    }
}
