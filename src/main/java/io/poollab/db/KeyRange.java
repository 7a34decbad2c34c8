package io.poollab.db;

/**
 * A keyset range over a partitioning key, in the key's long domain ({@link KeyCodec}).
 * Null bounds are open, so the first and last partitions also take rows beyond the sampled minimum and maximum.
 *
 * @param lower          lower bound, or null
 * @param lowerInclusive true for {@code key >= lower}, false for {@code key > lower} (keyset continuation)
 * @param upper          exclusive upper bound, or null
 */
public record KeyRange(Long lower, boolean lowerInclusive, Long upper) {

    public static final KeyRange ALL = new KeyRange(null, true, null);

    public static KeyRange of(Long lowerInclusive, Long upperExclusive) {
        return new KeyRange(lowerInclusive, true, upperExclusive);
    }

    /** The rest of this range after {@code lastKey}, for reading the next batch. */
    public KeyRange after(long lastKey) {
        return new KeyRange(lastKey, false, upper);
    }

    public boolean isAll() {
        return lower == null && upper == null;
    }

    /** A SQL predicate on {@code quotedKey}, or an empty string for the whole table. */
    public String predicate(String quotedKey, Dialect dialect, Kind keyKind) {
        StringBuilder where = new StringBuilder();
        if (lower != null) {
            where.append(quotedKey).append(lowerInclusive ? " >= " : " > ").append(dialect.literal(keyKind, lower));
        }
        if (upper != null) {
            if (where.length() > 0) {
                where.append(" AND ");
            }
            where.append(quotedKey).append(" < ").append(dialect.literal(keyKind, upper));
        }
        return where.toString();
    }

    @Override
    public String toString() {
        return (lower == null ? "(-∞" : (lowerInclusive ? "[" : "(") + lower) + ", " + (upper == null ? "+∞)" : upper + ")");
    }
}
