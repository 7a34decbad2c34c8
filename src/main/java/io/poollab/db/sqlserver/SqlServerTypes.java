package io.poollab.db.sqlserver;

import io.poollab.db.ColumnType;
import io.poollab.db.Kind;
import io.poollab.db.UnmappedTypeException;

/** SQL Server's half of the type map: sys.columns/sys.types → neutral kind, and neutral kind → DDL. */
final class SqlServerTypes {

    /** decimal's largest precision; nvarchar(n) and varbinary(n) beyond their limits must be (max). */
    static final int MAX_DECIMAL_PRECISION = 38;
    static final int MAX_NVARCHAR_LENGTH = 4_000;
    static final int MAX_VARBINARY_LENGTH = 8_000;
    /** The finest fractional seconds of time, datetime2 and datetimeoffset: 100 ns. */
    static final int MAX_FRACTION_DIGITS = 7;

    private SqlServerTypes() {
    }

    /**
     * @param typeName  the system type name (alias types already resolved to their base type)
     * @param maxLength sys.columns.max_length: bytes, -1 for (max)
     * @param precision sys.columns.precision
     * @param scale     sys.columns.scale: digits after the point, or fractional-second digits for time types
     */
    static ColumnType fromCatalog(String typeName, int maxLength, int precision, int scale) {
        String type = typeName.toLowerCase(java.util.Locale.ROOT);
        String formatted = format(type, maxLength, precision, scale);
        return switch (type) {
            case "bit" -> ColumnType.of(formatted, Kind.BOOLEAN);
            // tinyint is 0..255, so it needs the 16-bit kind.
            case "tinyint", "smallint" -> ColumnType.of(formatted, Kind.INT16);
            case "int" -> ColumnType.of(formatted, Kind.INT32);
            case "bigint" -> ColumnType.of(formatted, Kind.INT64);
            case "decimal", "numeric" -> new ColumnType(formatted, Kind.DECIMAL, 0, precision, scale);
            case "money" -> new ColumnType(formatted, Kind.DECIMAL, 0, 19, 4);
            case "smallmoney" -> new ColumnType(formatted, Kind.DECIMAL, 0, 10, 4);
            case "real" -> ColumnType.of(formatted, Kind.FLOAT32);
            // SQL Server stores float(1..24) as real; the catalog normally says real already.
            case "float" -> ColumnType.of(formatted, precision > 0 && precision <= 24 ? Kind.FLOAT32 : Kind.FLOAT64);
            case "char" -> new ColumnType(formatted, Kind.CHAR, maxLength, -1, 0);
            case "nchar" -> new ColumnType(formatted, Kind.CHAR, maxLength / 2, -1, 0);
            case "varchar" -> maxLength < 0
                    ? ColumnType.of(formatted, Kind.TEXT)
                    : new ColumnType(formatted, Kind.VARCHAR, maxLength, -1, 0);
            case "nvarchar" -> maxLength < 0
                    ? ColumnType.of(formatted, Kind.TEXT)
                    : new ColumnType(formatted, Kind.VARCHAR, maxLength / 2, -1, 0);
            case "text", "ntext" -> ColumnType.of(formatted, Kind.TEXT);
            case "date" -> ColumnType.of(formatted, Kind.DATE);
            case "time" -> new ColumnType(formatted, Kind.TIME, 0, scale, 0);
            case "datetime2" -> new ColumnType(formatted, Kind.TIMESTAMP, 0, scale, 0);
            // datetime ticks are 1/300 s and smalldatetime keeps whole minutes: milliseconds and seconds carry them.
            case "datetime" -> new ColumnType(formatted, Kind.TIMESTAMP, 0, 3, 0);
            case "smalldatetime" -> new ColumnType(formatted, Kind.TIMESTAMP, 0, 0, 0);
            case "datetimeoffset" -> new ColumnType(formatted, Kind.TIMESTAMPTZ, 0, scale, 0);
            case "uniqueidentifier" -> ColumnType.of(formatted, Kind.UUID);
            case "binary", "varbinary" -> new ColumnType(formatted, Kind.BINARY, Math.max(0, maxLength), -1, 0);
            case "image" -> ColumnType.of(formatted, Kind.BINARY);
            // xml, sql_variant, geography, geometry, hierarchyid, timestamp/rowversion: no neutral kind.
            default -> ColumnType.of(formatted, null);
        };
    }

    static String ddl(ColumnType type) throws UnmappedTypeException {
        if (type.kind() == null) {
            throw new UnmappedTypeException(type.nativeType() + " has no SQL Server equivalent");
        }
        return switch (type.kind()) {
            case BOOLEAN -> "bit";
            case INT16 -> "smallint";
            case INT32 -> "int";
            case INT64 -> "bigint";
            case DECIMAL -> decimal(type);
            case FLOAT32 -> "real";
            case FLOAT64 -> "float";
            // n-types: the text may hold any Unicode character, and the length then counts characters.
            case CHAR -> type.length() <= MAX_NVARCHAR_LENGTH
                    ? "nchar(" + Math.max(1, type.length()) + ")" : "nvarchar(max)";
            case VARCHAR -> type.length() > 0 && type.length() <= MAX_NVARCHAR_LENGTH
                    ? "nvarchar(" + type.length() + ")" : "nvarchar(max)";
            case TEXT, JSON -> "nvarchar(max)";
            case DATE -> "date";
            case TIME -> "time(" + fraction(type) + ")";
            case TIMESTAMP -> "datetime2(" + fraction(type) + ")";
            case TIMESTAMPTZ -> "datetimeoffset(" + fraction(type) + ")";
            case UUID -> "uniqueidentifier";
            case BINARY -> type.length() > 0 && type.length() <= MAX_VARBINARY_LENGTH
                    ? "varbinary(" + type.length() + ")" : "varbinary(max)";
        };
    }

    /** The type name without its length, precision or scale: {@code nvarchar(40)} → {@code nvarchar}. */
    static String baseName(String nativeType) {
        int paren = nativeType.indexOf('(');
        return (paren < 0 ? nativeType : nativeType.substring(0, paren)).trim().toLowerCase(java.util.Locale.ROOT);
    }

    // A guessed scale would round values silently and the checksum would only say so after the copy: refuse instead.
    private static String decimal(ColumnType type) throws UnmappedTypeException {
        if (type.precision() <= 0) {
            throw new UnmappedTypeException(type.nativeType() + " is an unconstrained numeric, which SQL Server cannot"
                    + " store exactly (decimal keeps at most 38 digits at a fixed scale); create the target table with"
                    + " an explicit decimal(p,s) column and use mode truncate or append");
        }
        if (type.precision() > MAX_DECIMAL_PRECISION) {
            throw new UnmappedTypeException(type.nativeType() + " has precision " + type.precision()
                    + ", but SQL Server's decimal keeps at most 38 digits; create the target table with a decimal(p,s)"
                    + " column that fits the data and use mode truncate or append");
        }
        return "decimal(" + type.precision() + "," + type.scale() + ")";
    }

    // Unknown precision (-1) gets the finest SQL Server has, so no source digit is lost; finer sources round to 100 ns.
    private static int fraction(ColumnType type) {
        return type.precision() < 0 ? MAX_FRACTION_DIGITS : Math.min(MAX_FRACTION_DIGITS, type.precision());
    }

    private static String format(String type, int maxLength, int precision, int scale) {
        return switch (type) {
            case "char", "varchar", "binary", "varbinary" -> type + "(" + (maxLength < 0 ? "max" : maxLength) + ")";
            case "nchar", "nvarchar" -> type + "(" + (maxLength < 0 ? "max" : maxLength / 2) + ")";
            case "decimal", "numeric" -> type + "(" + precision + "," + scale + ")";
            case "time", "datetime2", "datetimeoffset" -> type + "(" + scale + ")";
            case "float" -> precision > 0 && precision != 53 ? "float(" + precision + ")" : "float";
            default -> type;
        };
    }
}
