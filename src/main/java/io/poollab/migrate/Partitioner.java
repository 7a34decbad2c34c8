package io.poollab.migrate;

import io.poollab.db.KeyRange;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;

/**
 * Splits a key's [min, max] into keyset ranges: equal-width by default, or at the sample's quantiles when the
 * sample shows the key is skewed (one equal-width range would hold more than twice its share). The first and
 * last ranges are open, so rows beyond the sampled bounds are never missed. Never OFFSET, never NTILE.
 */
final class Partitioner {

    static final long ROWS_PER_PARTITION = 250_000;
    static final int MAX_PARTITIONS = 1024;
    private static final double SKEW_FACTOR = 2.0;

    private Partitioner() {
    }

    /**
     * One partition per worker, more when partitions would exceed {@link #ROWS_PER_PARTITION}; fewer for small
     * tables. Measured on PostgreSQL: every partition is an index range scan on the source and its own COPY on the
     * target, and eight of them cost a 1M-row copy a second more server CPU than two (bench/copy-vs-psql.sh).
     */
    static int autoCount(int workers, long estimatedRows) {
        long forSize = (Math.max(0, estimatedRows) + ROWS_PER_PARTITION - 1) / ROWS_PER_PARTITION;
        long wanted = Math.max(workers, forSize);
        long smallTableCap = Math.max(1, estimatedRows / 1_000);
        return (int) Math.max(1, Math.min(MAX_PARTITIONS, Math.min(wanted, smallTableCap)));
    }

    /** The ranges, and whether quantile boundaries were used. */
    record Split(List<KeyRange> ranges, boolean quantiles) {
    }

    static Split split(long min, long max, int count, List<Long> sample) {
        if (count <= 1 || min >= max) {
            return new Split(List.of(KeyRange.ALL), false);
        }
        List<Long> equal = equalWidthBoundaries(min, max, count);
        if (sample.size() >= 10L * count && isSkewed(sample, equal, count)) {
            return new Split(ranges(quantileBoundaries(sample, count)), true);
        }
        return new Split(ranges(equal), false);
    }

    private static List<Long> equalWidthBoundaries(long min, long max, int count) {
        // BigInteger: max - min overflows a long for keys spanning the whole bigint range.
        BigInteger low = BigInteger.valueOf(min);
        BigInteger span = BigInteger.valueOf(max).subtract(low).add(BigInteger.ONE);
        TreeSet<Long> boundaries = new TreeSet<>();
        for (int i = 1; i < count; i++) {
            long boundary = low.add(span.multiply(BigInteger.valueOf(i)).divide(BigInteger.valueOf(count))).longValue();
            if (boundary > min && boundary <= max) {
                boundaries.add(boundary);
            }
        }
        return new ArrayList<>(boundaries);
    }

    private static boolean isSkewed(List<Long> sample, List<Long> boundaries, int count) {
        int[] counts = new int[boundaries.size() + 1];
        for (long key : sample) {
            int bucket = 0;
            while (bucket < boundaries.size() && key >= boundaries.get(bucket)) {
                bucket++;
            }
            counts[bucket]++;
        }
        double share = (double) sample.size() / counts.length;
        for (int c : counts) {
            if (c > SKEW_FACTOR * share) {
                return true;
            }
        }
        return false;
    }

    private static List<Long> quantileBoundaries(List<Long> sample, int count) {
        List<Long> sorted = new ArrayList<>(sample);
        sorted.sort(null);
        TreeSet<Long> boundaries = new TreeSet<>();
        for (int i = 1; i < count; i++) {
            boundaries.add(sorted.get((int) ((long) i * sorted.size() / count)));
        }
        boundaries.remove(sorted.get(0));
        return new ArrayList<>(boundaries);
    }

    private static List<KeyRange> ranges(List<Long> boundaries) {
        List<KeyRange> ranges = new ArrayList<>(boundaries.size() + 1);
        Long lower = null;
        for (long boundary : boundaries) {
            ranges.add(KeyRange.of(lower, boundary));
            lower = boundary;
        }
        ranges.add(KeyRange.of(lower, null));
        return ranges;
    }
}
