package io.poollab.db;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;

/**
 * Maps partitioning-key values to a long domain where ranges are plain arithmetic: integers as themselves,
 * dates as epoch days, timestamps as epoch microseconds (UTC for timestamps without zone).
 */
public final class KeyCodec {

    private KeyCodec() {
    }

    public static long toLong(Kind kind, Object value) {
        return switch (kind) {
            case INT16, INT32, INT64 -> ((Number) value).longValue();
            case DATE -> ((LocalDate) value).toEpochDay();
            case TIMESTAMP -> micros(((LocalDateTime) value).toInstant(ZoneOffset.UTC));
            case TIMESTAMPTZ -> micros(((OffsetDateTime) value).toInstant());
            default -> throw new IllegalArgumentException(kind + " is not a range key");
        };
    }

    public static LocalDate toDate(long epochDay) {
        return LocalDate.ofEpochDay(epochDay);
    }

    public static LocalDateTime toTimestamp(long epochMicros) {
        return LocalDateTime.ofInstant(toInstant(epochMicros), ZoneOffset.UTC);
    }

    public static Instant toInstant(long epochMicros) {
        return Instant.EPOCH.plus(epochMicros, ChronoUnit.MICROS);
    }

    private static long micros(Instant instant) {
        return Math.addExact(Math.multiplyExact(instant.getEpochSecond(), 1_000_000L), instant.getNano() / 1_000);
    }
}
