package io.sanctionsmonitor.aws.dynamodb;

import io.sanctionsmonitor.ingest.TransientFailureException;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.services.dynamodb.model.CancellationReason;
import software.amazon.awssdk.services.dynamodb.model.TransactionCanceledException;

/** Sorts SDK failures: what may pass on its own becomes a {@link TransientFailureException}. */
final class DynamoFailures {

    private DynamoFailures() {}

    /** The exception to throw for a failed call: transient ones wrapped, others as they are. */
    static RuntimeException classify(String what, SdkException e) {
        return isTransient(e) ? new TransientFailureException(what + " failed for now: " + e.getMessage(), e) : e;
    }

    static boolean isTransient(SdkException e) {
        if (e instanceof SdkClientException) {
            return true; // connection refused or reset, timeouts, unreadable responses
        }
        if (e instanceof TransactionCanceledException t) {
            return t.hasCancellationReasons() && t.cancellationReasons().stream()
                    .map(CancellationReason::code)
                    .anyMatch(code -> "TransactionConflict".equals(code) || "ThrottlingError".equals(code)
                            || "ProvisionedThroughputExceeded".equals(code));
        }
        if (e instanceof AwsServiceException s) {
            return s.isThrottlingException() || s.statusCode() >= 500 || s.statusCode() == 429;
        }
        return e.retryable();
    }
}
