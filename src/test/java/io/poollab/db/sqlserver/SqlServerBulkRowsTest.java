package io.poollab.db.sqlserver;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.microsoft.sqlserver.jdbc.SQLServerBulkCopyOptions;
import io.poollab.db.Column;
import java.math.BigDecimal;
import java.sql.SQLException;
import java.sql.Types;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** What the bulk writer hands to SQLServerBulkCopy: declared column types and converted values. */
class SqlServerBulkRowsTest {

    /** A destination column as the catalog would describe it. */
    private static Column column(String name, String typeName, int maxLength, int precision, int scale) {
        return new Column(name, SqlServerTypes.fromCatalog(typeName, maxLength, precision, scale), true);
    }

    @ParameterizedTest(name = "{0} is declared as JDBC type {4}({5},{6})")
    @CsvSource(delimiter = '|', textBlock = """
            bit              |  1 |  1 | 0 | -7   | 1          | 0
            tinyint          |  1 |  3 | 0 | -6   | 3          | 0
            smallint         |  2 |  5 | 0 | 5    | 5          | 0
            int              |  4 | 10 | 0 | 4    | 10         | 0
            bigint           |  8 | 19 | 0 | -5   | 19         | 0
            decimal          |  9 | 12 | 4 | 3    | 12         | 4
            money            |  8 | 19 | 4 | 3    | 19         | 4
            real             |  4 | 24 | 0 | 7    | 24         | 0
            float            |  8 | 53 | 0 | 8    | 53         | 0
            nchar            | 10 |  0 | 0 | -9   | 0          | 0
            nvarchar         | -1 |  0 | 0 | -9   | 0          | 0
            varchar          | 40 |  0 | 0 | 12   | 0          | 0
            date             |  3 | 10 | 0 | 12   | 10         | 0
            time             |  5 | 16 | 7 | 12   | 16         | 0
            datetime2        |  8 | 27 | 7 | 12   | 27         | 0
            datetimeoffset   | 10 | 34 | 7 | 12   | 34         | 0
            uniqueidentifier | 16 |  0 | 0 | -145 | 36         | 0
            varbinary        | -1 |  0 | 0 | -3   | 2147483647 | 0
            binary           | 16 |  0 | 0 | -3   | 16         | 0
            """)
    void columnsAreDeclaredByDestinationType(String typeName, int maxLength, int precision, int scale,
                                             int jdbcType, int bulkPrecision, int bulkScale) {
        BulkRows rows = new BulkRows(List.of(column("c", typeName, maxLength, precision, scale)), 1);

        assertThat(rows.getColumnOrdinals()).containsExactly(1);
        assertThat(rows.getColumnName(1)).isEqualTo("c");
        assertThat(rows.getColumnType(1)).isEqualTo(jdbcType);
        assertThat(rows.getPrecision(1)).isEqualTo(bulkPrecision);
        assertThat(rows.getScale(1)).isEqualTo(bulkScale);
    }

    @Test
    void canonicalValuesBecomeWhatBulkCopyCastsTo() throws Exception {
        List<Column> columns = List.of(column("b", "bit", 1, 1, 0), column("t", "tinyint", 1, 3, 0),
                column("s", "smallint", 2, 5, 0), column("i", "int", 4, 10, 0), column("l", "bigint", 8, 19, 0),
                column("r", "real", 4, 24, 0), column("f", "float", 8, 53, 0), column("u", "uniqueidentifier", 16, 0, 0),
                column("v", "nvarchar", 80, 0, 0), column("y", "varbinary", -1, 0, 0));
        BulkRows rows = new BulkRows(columns, 4);
        byte[] bytes = {0, (byte) 0xff};
        UUID uuid = UUID.fromString("a0eebc99-9c0b-4ef8-bb6d-6bb9bd380a11");

        rows.add(new Object[] {true, 255L, -32768L, 2_147_483_647L, Long.MIN_VALUE, 1.5f, -2.25e300, uuid,
                "héllo ✓ 🎉", bytes});

        assertThat(rows.next()).isTrue();
        assertThat(rows.getRowData()).containsExactly(true, (short) 255, (short) -32768, 2_147_483_647,
                Long.MIN_VALUE, 1.5f, -2.25e300, "a0eebc99-9c0b-4ef8-bb6d-6bb9bd380a11", "héllo ✓ 🎉", bytes);
        assertThat(rows.getRowData()[3]).isInstanceOf(Integer.class);
        assertThat(rows.next()).isFalse();
    }

    @Test
    void temporalValuesBecomeIsoTextWithinTheDestinationsDigits() throws Exception {
        List<Column> columns = List.of(column("d", "date", 3, 10, 0), column("t", "time", 5, 16, 7),
                column("ts2", "datetime2", 8, 27, 7), column("ts", "datetime", 8, 23, 3),
                column("sts", "smalldatetime", 4, 16, 0), column("tz", "datetimeoffset", 10, 34, 7));
        BulkRows rows = new BulkRows(columns, 2);
        LocalDateTime nanos = LocalDateTime.parse("2024-02-29T12:00:00.123456789");

        rows.add(new Object[] {LocalDate.of(1, 1, 1), LocalTime.parse("23:59:59.99999999"), nanos, nanos, nanos,
                OffsetDateTime.parse("2024-02-29T12:00:00.654321+05:30")});
        rows.add(new Object[] {LocalDate.of(2024, 2, 29), LocalTime.MIDNIGHT, nanos.withNano(0), nanos.withNano(0),
                nanos.withNano(0), OffsetDateTime.parse("1999-12-31T23:59:59Z")});

        rows.next();
        assertThat(rows.getRowData()).containsExactly("0001-01-01", "23:59:59.9999999", "2024-02-29T12:00:00.1234567",
                "2024-02-29T12:00:00.123", "2024-02-29T12:00:00.123", "2024-02-29T12:00:00.6543210+05:30");
        rows.next();
        assertThat(rows.getRowData()).containsExactly("2024-02-29", "00:00:00.0000000", "2024-02-29T12:00:00.0000000",
                "2024-02-29T12:00:00.000", "2024-02-29T12:00:00.000", "1999-12-31T23:59:59.0000000+00:00");
    }

    @Test
    void decimalsWithMoreScaleThanTheColumnAreRoundedAsSqlServerRounds() throws Exception {
        BulkRows rows = new BulkRows(List.of(column("n", "decimal", 9, 12, 4), column("m", "money", 8, 19, 4)), 1);

        rows.add(new Object[] {new BigDecimal("1.23455"), new BigDecimal("-7.5")});

        rows.next();
        assertThat(rows.getRowData()).containsExactly(new BigDecimal("1.2346"), new BigDecimal("-7.5"));
    }

    @Test
    void nullsStayNullInEveryColumn() throws Exception {
        BulkRows rows = new BulkRows(List.of(column("i", "int", 4, 10, 0), column("ts", "datetime2", 8, 27, 7),
                column("u", "uniqueidentifier", 16, 0, 0)), 1);

        rows.add(new Object[] {null, null, null});

        rows.next();
        assertThat(rows.getRowData()).containsExactly(null, null, null);
    }

    @Test
    void aValueTooWideForTheColumnFailsNamingIt() {
        BulkRows rows = new BulkRows(List.of(column("i2", "smallint", 2, 5, 0)), 1);

        assertThatThrownBy(() -> rows.add(new Object[] {40_000L}))
                .isInstanceOf(SQLException.class)
                .hasMessage("value 40000 does not fit column i2 (-32768 to 32767)")
                .extracting(e -> ((SQLException) e).getSQLState()).isEqualTo("22003");
    }

    @Test
    void aBatchIsFullAtCapacityAndClearStartsTheNextOne() throws Exception {
        BulkRows rows = new BulkRows(List.of(column("l", "bigint", 8, 19, 0)), 2);
        rows.add(new Object[] {1L});
        assertThat(rows.isFull()).isFalse();
        rows.add(new Object[] {2L});
        assertThat(rows.isFull()).isTrue();
        assertThat(drain(rows)).containsExactly(1L, 2L);

        rows.clear();
        rows.add(new Object[] {3L});

        assertThat(rows.size()).isEqualTo(1);
        assertThat(drain(rows)).containsExactly(3L);
    }

    @Test
    void bulkCopyJoinsTheCallersTransactionWithoutATimeout() throws Exception {
        SQLServerBulkCopyOptions options = SqlServerBulkWriter.options(5_000);

        assertThat(options.getBatchSize()).isEqualTo(5_000);
        assertThat(options.getBulkCopyTimeout()).isZero();
        assertThat(options.isUseInternalTransaction()).isFalse();
        assertThat(options.isTableLock()).isFalse();
        assertThat(options.isKeepNulls()).isTrue();
        assertThat(options.isKeepIdentity()).isTrue();
    }

    private static List<Object> drain(BulkRows rows) throws SQLException {
        List<Object> values = new ArrayList<>();
        while (rows.next()) {
            values.add(rows.getRowData()[0]);
        }
        return values;
    }
}
