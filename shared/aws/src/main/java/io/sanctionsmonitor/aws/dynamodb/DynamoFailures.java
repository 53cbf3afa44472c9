package io.sanctionsmonitor.aws.dynamodb;

import io.sanctionsmonitor.aws.AwsFailures;
import io.sanctionsmonitor.ingest.TransientFailureException;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.dynamodb.model.CancellationReason;
import software.amazon.awssdk.services.dynamodb.model.TransactionCanceledException;

/**
 * Sorts DynamoDB failures: what may pass on its own becomes a {@link TransientFailureException}. Adds to
 * {@link AwsFailures} the one DynamoDB-specific case: a transaction cancelled by a conflict or throttling.
 */
final class DynamoFailures {

    private DynamoFailures() {}

    /** The exception to throw for a failed call: transient ones wrapped, others as they are. */
    static RuntimeException classify(String what, SdkException e) {
        return isTransient(e) ? new TransientFailureException(what + " failed for now: " + e.getMessage(), e) : e;
    }

    static boolean isTransient(SdkException e) {
        if (e instanceof TransactionCanceledException t) {
            return t.hasCancellationReasons() && t.cancellationReasons().stream()
                    .map(CancellationReason::code)
                    .anyMatch(code -> "TransactionConflict".equals(code) || "ThrottlingError".equals(code)
                            || "ProvisionedThroughputExceeded".equals(code));
        }
        return AwsFailures.isTransient(e);
    }
}
