package io.poollab.db;

/**
 * The dialect-neutral kinds of column PoolLab can carry between different databases. Each kind has one canonical
 * Java value type, used by readers, writers and checksums alike, so that a value read from the source and the same
 * value read back from another database hash identically.
 */
public enum Kind {
    BOOLEAN(Boolean.class),
    INT16(Long.class),
    INT32(Long.class),
    INT64(Long.class),
    /** Exact numeric with the column's precision and scale; precision 0 means unconstrained. */
    DECIMAL(java.math.BigDecimal.class),
    FLOAT32(Float.class),
    FLOAT64(Double.class),
    /** Fixed-length character data, blank-padded. */
    CHAR(String.class),
    /** Character data with a declared maximum length. */
    VARCHAR(String.class),
    /** Character data with no practical length limit (text, nvarchar(max), CLOB). */
    TEXT(String.class),
    /** JSON document, carried as its text. */
    JSON(String.class),
    DATE(java.time.LocalDate.class),
    TIME(java.time.LocalTime.class),
    /** Timestamp without time zone. */
    TIMESTAMP(java.time.LocalDateTime.class),
    /** An instant with an offset; compared as the instant. */
    TIMESTAMPTZ(java.time.OffsetDateTime.class),
    UUID(java.util.UUID.class),
    /** Byte strings (bytea, varbinary, BLOB). */
    BINARY(byte[].class);

    private final Class<?> javaType;

    Kind(Class<?> javaType) {
        this.javaType = javaType;
    }

    public Class<?> javaType() {
        return javaType;
    }

    public boolean isInteger() {
        return this == INT16 || this == INT32 || this == INT64;
    }

    /** Keys PoolLab can split into keyset ranges. */
    public boolean isRangeKey() {
        return isInteger() || this == DATE || this == TIMESTAMP || this == TIMESTAMPTZ;
    }
}
