package io.poollab.db.sqlserver;

import com.microsoft.sqlserver.jdbc.ISQLServerBulkData;
import io.poollab.db.Column;
import io.poollab.db.Kind;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.sql.SQLException;
import java.sql.Types;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;

/**
 * Up to {@code capacity} rows held for one SQLServerBulkCopy call, already converted to the Java types bulk copy
 * casts its source values to. Row arrays are reused from one batch to the next. Not thread-safe: one per writer.
 *
 * <p>Date and time values are handed over as ISO 8601 text, declared varchar, and the server converts them to the
 * destination column's type. mssql-jdbc sends temporal bulk values as text anyway (sendTemporalDataTypesAsStringForBulkCopy
 * is on by default) but formats them itself, from java.sql.Timestamp (which passes through the JVM time zone) or with
 * as many fractional digits as the value has, while datetime takes at most three and datetime2 seven. Formatting here
 * keeps the wall-clock value exact and the digits within what the destination column accepts.
 */
final class BulkRows implements ISQLServerBulkData {

    private static final long serialVersionUID = 1L;

    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("uuuu-MM-dd", Locale.ROOT);
    private static final DateTimeFormatter TIME_7 = DateTimeFormatter.ofPattern("HH:mm:ss.SSSSSSS", Locale.ROOT);
    private static final DateTimeFormatter DATETIME2_7 = DateTimeFormatter.ofPattern(
            "uuuu-MM-dd'T'HH:mm:ss.SSSSSSS", Locale.ROOT);
    // ISO 8601 with the T is the one datetime/smalldatetime string format independent of language and DATEFORMAT;
    // both take at most three fractional digits and round them to their own precision.
    private static final DateTimeFormatter DATETIME_3 = DateTimeFormatter.ofPattern(
            "uuuu-MM-dd'T'HH:mm:ss.SSS", Locale.ROOT);
    private static final DateTimeFormatter OFFSET_7 = DateTimeFormatter.ofPattern(
            "uuuu-MM-dd'T'HH:mm:ss.SSSSSSSxxx", Locale.ROOT);

    /** How one destination column is declared to bulk copy, and how a canonical value becomes what it expects. */
    record Target(String name, int jdbcType, int precision, int scale, Function<Object, Object> convert) {
    }

    private final List<Target> targets;
    private final Object[][] rows;
    private int size;
    private int cursor = -1;

    BulkRows(List<Column> columns, int capacity) {
        this.targets = columns.stream().map(BulkRows::target).toList();
        this.rows = new Object[capacity][];
    }

    static Target target(Column column) {
        Kind kind = column.type().kind();
        if (kind == null) {
            throw new IllegalArgumentException("column " + column.name() + " has type " + column.type().nativeType()
                    + ", which PoolLab cannot write to SQL Server");
        }
        String name = column.name();
        String base = SqlServerTypes.baseName(column.type().nativeType());
        int length = column.type().length();
        return switch (kind) {
            case BOOLEAN -> new Target(name, Types.BIT, 1, 0, v -> v);
            case INT16 -> base.equals("tinyint")
                    ? new Target(name, Types.TINYINT, 3, 0, v -> (short) narrow(name, v, 0, 255))
                    : new Target(name, Types.SMALLINT, 5, 0,
                            v -> (short) narrow(name, v, Short.MIN_VALUE, Short.MAX_VALUE));
            case INT32 -> new Target(name, Types.INTEGER, 10, 0,
                    v -> (int) narrow(name, v, Integer.MIN_VALUE, Integer.MAX_VALUE));
            case INT64 -> new Target(name, Types.BIGINT, 19, 0, v -> ((Number) v).longValue());
            case DECIMAL -> decimal(name, column.type().precision(), column.type().scale());
            case FLOAT32 -> new Target(name, Types.REAL, 24, 0, v -> ((Number) v).floatValue());
            case FLOAT64 -> new Target(name, Types.DOUBLE, 53, 0, v -> ((Number) v).doubleValue());
            // Precision 0 lets bulk copy take the destination's length; n-types keep every character.
            case CHAR, VARCHAR, TEXT, JSON -> new Target(name,
                    base.startsWith("n") ? Types.NVARCHAR : Types.VARCHAR, 0, 0, Object::toString);
            case DATE -> new Target(name, Types.VARCHAR, 10, 0, v -> DATE.format((LocalDate) v));
            case TIME -> new Target(name, Types.VARCHAR, 16, 0, v -> TIME_7.format((LocalTime) v));
            case TIMESTAMP -> new Target(name, Types.VARCHAR, 27, 0, base.equals("datetime2")
                    ? v -> DATETIME2_7.format((LocalDateTime) v)
                    : v -> DATETIME_3.format((LocalDateTime) v));
            case TIMESTAMPTZ -> new Target(name, Types.VARCHAR, 34, 0, v -> OFFSET_7.format((OffsetDateTime) v));
            // Canonical text, never bytes: see SqlServerDialect#readValue for the byte order.
            case UUID -> new Target(name, microsoft.sql.Types.GUID, 36, 0, Object::toString);
            case BINARY -> new Target(name, Types.VARBINARY, length > 0 ? length : Integer.MAX_VALUE, 0, v -> v);
        };
    }

    // A value wider than the column fails here, naming the column, instead of wrapping around in a cast.
    private static long narrow(String column, Object value, long min, long max) {
        long v = ((Number) value).longValue();
        if (v < min || v > max) {
            throw new ArithmeticException("value " + v + " does not fit column " + column + " (" + min + " to "
                    + max + ")");
        }
        return v;
    }

    private static Target decimal(String name, int precision, int scale) {
        int p = precision > 0 ? precision : SqlServerTypes.MAX_DECIMAL_PRECISION;
        // Rounded the way SQL Server rounds an INSERT, so that a value with more scale than the column is judged on
        // its precision after rounding rather than refused by bulk copy's own precision check.
        return new Target(name, Types.DECIMAL, p, scale, v -> {
            BigDecimal d = (BigDecimal) v;
            return d.scale() > scale ? d.setScale(scale, RoundingMode.HALF_UP) : d;
        });
    }

    /** Converts and keeps one row; the caller flushes when {@link #isFull()}. */
    void add(Object[] source) throws SQLException {
        Object[] row = rows[size];
        if (row == null) {
            row = new Object[targets.size()];
            rows[size] = row;
        }
        for (int i = 0; i < row.length; i++) {
            Object value = source[i];
            try {
                row[i] = value == null ? null : targets.get(i).convert().apply(value);
            } catch (ArithmeticException e) {
                throw new SQLException(e.getMessage(), "22003", e);
            } catch (ClassCastException e) {
                throw new SQLException("column " + targets.get(i).name() + " cannot take a "
                        + value.getClass().getSimpleName() + " value", "22000", e);
            }
        }
        size++;
    }

    int size() {
        return size;
    }

    boolean isFull() {
        return size == rows.length;
    }

    /** Forgets the rows (and their values, so that a large batch is not kept alive) before the next batch. */
    void clear() {
        for (int r = 0; r < size; r++) {
            Arrays.fill(rows[r], null);
        }
        size = 0;
        cursor = -1;
    }

    List<Target> targets() {
        return targets;
    }

    @Override
    public Set<Integer> getColumnOrdinals() {
        Set<Integer> ordinals = new TreeSet<>();
        for (int i = 1; i <= targets.size(); i++) {
            ordinals.add(i);
        }
        return ordinals;
    }

    @Override
    public String getColumnName(int column) {
        return targets.get(column - 1).name();
    }

    @Override
    public int getColumnType(int column) {
        return targets.get(column - 1).jdbcType();
    }

    @Override
    public int getPrecision(int column) {
        return targets.get(column - 1).precision();
    }

    @Override
    public int getScale(int column) {
        return targets.get(column - 1).scale();
    }

    @Override
    public Object[] getRowData() throws SQLException {
        return rows[cursor];
    }

    @Override
    public boolean next() throws SQLException {
        if (cursor + 1 >= size) {
            return false;
        }
        cursor++;
        return true;
    }
}
