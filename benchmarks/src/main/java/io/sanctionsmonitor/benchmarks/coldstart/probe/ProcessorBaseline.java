package io.sanctionsmonitor.benchmarks.coldstart.probe;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.SQSEvent;
import java.util.Map;
import software.amazon.awssdk.auth.credentials.EnvironmentVariableCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * The floor under the processor's cold start: builds the S3 and DynamoDB clients the way the functions do
 * (io.sanctionsmonitor.aws.AwsClients: URL connection client, credentials and region read from the environment)
 * and makes the processor's two unavoidable calls, a GetObject of the report and one PutItem. No parsing, no
 * extraction, no JSON of its own.
 */
public final class ProcessorBaseline implements RequestHandler<SQSEvent, String> {
    private final S3Client s3;
    private final DynamoDbClient dynamoDb;
    private final String table = System.getenv("TABLE_NAME");

    public ProcessorBaseline() {
        this.s3 = S3Client.builder()
                .httpClientBuilder(UrlConnectionHttpClient.builder())
                .credentialsProvider(EnvironmentVariableCredentialsProvider.create())
                .region(Region.of(System.getenv("AWS_REGION")))
                .build();
        this.dynamoDb = DynamoDbClient.builder()
                .httpClientBuilder(UrlConnectionHttpClient.builder())
                .credentialsProvider(EnvironmentVariableCredentialsProvider.create())
                .region(Region.of(System.getenv("AWS_REGION")))
                .build();
    }

    @Override
    public String handleRequest(SQSEvent event, Context context) {
        String bucket = System.getProperty("coldstart.bucket");
        String key = System.getProperty("coldstart.key");
        byte[] content = s3.getObjectAsBytes(b -> b.bucket(bucket).key(key)).asByteArray();
        dynamoDb.putItem(b -> b.tableName(table).item(Map.of(
                "pk", AttributeValue.fromS("BASELINE#" + key),
                "sk", AttributeValue.fromS("DOC"),
                "size", AttributeValue.fromN(Integer.toString(content.length)))));
        return content.length > 0 ? "ok" : "empty-object";
    }
}
