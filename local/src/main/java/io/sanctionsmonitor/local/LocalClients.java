package io.sanctionsmonitor.local;

import io.sanctionsmonitor.aws.AwsClients;
import java.net.URI;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.sqs.SqsClient;

/** The three SDK clients of a local stack, all pointed at one endpoint (moto). */
public record LocalClients(S3Client s3, SqsClient sqs, DynamoDbClient dynamoDb) implements AutoCloseable {

    public static LocalClients at(URI endpoint) {
        return new LocalClients(AwsClients.s3(endpoint), sqs(endpoint), AwsClients.dynamoDb(endpoint));
    }

    static SqsClient sqs(URI endpoint) {
        return SqsClient.builder()
                .httpClientBuilder(UrlConnectionHttpClient.builder())
                .endpointOverride(endpoint)
                .credentialsProvider(AwsClients.localCredentials())
                .region(Region.of(StackIdentity.LOCAL_REGION))
                .build();
    }

    @Override
    public void close() {
        s3.close();
        sqs.close();
        dynamoDb.close();
    }
}
