package io.poollab.db.postgres;

import io.poollab.config.CopyFormat;
import io.poollab.db.Kind;
import io.poollab.db.KeyCodec;
import io.poollab.db.RowDigest;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.temporal.ChronoField;
import net.openhft.hashing.LongHashFunction;

/**
 * Finds row boundaries in a COPY stream without decoding values, hashes each row's bytes into a digest, and
 * decodes the one key column needed to continue a keyset batch. PostgreSQL sends one CopyData message per row,
 * but this does not rely on it: a row split across messages is carried over, so any chunking works.
 */
final class CopyTupleScanner {

    private static final LongHashFunction XXH3 = LongHashFunction.xx3();
    private static final int BINARY_HEADER = 19;
    // Binary dates count days and timestamps count microseconds from 2000-01-01.
    private static final long PG_EPOCH_DAY = 10_957;
    private static final long PG_EPOCH_MICROS = PG_EPOCH_DAY * 86_400_000_000L;
    private static final DateTimeFormatter TEXT_TIMESTAMP = new DateTimeFormatterBuilder()
            .append(DateTimeFormatter.ISO_LOCAL_DATE).appendLiteral(' ').append(DateTimeFormatter.ISO_LOCAL_TIME)
            .optionalStart().appendOffset("+HH:mm", "+00").optionalEnd()
            .parseDefaulting(ChronoField.NANO_OF_SECOND, 0).toFormatter();

    private final boolean binary;
    private final int keyIndex;
    private final Kind keyKind;
    private final RowDigest digest;
    private boolean headerSeen;
    private byte[] carry = new byte[0];
    private int carryLength;
    private long rows;
    private long lastKey;
    private boolean hasKey;

    /**
     * @param keyIndex the key column's position in the COPY column list, or -1 when no key is needed
     * @param digest   the digest to add row hashes to, or null when not verifying
     */
    CopyTupleScanner(CopyFormat format, int keyIndex, Kind keyKind, RowDigest digest) {
        this.binary = format == CopyFormat.BINARY;
        this.keyIndex = keyIndex;
        this.keyKind = keyKind;
        this.digest = digest;
    }

    /** Scans the next bytes of the stream; returns the number of rows completed by them. */
    int accept(byte[] data, int offset, int length) {
        long before = rows;
        if (carryLength == 0) {
            int consumed = scan(data, offset, offset + length);
            keep(data, consumed, offset + length - consumed);
        } else {
            keep(data, offset, length);
            int consumed = scan(carry, 0, carryLength);
            System.arraycopy(carry, consumed, carry, 0, carryLength - consumed);
            carryLength -= consumed;
        }
        return (int) (rows - before);
    }

    long rows() {
        return rows;
    }

    /** The last complete row's key in the key's long domain, or null before the first row. */
    Long lastKey() {
        return hasKey ? lastKey : null;
    }

    private void keep(byte[] data, int offset, int length) {
        if (carryLength + length > carry.length) {
            byte[] bigger = new byte[Math.max(carry.length * 2, carryLength + length)];
            System.arraycopy(carry, 0, bigger, 0, carryLength);
            carry = bigger;
        }
        System.arraycopy(data, offset, carry, carryLength, length);
        carryLength += length;
    }

    /** Scans whole rows in [from, end); returns where the first incomplete row starts. */
    private int scan(byte[] b, int from, int end) {
        return binary ? scanBinary(b, from, end) : scanText(b, from, end);
    }

    private int scanBinary(byte[] b, int from, int end) {
        int p = from;
        if (!headerSeen) {
            if (end - p < BINARY_HEADER || end - p < BINARY_HEADER + readInt(b, p + 15)) {
                return p;
            }
            p += BINARY_HEADER + readInt(b, p + 15);
            headerSeen = true;
        }
        while (end - p >= 2) {
            int fields = (short) (((b[p] & 0xff) << 8) | (b[p + 1] & 0xff));
            if (fields == -1) {
                p += 2;
                continue;
            }
            int q = p + 2;
            long key = 0;
            for (int f = 0; f < fields; f++) {
                if (end - q < 4) {
                    return p;
                }
                int fieldLength = readInt(b, q);
                q += 4;
                if (fieldLength > 0) {
                    if (end - q < fieldLength) {
                        return p;
                    }
                    if (f == keyIndex) {
                        key = binaryKey(b, q, fieldLength);
                    }
                    q += fieldLength;
                }
            }
            completeRow(b, p, q - p, key);
            p = q;
        }
        return p;
    }

    private int scanText(byte[] b, int from, int end) {
        int p = from;
        for (int i = from; i < end; i++) {
            if (b[i] == '\n') {
                completeRow(b, p, i - p, keyIndex >= 0 ? textKey(b, p, i) : 0);
                p = i + 1;
            }
        }
        return p;
    }

    private void completeRow(byte[] b, int offset, int length, long key) {
        rows++;
        if (digest != null) {
            digest.add(XXH3.hashBytes(b, offset, length));
        }
        if (keyIndex >= 0) {
            lastKey = key;
            hasKey = true;
        }
    }

    private long binaryKey(byte[] b, int offset, int length) {
        long raw = 0;
        for (int i = 0; i < length; i++) {
            raw = (raw << 8) | (b[offset + i] & 0xff);
        }
        return switch (keyKind) {
            case INT16 -> (short) raw;
            case INT32 -> (int) raw;
            case DATE -> (int) raw + PG_EPOCH_DAY;
            case TIMESTAMP, TIMESTAMPTZ -> raw + PG_EPOCH_MICROS;
            default -> raw;
        };
    }

    private long textKey(byte[] b, int lineStart, int lineEnd) {
        int field = 0;
        int start = lineStart;
        for (int i = lineStart; i <= lineEnd; i++) {
            if (i == lineEnd || b[i] == '\t') {
                if (field == keyIndex) {
                    String text = new String(b, start, i - start, StandardCharsets.UTF_8);
                    return switch (keyKind) {
                        case DATE -> LocalDate.parse(text).toEpochDay();
                        case TIMESTAMP -> KeyCodec.toLong(keyKind, LocalDateTime.parse(text, TEXT_TIMESTAMP));
                        case TIMESTAMPTZ -> KeyCodec.toLong(keyKind, OffsetDateTime.parse(text, TEXT_TIMESTAMP));
                        default -> Long.parseLong(text);
                    };
                }
                field++;
                start = i + 1;
            }
        }
        throw new IllegalStateException("COPY row has no column " + keyIndex);
    }

    private static int readInt(byte[] b, int p) {
        return ((b[p] & 0xff) << 24) | ((b[p + 1] & 0xff) << 16) | ((b[p + 2] & 0xff) << 8) | (b[p + 3] & 0xff);
    }
}
