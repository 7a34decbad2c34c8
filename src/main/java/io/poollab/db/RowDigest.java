package io.poollab.db;

/**
 * An order-independent digest of a multiset of rows: the row count plus two 64-bit sums of per-row hashes
 * (the hash and a remix of it). A lost, duplicated or altered row changes it; row order does not.
 * Sums can be subtracted, so rows a table held before an append can be taken out again.
 * Not thread-safe: each reader keeps its own and the results are merged.
 */
public final class RowDigest {

    private long rows;
    private long sum;
    private long mixedSum;

    /** The digest's state, for storing a checkpoint and restoring it on resume. */
    public record Value(long rows, long sum, long mixedSum) {
    }

    public static RowDigest of(Value value) {
        RowDigest digest = new RowDigest();
        digest.rows = value.rows();
        digest.sum = value.sum();
        digest.mixedSum = value.mixedSum();
        return digest;
    }

    public Value value() {
        return new Value(rows, sum, mixedSum);
    }

    public void add(long rowHash) {
        rows++;
        sum += rowHash;
        mixedSum += mix(rowHash);
    }

    public void merge(RowDigest other) {
        rows += other.rows;
        sum += other.sum;
        mixedSum += other.mixedSum;
    }

    public RowDigest minus(RowDigest other) {
        RowDigest result = new RowDigest();
        result.rows = rows - other.rows;
        result.sum = sum - other.sum;
        result.mixedSum = mixedSum - other.mixedSum;
        return result;
    }

    public long rows() {
        return rows;
    }

    /** 32 hex digits; equal for equal multisets of rows. */
    public String hex() {
        return String.format("%016x%016x", sum, mixedSum);
    }

    public boolean sameRowsAs(RowDigest other) {
        return rows == other.rows && sum == other.sum && mixedSum == other.mixedSum;
    }

    // MurmurHash3's 64-bit finalizer: makes the second sum independent of the first.
    private static long mix(long h) {
        h ^= h >>> 33;
        h *= 0xff51afd7ed558ccdL;
        h ^= h >>> 33;
        h *= 0xc4ceb9fe1a85ec53L;
        h ^= h >>> 33;
        return h;
    }

    @Override
    public String toString() {
        return rows + " rows, " + hex();
    }
}
