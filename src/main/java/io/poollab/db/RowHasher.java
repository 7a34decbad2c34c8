package io.poollab.db;

import java.math.BigDecimal;
import java.nio.ByteBuffer;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;
import net.openhft.hashing.LongHashFunction;

/**
 * Hashes decoded rows by their values, not their representation, so that a row read from H2 and the same row read
 * back from PostgreSQL hash alike. Each value is written in a canonical binary form into one reused buffer, then
 * the buffer is hashed with XXH3. Numbers compare by value (1.50 = 1.5), timestamps with time zone by instant.
 */
public final class RowHasher {

    private static final LongHashFunction XXH3 = LongHashFunction.xx3();
    private final Kind[] kinds;
    private ByteBuffer buffer = ByteBuffer.allocate(4096);

    public RowHasher(List<Column> columns) {
        this.kinds = columns.stream().map(c -> c.type().kind()).toArray(Kind[]::new);
    }

    public long hash(Object[] row) {
        buffer.clear();
        for (int i = 0; i < kinds.length; i++) {
            put(kinds[i], row[i]);
        }
        return XXH3.hashBytes(buffer.array(), 0, buffer.position());
    }

    private void put(Kind kind, Object value) {
        if (value == null) {
            ensure(1).put((byte) 0);
            return;
        }
        ensure(1).put((byte) 1);
        switch (kind) {
            case BOOLEAN -> ensure(1).put((byte) (((Boolean) value) ? 1 : 0));
            case INT16, INT32, INT64 -> ensure(8).putLong(((Number) value).longValue());
            case FLOAT32 -> ensure(4).putInt(Float.floatToIntBits((Float) value));
            case FLOAT64 -> ensure(8).putLong(Double.doubleToLongBits((Double) value));
            case DECIMAL -> putDecimal((BigDecimal) value);
            case CHAR, VARCHAR, TEXT, JSON -> putChars((String) value);
            case DATE -> ensure(8).putLong(((LocalDate) value).toEpochDay());
            case TIME -> ensure(8).putLong(((LocalTime) value).toNanoOfDay());
            case TIMESTAMP -> putInstant(((LocalDateTime) value).toEpochSecond(ZoneOffset.UTC),
                    ((LocalDateTime) value).getNano());
            case TIMESTAMPTZ -> putInstant(((OffsetDateTime) value).toEpochSecond(), ((OffsetDateTime) value).getNano());
            case UUID -> ensure(16).putLong(((UUID) value).getMostSignificantBits())
                    .putLong(((UUID) value).getLeastSignificantBits());
            case BINARY -> {
                byte[] bytes = (byte[]) value;
                ensure(4 + bytes.length).putInt(bytes.length).put(bytes);
            }
        }
    }

    private void putDecimal(BigDecimal value) {
        BigDecimal canonical = value.signum() == 0 ? BigDecimal.ZERO : value.stripTrailingZeros();
        byte[] unscaled = canonical.unscaledValue().toByteArray();
        ensure(8 + unscaled.length).putInt(canonical.scale()).putInt(unscaled.length).put(unscaled);
    }

    // UTF-16 code units straight into the buffer: canonical, and no byte[] per string.
    private void putChars(String value) {
        ByteBuffer out = ensure(4 + 2 * value.length()).putInt(value.length());
        for (int i = 0; i < value.length(); i++) {
            out.putChar(value.charAt(i));
        }
    }

    private void putInstant(long epochSecond, int nano) {
        ensure(12).putLong(epochSecond).putInt(nano);
    }

    private ByteBuffer ensure(int bytes) {
        if (buffer.remaining() < bytes) {
            ByteBuffer bigger = ByteBuffer.allocate(Math.max(buffer.capacity() * 2, buffer.position() + bytes));
            buffer.flip();
            bigger.put(buffer);
            buffer = bigger;
        }
        return buffer;
    }
}
