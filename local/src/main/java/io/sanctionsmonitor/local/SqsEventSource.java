package io.sanctionsmonitor.local;

/**
 * How Lambda's event source mapping feeds a function from a queue, as the template's SQS event declares it.
 *
 * @param batchSize                   at most this many messages per invocation
 * @param maximumBatchingWindowSeconds how long to gather a batch that is not yet full
 * @param reportBatchItemFailures     whether the function's {@code batchItemFailures} are honoured (otherwise
 *                                    any failure returns the whole batch)
 */
public record SqsEventSource(int batchSize, int maximumBatchingWindowSeconds, boolean reportBatchItemFailures) {
    public SqsEventSource {
        if (batchSize < 1 || batchSize > 10_000) {
            throw new IllegalArgumentException("BatchSize must be 1..10000, got " + batchSize);
        }
        if (maximumBatchingWindowSeconds < 0 || maximumBatchingWindowSeconds > 300) {
            throw new IllegalArgumentException("MaximumBatchingWindowInSeconds must be 0..300, got " + maximumBatchingWindowSeconds);
        }
    }
}
