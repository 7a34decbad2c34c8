package io.poollab.db.h2;

import io.poollab.db.ColumnType;
import io.poollab.db.Kind;
import io.poollab.db.UnmappedTypeException;

/** H2's half of the type map, from INFORMATION_SCHEMA.COLUMNS.DATA_TYPE and back to DDL. */
final class H2Types {

    // H2 reports unbounded CHARACTER VARYING and BINARY VARYING with their maximum length.
    private static final long UNBOUNDED = 1_000_000;
    private static final int UNCONSTRAINED_NUMERIC = 100_000;

    private H2Types() {
    }

    static ColumnType fromCatalog(String dataType, long maxLength, int precision, int scale, int datetimePrecision) {
        String formatted = format(dataType, maxLength, precision, scale, datetimePrecision);
        int length = maxLength > 0 && maxLength < UNBOUNDED ? (int) maxLength : 0;
        return switch (dataType) {
            case "BOOLEAN" -> ColumnType.of(formatted, Kind.BOOLEAN);
            case "TINYINT", "SMALLINT" -> ColumnType.of(formatted, Kind.INT16);
            case "INTEGER" -> ColumnType.of(formatted, Kind.INT32);
            case "BIGINT" -> ColumnType.of(formatted, Kind.INT64);
            case "NUMERIC", "DECIMAL" -> precision >= UNCONSTRAINED_NUMERIC
                    ? new ColumnType(formatted, Kind.DECIMAL, 0, 0, 0)
                    : new ColumnType(formatted, Kind.DECIMAL, 0, precision, scale);
            case "DECFLOAT" -> new ColumnType(formatted, Kind.DECIMAL, 0, 0, 0);
            case "REAL" -> ColumnType.of(formatted, Kind.FLOAT32);
            case "DOUBLE PRECISION" -> ColumnType.of(formatted, Kind.FLOAT64);
            case "CHARACTER" -> new ColumnType(formatted, Kind.CHAR, length, -1, 0);
            case "CHARACTER VARYING", "VARCHAR_IGNORECASE" -> length == 0
                    ? ColumnType.of(formatted, Kind.TEXT)
                    : new ColumnType(formatted, Kind.VARCHAR, length, -1, 0);
            case "CHARACTER LARGE OBJECT" -> ColumnType.of(formatted, Kind.TEXT);
            case "JSON" -> ColumnType.of(formatted, Kind.JSON);
            case "DATE" -> ColumnType.of(formatted, Kind.DATE);
            case "TIME" -> new ColumnType(formatted, Kind.TIME, 0, datetimePrecision, 0);
            case "TIMESTAMP" -> new ColumnType(formatted, Kind.TIMESTAMP, 0, datetimePrecision, 0);
            case "TIMESTAMP WITH TIME ZONE" -> new ColumnType(formatted, Kind.TIMESTAMPTZ, 0, datetimePrecision, 0);
            case "UUID" -> ColumnType.of(formatted, Kind.UUID);
            case "BINARY", "BINARY VARYING", "BINARY LARGE OBJECT" -> new ColumnType(formatted, Kind.BINARY, length, -1, 0);
            default -> ColumnType.of(formatted, null);
        };
    }

    static String ddl(ColumnType type) throws UnmappedTypeException {
        if (type.kind() == null) {
            throw new UnmappedTypeException(type.nativeType() + " has no H2 equivalent");
        }
        return switch (type.kind()) {
            case BOOLEAN -> "BOOLEAN";
            case INT16 -> "SMALLINT";
            case INT32 -> "INTEGER";
            case INT64 -> "BIGINT";
            // H2's NUMERIC without precision has scale 0; DECFLOAT keeps any scale, as PostgreSQL's numeric does.
            case DECIMAL -> type.precision() > 0 ? "NUMERIC(" + type.precision() + "," + type.scale() + ")" : "DECFLOAT";
            case FLOAT32 -> "REAL";
            case FLOAT64 -> "DOUBLE PRECISION";
            case CHAR -> "CHARACTER(" + Math.max(1, type.length()) + ")";
            case VARCHAR -> type.length() > 0 ? "CHARACTER VARYING(" + type.length() + ")" : "CHARACTER VARYING";
            case TEXT, JSON -> "CHARACTER VARYING";
            case DATE -> "DATE";
            // H2's TIME defaults to whole seconds; say the precision so fractions survive.
            case TIME -> "TIME(" + fraction(type) + ")";
            case TIMESTAMP -> "TIMESTAMP(" + fraction(type) + ")";
            case TIMESTAMPTZ -> "TIMESTAMP(" + fraction(type) + ") WITH TIME ZONE";
            case UUID -> "UUID";
            case BINARY -> type.length() > 0 ? "BINARY VARYING(" + type.length() + ")" : "BINARY VARYING";
        };
    }

    private static int fraction(ColumnType type) {
        return type.precision() < 0 ? 6 : Math.min(9, type.precision());
    }

    private static String format(String dataType, long maxLength, int precision, int scale, int datetimePrecision) {
        return switch (dataType) {
            case "CHARACTER", "CHARACTER VARYING", "BINARY", "BINARY VARYING" ->
                    maxLength > 0 && maxLength < UNBOUNDED ? dataType + "(" + maxLength + ")" : dataType;
            case "NUMERIC", "DECIMAL" -> dataType + "(" + precision + "," + scale + ")";
            case "TIME", "TIMESTAMP" -> dataType + "(" + datetimePrecision + ")";
            case "TIMESTAMP WITH TIME ZONE" -> "TIMESTAMP(" + datetimePrecision + ") WITH TIME ZONE";
            default -> dataType;
        };
    }
}
