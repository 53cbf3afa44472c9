/**
 * The DynamoDB single-table adapters: {@link io.sanctionsmonitor.aws.dynamodb.DynamoDocumentStore} (write side,
 * idempotent under at-least-once delivery) and {@link io.sanctionsmonitor.aws.dynamodb.DynamoFindingQueries}
 * (read side, Queries only). The item layout is described in {@link io.sanctionsmonitor.aws.dynamodb.TableKeys}.
 */
package io.sanctionsmonitor.aws.dynamodb;
