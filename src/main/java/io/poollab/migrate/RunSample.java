package io.poollab.migrate;

/**
 * What the sampler saw at one instant of a run.
 *
 * @param elapsedMs     since the copy started
 * @param rows          rows committed to the target so far
 * @param bytes         bytes read from the source so far
 * @param rowsPerSecond rows written to the target in the interval (committed or not yet) divided by its length
 * @param workers       the worker count in force
 */
public record RunSample(long elapsedMs, long rows, long bytes, double rowsPerSecond, int workers,
                        SideSample source, SideSample target) {
}
