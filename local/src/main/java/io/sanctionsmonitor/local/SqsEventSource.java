package io.sanctionsmonitor.local;

/**
 * How Lambda's event source mapping feeds a function from a queue, as the template's SQS event declares it.
 *
 * @param batchSize                   at most this many messages per invocation
 * @param maximumBatchingWindowSeconds how long to gather a batch that is not yet full
 * @param reportBatchItemFailures     whether the function's {@code batchItemFailures} are honoured (otherwise
 *                                    any failure returns the whole batch)
 * @param maximumConcurrency          how many batches run at once, each in an execution environment of its own
 */
public record SqsEventSource(int batchSize, int maximumBatchingWindowSeconds, boolean reportBatchItemFailures,
                             int maximumConcurrency) {
    public SqsEventSource(int batchSize, int maximumBatchingWindowSeconds, boolean reportBatchItemFailures) {
        this(batchSize, maximumBatchingWindowSeconds, reportBatchItemFailures, 1);
    }

    public SqsEventSource {
        if (maximumConcurrency < 1 || maximumConcurrency > 1000) {
            throw new IllegalArgumentException("MaximumConcurrency must be 1..1000, got " + maximumConcurrency);
        }
        if (batchSize < 1 || batchSize > 10_000) {
            throw new IllegalArgumentException("BatchSize must be 1..10000, got " + batchSize);
        }
        if (maximumBatchingWindowSeconds < 0 || maximumBatchingWindowSeconds > 300) {
            throw new IllegalArgumentException("MaximumBatchingWindowInSeconds must be 0..300, got " + maximumBatchingWindowSeconds);
        }
    }
}
