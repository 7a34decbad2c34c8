package io.poollab.migrate;

import io.poollab.db.Column;
import io.poollab.db.Kind;
import io.poollab.db.TableInfo;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The one rule for the column a table is partitioned on. The planner and the source catalog both ask here, so the
 * table list a user picks from can never promise a split that the run then does not make.
 */
final class KeyChoice {

    static final String NO_USABLE_KEY = "no single-column NOT NULL unique key of integer, date or timestamp type";
    static final String ONE_PARTITION = "copied as one partition by one worker";

    private KeyChoice() {
    }

    /** The primary key, else the first unique key, that is a single NOT NULL range column; empty when none is. */
    static Optional<Column> automatic(TableInfo info) {
        for (List<String> candidate : candidates(info)) {
            if (candidate.size() == 1) {
                Column column = info.column(candidate.get(0)).orElseThrow();
                if (!column.nullable() && isRangeKey(column)) {
                    return Optional.of(column);
                }
            }
        }
        return Optional.empty();
    }

    /** Why {@link #automatic} found nothing, naming what is wrong with each candidate, in one line. */
    static String whyNone(TableInfo info) {
        List<String> flaws = new ArrayList<>();
        if (info.primaryKey().isEmpty()) {
            flaws.add(info.uniqueKeys().isEmpty() ? "no primary key or unique key" : "no primary key");
        }
        boolean primary = !info.primaryKey().isEmpty();
        for (List<String> candidate : candidates(info)) {
            String what = primary ? "primary key" : "unique key";
            primary = false;
            if (candidate.size() > 1) {
                flaws.add(what + " (" + String.join(", ", candidate) + ") has " + candidate.size() + " columns");
                continue;
            }
            Column column = info.column(candidate.get(0)).orElseThrow();
            if (column.nullable()) {
                flaws.add(what + " " + column.name() + " is nullable");
            } else if (!isRangeKey(column)) {
                flaws.add(what + " " + column.name() + " has type " + column.type().nativeType()
                        + (isFineTimestamp(column) ? ", finer than microseconds" : ""));
            }
        }
        return NO_USABLE_KEY + " (" + String.join("; ", flaws) + "): " + ONE_PARTITION;
    }

    /** What makes the key column a user named unusable, or empty when it can be split on. */
    static Optional<String> problemWith(TableInfo info, String keyName) {
        Optional<Column> column = info.column(keyName);
        String where = "key column " + keyName + " of " + info.ref();
        if (column.isEmpty()) {
            return Optional.of("column " + keyName + " not found in " + info.ref());
        }
        Column key = column.get();
        if (key.nullable()) {
            return Optional.of(where + " is nullable; a partitioning key must be NOT NULL");
        }
        if (!info.isUniqueColumn(key.name())) {
            return Optional.of(where + " is not unique; use the primary key or a NOT NULL column with a unique index");
        }
        if (!isRangeKey(key)) {
            return Optional.of(where + " has type " + key.type().nativeType()
                    + "; PoolLab splits integer, date and timestamp (up to microsecond) keys");
        }
        return Optional.empty();
    }

    /**
     * Keyset ranges live in a long domain of microseconds ({@code KeyCodec}): a timestamp key finer than that
     * (datetime2(7), H2's TIMESTAMP(9)) could not continue a batch exactly after its last row.
     */
    static boolean isRangeKey(Column column) {
        if (!column.type().isMapped() || !column.type().kind().isRangeKey()) {
            return false;
        }
        return !isFineTimestamp(column);
    }

    private static boolean isFineTimestamp(Column column) {
        Kind kind = column.type().kind();
        boolean timestamp = kind == Kind.TIMESTAMP || kind == Kind.TIMESTAMPTZ;
        return timestamp && column.type().precision() > 6;
    }

    private static List<List<String>> candidates(TableInfo info) {
        List<List<String>> candidates = new ArrayList<>();
        if (!info.primaryKey().isEmpty()) {
            candidates.add(info.primaryKey());
        }
        candidates.addAll(info.uniqueKeys());
        return candidates;
    }
}
