package io.poollab.db.sqlserver;

import static org.assertj.core.api.Assertions.assertThat;

import io.poollab.config.HoldConnections;
import io.poollab.db.ByteChunk;
import io.poollab.db.Chunk;
import io.poollab.db.ChunkSink;
import io.poollab.db.Column;
import io.poollab.db.KeyRange;
import io.poollab.db.Kind;
import io.poollab.db.ReadResult;
import io.poollab.db.RowChunk;
import io.poollab.db.RowDigest;
import io.poollab.db.TableInfo;
import io.poollab.db.TableRef;
import io.poollab.db.UnitWriter;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfEnvironmentVariable;

/**
 * Against a real server: {@code POOLLAB_MSSQL_URL=jdbc:sqlserver://host:1433;databaseName=x;user=sa;password=…;
 * encrypt=false}. Creates and drops one table of its own.
 */
@EnabledIfEnvironmentVariable(named = "POOLLAB_MSSQL_URL", matches = ".+")
class SqlServerIntegrationTest {

    private static final String COLUMNS = """
            id bigint NOT NULL PRIMARY KEY, b bit, ti tinyint, si smallint, i int, bi bigint, n decimal(12,4),
            m money, sm smallmoney, r real, f float, c char(5), nc nchar(5), vc varchar(40), nvc nvarchar(40),
            vmax varchar(max), nvmax nvarchar(max), tx text, ntx ntext, d date, t time(7), dt datetime,
            dt2 datetime2(7), sdt smalldatetime, dto datetimeoffset(7), u uniqueidentifier, bin binary(4),
            vb varbinary(16), vbmax varbinary(max), img image, code int NOT NULL""";

    private static final Map<String, Kind> KINDS = Map.ofEntries(Map.entry("id", Kind.INT64),
            Map.entry("b", Kind.BOOLEAN), Map.entry("ti", Kind.INT16), Map.entry("si", Kind.INT16),
            Map.entry("i", Kind.INT32), Map.entry("bi", Kind.INT64), Map.entry("n", Kind.DECIMAL),
            Map.entry("m", Kind.DECIMAL), Map.entry("sm", Kind.DECIMAL), Map.entry("r", Kind.FLOAT32),
            Map.entry("f", Kind.FLOAT64), Map.entry("c", Kind.CHAR), Map.entry("nc", Kind.CHAR),
            Map.entry("vc", Kind.VARCHAR), Map.entry("nvc", Kind.VARCHAR), Map.entry("vmax", Kind.TEXT),
            Map.entry("nvmax", Kind.TEXT), Map.entry("tx", Kind.TEXT), Map.entry("ntx", Kind.TEXT),
            Map.entry("d", Kind.DATE), Map.entry("t", Kind.TIME), Map.entry("dt", Kind.TIMESTAMP),
            Map.entry("dt2", Kind.TIMESTAMP), Map.entry("sdt", Kind.TIMESTAMP), Map.entry("dto", Kind.TIMESTAMPTZ),
            Map.entry("u", Kind.UUID), Map.entry("bin", Kind.BINARY), Map.entry("vb", Kind.BINARY),
            Map.entry("vbmax", Kind.BINARY), Map.entry("img", Kind.BINARY), Map.entry("code", Kind.INT32));

    private static final String UNICODE = "héllo ✓ 日本 🎉 \\ tab\there\nnew line";

    private final SqlServerDialect dialect = new SqlServerDialect();

    @Test
    void describesWritesWithBulkCopyAndReadsBackEveryMappedType() throws Exception {
        String table = "poollab_it_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
        Properties properties = new Properties();
        properties.putAll(dialect.connectionProperties("poollab-it-" + table, 15_000));
        try (Connection connection = DriverManager.getConnection(System.getenv("POOLLAB_MSSQL_URL"), properties)) {
            connection.setAutoCommit(false);
            try {
                execute(connection, "CREATE TABLE " + dialect.quote(table) + " (" + COLUMNS + ", CONSTRAINT "
                                + dialect.quote(table + "_code") + " UNIQUE (code))",
                        "CREATE UNIQUE INDEX " + dialect.quote(table + "_pair") + " ON " + dialect.quote(table)
                                + " (si, bi) INCLUDE (r)",
                        "CREATE UNIQUE INDEX " + dialect.quote(table + "_filtered") + " ON " + dialect.quote(table)
                                + " (i) WHERE i IS NOT NULL");
                connection.commit();

                TableInfo info = dialect.describe(connection, new TableRef(null, table)).orElseThrow();
                assertCatalog(info, table);

                List<Object[]> rows = rows();
                writeInOneTransaction(connection, info, rows);

                Column key = info.column("id").orElseThrow();
                List<Object[]> read = new ArrayList<>();
                RowDigest digest = new RowDigest();
                ReadResult all = dialect.rowReader(info, info.columns(), key)
                        .read(connection, KeyRange.ALL, 0, collector(read, info.columns().size()), digest);
                assertThat(all.rows()).isEqualTo(3);
                assertThat(digest.rows()).isEqualTo(3);
                read.sort((a, b) -> Long.compare((Long) a[0], (Long) b[0]));
                for (int r = 0; r < rows.size(); r++) {
                    for (int c = 0; c < info.columns().size(); c++) {
                        assertThat(read.get(r)[c]).as("row %d column %s", r + 1, info.columns().get(c).name())
                                .isEqualTo(expected(info.columns().get(c).name(), rows.get(r)[c]));
                    }
                }

                List<Object[]> batch = new ArrayList<>();
                ReadResult next = dialect.rowReader(info, info.columns(), key)
                        .read(connection, KeyRange.ALL.after(1), 1, collector(batch, info.columns().size()), null);
                assertThat(next.lastKey()).isEqualTo(2L);
                assertThat(batch).hasSize(1);

                assertThat(dialect.keyBounds(connection, info.ref(), key)).hasValueSatisfying(
                        bounds -> assertThat(bounds).containsExactly(1L, 3L));
                assertThat(dialect.sampleKeys(connection, info.ref(), key, 3, 10)).containsExactlyInAnyOrder(1L, 2L, 3L);
                assertThat(dialect.countRows(connection, info.ref(), "[id] >= 2")).isEqualTo(2);
                assertThat(dialect.serverInfo(connection).version()).matches("\\d+\\.\\d+\\..*");
                dialect.countSessions(connection, "poollab-it-" + table)
                        .ifPresent(sessions -> assertThat(sessions).isGreaterThanOrEqualTo(1));
                connection.commit();
            } finally {
                connection.rollback();
                execute(connection, "DROP TABLE IF EXISTS " + dialect.quote(table));
                connection.commit();
            }
        }
    }

    private void assertCatalog(TableInfo info, String table) {
        assertThat(info.ref().name()).isEqualTo(table);
        assertThat(info.ref().schema()).isNotBlank();
        assertThat(info.columns()).extracting(Column::name).containsExactly(
                "id", "b", "ti", "si", "i", "bi", "n", "m", "sm", "r", "f", "c", "nc", "vc", "nvc", "vmax", "nvmax",
                "tx", "ntx", "d", "t", "dt", "dt2", "sdt", "dto", "u", "bin", "vb", "vbmax", "img", "code");
        for (Column column : info.columns()) {
            assertThat(column.type().kind()).as(column.name()).isEqualTo(KINDS.get(column.name()));
        }
        assertThat(info.column("nvc").orElseThrow().type().length()).isEqualTo(40);
        assertThat(info.column("nc").orElseThrow().type().nativeType()).isEqualTo("nchar(5)");
        assertThat(info.column("n").orElseThrow().type()).extracting(t -> t.precision(), t -> t.scale())
                .containsExactly(12, 4);
        assertThat(info.column("m").orElseThrow().type().nativeType()).isEqualTo("money");
        assertThat(info.column("dt2").orElseThrow().type().precision()).isEqualTo(7);
        assertThat(info.column("id").orElseThrow().nullable()).isFalse();
        assertThat(info.column("b").orElseThrow().nullable()).isTrue();
        assertThat(info.primaryKey()).containsExactly("id");
        assertThat(info.uniqueKeys()).containsExactlyInAnyOrder(List.of("code"), List.of("si", "bi"));
        assertThat(info.rowEstimate()).isZero();
    }

    private void writeInOneTransaction(Connection connection, TableInfo info, List<Object[]> rows) throws SQLException {
        RowChunk chunk = new RowChunk(rows.size(), info.columns().size());
        for (Object[] row : rows) {
            System.arraycopy(row, 0, chunk.nextRow(), 0, row.length);
        }
        // Two rows per bulk copy call: the three rows take two calls within one transaction.
        UnitWriter writer = dialect.rowWriter(info.ref(), info.columns(), 2, HoldConnections.PER_PARTITION)
                .open(connection);
        try {
            writer.write(chunk);
            writer.finish();
        } catch (SQLException | RuntimeException e) {
            writer.abort();
            throw e;
        }
        connection.commit();
    }

    private static List<Object[]> rows() {
        byte[] big = new byte[100_000];
        Arrays.fill(big, (byte) 0xab);
        Object[] tricky = {1L, true, 255L, -32768L, Long.valueOf(Integer.MIN_VALUE), Long.MAX_VALUE,
                new BigDecimal("-12345678.1234"), new BigDecimal("922337203685477.5807"), new BigDecimal("-7.5000"),
                1.5f, -2.25e300, "ab", "✓é", "plain ascii", UNICODE, "x".repeat(20_000), UNICODE.repeat(1_000),
                "old text", UNICODE, LocalDate.of(1, 1, 1), LocalTime.parse("23:59:59.9999999"),
                LocalDateTime.parse("1999-12-31T23:59:59.997"), LocalDateTime.parse("2024-02-29T12:00:00.1234567"),
                LocalDateTime.parse("2024-02-29T12:34"), OffsetDateTime.parse("2024-02-29T12:00:00.6543217+05:30"),
                UUID.fromString("a0eebc99-9c0b-4ef8-bb6d-6bb9bd380a11"), new byte[] {0, (byte) 0xff},
                new byte[] {0, (byte) 0xff, 0x10}, big, big, 10L};
        Object[] nulls = new Object[tricky.length];
        nulls[0] = 2L;
        nulls[tricky.length - 1] = 20L;
        Object[] plain = {3L, false, 0L, 7L, 42L, -1L, new BigDecimal("0.0001"), new BigDecimal("0.0000"),
                new BigDecimal("214748.3647"), 0.25f, 0.1, "c", "c", "", "", "", "", "", "",
                LocalDate.of(9999, 12, 31), LocalTime.MIDNIGHT, LocalDateTime.parse("1753-01-01T00:00"),
                LocalDateTime.parse("0001-01-01T00:00"), LocalDateTime.parse("1900-01-01T00:00"),
                OffsetDateTime.parse("2000-01-01T00:00:00Z"), UUID.fromString("00000000-0000-0000-0000-000000000001"),
                new byte[0], new byte[0], new byte[0], new byte[] {1}, 30L};
        return List.of(tricky, nulls, plain);
    }

    /** What SQL Server gives back for a written value: fixed-length types come back padded. */
    private static Object expected(String column, Object written) {
        if (written == null) {
            return null;
        }
        return switch (column) {
            case "c", "nc" -> String.format("%-5s", written);
            case "bin" -> Arrays.copyOf((byte[]) written, 4);
            default -> written;
        };
    }

    private static ChunkSink collector(List<Object[]> into, int columns) {
        return new ChunkSink() {
            @Override
            public ByteChunk emptyByteChunk() {
                throw new UnsupportedOperationException("SQL Server has no raw reader");
            }

            @Override
            public RowChunk emptyRowChunk() {
                return new RowChunk(16, columns);
            }

            @Override
            public void put(Chunk chunk) {
                RowChunk rows = (RowChunk) chunk;
                for (int r = 0; r < rows.count(); r++) {
                    into.add(rows.row(r).clone());
                }
            }
        };
    }

    private static void execute(Connection connection, String... sql) throws SQLException {
        try (Statement statement = connection.createStatement()) {
            for (String s : sql) {
                statement.execute(s);
            }
        }
    }
}
