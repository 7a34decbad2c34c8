package io.poollab.db;

/**
 * A column's type: the database's own spelling plus, where PoolLab can map it, a {@link Kind}.
 *
 * @param nativeType the type as the source database spells it, exact enough to recreate it in the same dialect
 *                   (PostgreSQL: {@code format_type})
 * @param kind       the neutral kind, or null when PoolLab cannot carry this type to another dialect
 * @param length     declared length in characters or bytes for CHAR/VARCHAR/BINARY; 0 = unbounded
 * @param precision  for DECIMAL (0 = unconstrained) and fractional seconds of time types (-1 = default)
 * @param scale      for DECIMAL
 */
public record ColumnType(String nativeType, Kind kind, int length, int precision, int scale) {

    public static ColumnType of(String nativeType, Kind kind) {
        return new ColumnType(nativeType, kind, 0, -1, 0);
    }

    public boolean isMapped() {
        return kind != null;
    }
}
