package io.poollab.db.postgres;

import io.poollab.db.ColumnType;
import io.poollab.db.Kind;
import io.poollab.db.UnmappedTypeException;

/** PostgreSQL's half of the type map: catalog type → neutral kind, and neutral kind → DDL. */
final class PgTypes {

    private PgTypes() {
    }

    /**
     * @param typeName  pg_type.typname (e.g. {@code int4}, {@code bpchar})
     * @param typmod    pg_attribute.atttypmod
     * @param formatted format_type(atttypid, atttypmod), kept as the native type for same-dialect copies
     */
    static ColumnType fromCatalog(String typeName, int typmod, String formatted) {
        return switch (typeName) {
            case "bool" -> ColumnType.of(formatted, Kind.BOOLEAN);
            case "int2" -> ColumnType.of(formatted, Kind.INT16);
            case "int4" -> ColumnType.of(formatted, Kind.INT32);
            case "int8" -> ColumnType.of(formatted, Kind.INT64);
            case "float4" -> ColumnType.of(formatted, Kind.FLOAT32);
            case "float8" -> ColumnType.of(formatted, Kind.FLOAT64);
            case "numeric" -> typmod < 0
                    ? new ColumnType(formatted, Kind.DECIMAL, 0, 0, 0)
                    : new ColumnType(formatted, Kind.DECIMAL, 0, ((typmod - 4) >> 16) & 0xffff, (typmod - 4) & 0xffff);
            case "bpchar" -> new ColumnType(formatted, Kind.CHAR, typmod < 0 ? 1 : typmod - 4, -1, 0);
            case "varchar" -> typmod < 0
                    ? ColumnType.of(formatted, Kind.TEXT)
                    : new ColumnType(formatted, Kind.VARCHAR, typmod - 4, -1, 0);
            case "text", "name", "citext" -> ColumnType.of(formatted, Kind.TEXT);
            case "json", "jsonb" -> ColumnType.of(formatted, Kind.JSON);
            case "date" -> ColumnType.of(formatted, Kind.DATE);
            case "time" -> new ColumnType(formatted, Kind.TIME, 0, typmod, 0);
            case "timestamp" -> new ColumnType(formatted, Kind.TIMESTAMP, 0, typmod, 0);
            case "timestamptz" -> new ColumnType(formatted, Kind.TIMESTAMPTZ, 0, typmod, 0);
            case "uuid" -> ColumnType.of(formatted, Kind.UUID);
            case "bytea" -> ColumnType.of(formatted, Kind.BINARY);
            default -> ColumnType.of(formatted, null);
        };
    }

    static String ddl(ColumnType type) throws UnmappedTypeException {
        if (type.kind() == null) {
            throw new UnmappedTypeException(type.nativeType() + " has no PostgreSQL equivalent");
        }
        return switch (type.kind()) {
            case BOOLEAN -> "boolean";
            case INT16 -> "smallint";
            case INT32 -> "integer";
            case INT64 -> "bigint";
            case DECIMAL -> type.precision() > 0 ? "numeric(" + type.precision() + "," + type.scale() + ")" : "numeric";
            case FLOAT32 -> "real";
            case FLOAT64 -> "double precision";
            case CHAR -> "char(" + Math.max(1, type.length()) + ")";
            case VARCHAR -> type.length() > 0 && type.length() <= 10_485_760 ? "varchar(" + type.length() + ")" : "text";
            case TEXT -> "text";
            // json, not jsonb: jsonb normalises the document, and the copy would no longer equal the source.
            case JSON -> "json";
            case DATE -> "date";
            case TIME -> "time" + fraction(type);
            case TIMESTAMP -> "timestamp" + fraction(type);
            case TIMESTAMPTZ -> "timestamptz" + fraction(type);
            case UUID -> "uuid";
            case BINARY -> "bytea";
        };
    }

    // PostgreSQL keeps at most microseconds; a finer source value (datetime2(7)) is rounded, and a checksum shows it.
    private static String fraction(ColumnType type) {
        return type.precision() < 0 ? "" : "(" + Math.min(6, type.precision()) + ")";
    }
}
