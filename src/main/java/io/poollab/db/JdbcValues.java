package io.poollab.db;

import java.math.BigDecimal;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.util.UUID;

/** The JDBC 4.2 way to read and bind each {@link Kind}'s canonical value; dialects override only their quirks. */
public final class JdbcValues {

    private JdbcValues() {
    }

    public static Object read(ResultSet rs, int index, Kind kind) throws SQLException {
        Object value = switch (kind) {
            case BOOLEAN -> rs.getBoolean(index);
            case INT16, INT32, INT64 -> rs.getLong(index);
            case FLOAT32 -> rs.getFloat(index);
            case FLOAT64 -> rs.getDouble(index);
            case DECIMAL -> rs.getBigDecimal(index);
            case CHAR, VARCHAR, TEXT, JSON -> rs.getString(index);
            case DATE -> rs.getObject(index, LocalDate.class);
            case TIME -> rs.getObject(index, LocalTime.class);
            case TIMESTAMP -> rs.getObject(index, LocalDateTime.class);
            case TIMESTAMPTZ -> rs.getObject(index, OffsetDateTime.class);
            case UUID -> rs.getObject(index, UUID.class);
            case BINARY -> rs.getBytes(index);
        };
        return rs.wasNull() ? null : value;
    }

    public static void bind(PreparedStatement statement, int index, Kind kind, Object value) throws SQLException {
        if (value == null) {
            statement.setNull(index, sqlType(kind));
            return;
        }
        switch (kind) {
            case BOOLEAN -> statement.setBoolean(index, (Boolean) value);
            case INT16, INT32, INT64 -> statement.setLong(index, (Long) value);
            case FLOAT32 -> statement.setFloat(index, (Float) value);
            case FLOAT64 -> statement.setDouble(index, (Double) value);
            case DECIMAL -> statement.setBigDecimal(index, (BigDecimal) value);
            case CHAR, VARCHAR, TEXT, JSON -> statement.setString(index, (String) value);
            case BINARY -> statement.setBytes(index, (byte[]) value);
            default -> statement.setObject(index, value);
        }
    }

    static int sqlType(Kind kind) {
        return switch (kind) {
            case BOOLEAN -> Types.BOOLEAN;
            case INT16 -> Types.SMALLINT;
            case INT32 -> Types.INTEGER;
            case INT64 -> Types.BIGINT;
            case FLOAT32 -> Types.REAL;
            case FLOAT64 -> Types.DOUBLE;
            case DECIMAL -> Types.NUMERIC;
            case CHAR -> Types.CHAR;
            case VARCHAR, TEXT, JSON -> Types.VARCHAR;
            case DATE -> Types.DATE;
            case TIME -> Types.TIME;
            case TIMESTAMP -> Types.TIMESTAMP;
            case TIMESTAMPTZ -> Types.TIMESTAMP_WITH_TIMEZONE;
            case UUID -> Types.OTHER;
            case BINARY -> Types.VARBINARY;
        };
    }

    /** A rough size of a decoded value in bytes, for the bytes-copied gauge of row-decoding paths. */
    public static long sizeOf(Object value) {
        if (value == null) {
            return 0;
        }
        if (value instanceof String s) {
            return s.length();
        }
        if (value instanceof byte[] b) {
            return b.length;
        }
        if (value instanceof BigDecimal d) {
            return d.precision() / 2 + 4;
        }
        return 8;
    }
}
