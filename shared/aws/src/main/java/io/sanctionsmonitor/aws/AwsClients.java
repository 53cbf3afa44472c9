package io.sanctionsmonitor.aws;

import java.net.URI;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.EnvironmentVariableCredentialsProvider;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * Builds the SDK clients the functions use, once per execution environment.
 *
 * <p>In Lambda, region and credentials come from the environment the runtime sets, read directly instead of
 * through the default provider chains (which probe files and endpoints and cost cold-start time), and requests
 * go through the JDK's URL connection client, the lightest of the SDK's HTTP clients.
 */
public final class AwsClients {
    private AwsClients() {}

    public static S3Client s3() {
        return S3Client.builder()
                .httpClientBuilder(UrlConnectionHttpClient.builder())
                .credentialsProvider(EnvironmentVariableCredentialsProvider.create())
                .region(lambdaRegion())
                .build();
    }

    public static DynamoDbClient dynamoDb() {
        return DynamoDbClient.builder()
                .httpClientBuilder(UrlConnectionHttpClient.builder())
                .credentialsProvider(EnvironmentVariableCredentialsProvider.create())
                .region(lambdaRegion())
                .build();
    }

    /** An S3 client for a local endpoint (moto, LocalStack): path-style addressing, static test credentials. */
    public static S3Client s3(URI endpoint) {
        return S3Client.builder()
                .httpClientBuilder(UrlConnectionHttpClient.builder())
                .endpointOverride(endpoint)
                .forcePathStyle(true)
                .credentialsProvider(localCredentials())
                .region(Region.US_EAST_1)
                .build();
    }

    /** A DynamoDB client for a local endpoint (moto, LocalStack) with static test credentials. */
    public static DynamoDbClient dynamoDb(URI endpoint) {
        return DynamoDbClient.builder()
                .httpClientBuilder(UrlConnectionHttpClient.builder())
                .endpointOverride(endpoint)
                .credentialsProvider(localCredentials())
                .region(Region.US_EAST_1)
                .build();
    }

    public static StaticCredentialsProvider localCredentials() {
        return StaticCredentialsProvider.create(AwsBasicCredentials.create("test", "test"));
    }

    private static Region lambdaRegion() {
        String region = System.getenv("AWS_REGION");
        return Region.of(region == null || region.isBlank() ? "us-east-1" : region);
    }
}
