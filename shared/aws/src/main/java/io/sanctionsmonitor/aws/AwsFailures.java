package io.sanctionsmonitor.aws;

import io.sanctionsmonitor.ingest.TransientFailureException;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.awscore.exception.AwsServiceException;

/** Sorts SDK failures into those worth retrying later and those that are not. */
public final class AwsFailures {
    private AwsFailures() {}

    /**
     * Throttling, 5xx, timeouts and connection failures may pass on their own; so may access errors, which are
     * usually a deployment being fixed: the message goes to the dead-letter queue and can be redriven.
     */
    public static boolean isTransient(SdkException e) {
        if (e instanceof SdkClientException) {
            return true;
        }
        if (e instanceof AwsServiceException service) {
            int status = service.statusCode();
            return service.isThrottlingException() || status >= 500 || status == 403 || status == 408 || status == 429;
        }
        return e.retryable();
    }

    /** Wraps a failure that may pass in {@link TransientFailureException}; rethrows any other as it is. */
    public static RuntimeException classify(String operation, SdkException e) {
        if (isTransient(e)) {
            return new TransientFailureException(operation + " failed: " + e.getMessage(), e);
        }
        return e;
    }
}
