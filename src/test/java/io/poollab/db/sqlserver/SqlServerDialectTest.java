package io.poollab.db.sqlserver;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.poollab.db.Column;
import io.poollab.db.ColumnType;
import io.poollab.db.KeyCodec;
import io.poollab.db.KeyRange;
import io.poollab.db.Kind;
import io.poollab.db.TableRef;
import io.poollab.db.UnmappedTypeException;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class SqlServerDialectTest {

    private final SqlServerDialect dialect = new SqlServerDialect();
    private final TableRef posts = new TableRef("dbo", "posts");
    private final Column id = new Column("id", ColumnType.of("bigint", Kind.INT64), false);
    private final Column title = new Column("title", new ColumnType("nvarchar(120)", Kind.VARCHAR, 120, -1, 0), true);

    @Test
    void idMatchesTheJdbcUrlPrefix() {
        // Dialects.forUrl picks a dialect by "jdbc:" + id() + ":".
        assertThat("jdbc:sqlserver://db:1433;databaseName=src").startsWith("jdbc:" + dialect.id() + ":");
    }

    @Test
    void quotesWithBracketsAndDoublesAClosingBracket() {
        assertThat(dialect.quote("posts")).isEqualTo("[posts]");
        assertThat(dialect.quote("a]b")).isEqualTo("[a]]b]");
        assertThat(dialect.quote("a[b c")).isEqualTo("[a[b c]");
        assertThat(dialect.quote("]]")).isEqualTo("[]]]]]");
    }

    @Test
    void qualifiesWithSchemaOnlyWhenGiven() {
        assertThat(dialect.qualified(new TableRef("sales", "order]lines"))).isEqualTo("[sales].[order]]lines]");
        assertThat(dialect.qualified(new TableRef(null, "posts"))).isEqualTo("[posts]");
    }

    @Test
    void selectWithARowLimitUsesTopWithOrderBy() {
        assertThat(dialect.select(posts, List.of(id, title), "[id] > 5", "[id]", 1_000))
                .isEqualTo("SELECT TOP (1000) [id], [title] FROM [dbo].[posts] WHERE [id] > 5 ORDER BY [id]");
    }

    @Test
    void selectWithoutLimitHasNoTopAndNoFetchFirst() {
        assertThat(dialect.select(posts, List.of(id, title), "", "", 0))
                .isEqualTo("SELECT [id], [title] FROM [dbo].[posts]");
        assertThat(dialect.select(posts, List.of(id), "[id] >= 1 AND [id] < 9", "", 0))
                .isEqualTo("SELECT [id] FROM [dbo].[posts] WHERE [id] >= 1 AND [id] < 9");
        assertThat(dialect.select(posts, List.of(id), "", "[id]", 0))
                .isEqualTo("SELECT [id] FROM [dbo].[posts] ORDER BY [id]");
    }

    @Test
    void integerKeysAreBareNumbers() {
        assertThat(dialect.literal(Kind.INT16, -7)).isEqualTo("-7");
        assertThat(dialect.literal(Kind.INT32, 2_147_483_647)).isEqualTo("2147483647");
        assertThat(dialect.literal(Kind.INT64, Long.MIN_VALUE)).isEqualTo("-9223372036854775808");
    }

    @Test
    void dateKeysAreCastIsoDates() {
        assertThat(dialect.literal(Kind.DATE, LocalDate.of(2024, 2, 29).toEpochDay()))
                .isEqualTo("CAST('2024-02-29' AS date)");
        assertThat(dialect.literal(Kind.DATE, LocalDate.of(1, 1, 1).toEpochDay()))
                .isEqualTo("CAST('0001-01-01' AS date)");
    }

    @Test
    void timestampKeysWithMicrosecondsAreDatetime2WithAllSixDigits() {
        long micros = KeyCodec.toLong(Kind.TIMESTAMP, LocalDateTime.parse("2024-02-29T12:00:00.654321"));
        assertThat(dialect.literal(Kind.TIMESTAMP, micros))
                .isEqualTo("CAST('2024-02-29T12:00:00.654321' AS datetime2(7))");
        long beforeEpoch = KeyCodec.toLong(Kind.TIMESTAMP, LocalDateTime.parse("1969-12-31T23:59:59.999999"));
        assertThat(dialect.literal(Kind.TIMESTAMP, beforeEpoch))
                .isEqualTo("CAST('1969-12-31T23:59:59.999999' AS datetime2(7))");
    }

    @Test
    void timestampKeysInWholeMillisecondsConvertToTheKeyColumnsOwnType() {
        // A datetime value read as .003 is stored as 1/300 s; typed datetime2 it would widen to .0033333 and
        // "key > lastKey" would return the same row again.
        long millis = KeyCodec.toLong(Kind.TIMESTAMP, LocalDateTime.parse("1999-12-31T23:59:59.997"));
        assertThat(dialect.literal(Kind.TIMESTAMP, millis)).isEqualTo("'1999-12-31T23:59:59.997'");
        long wholeMinute = KeyCodec.toLong(Kind.TIMESTAMP, LocalDateTime.parse("0001-01-01T00:00"));
        assertThat(dialect.literal(Kind.TIMESTAMP, wholeMinute)).isEqualTo("'0001-01-01T00:00:00.000'");
    }

    @Test
    void timestampTzKeysAreDatetimeoffsetInUtc() {
        long micros = KeyCodec.toLong(Kind.TIMESTAMPTZ, OffsetDateTime.parse("2024-02-29T12:00:00.654321+05:30"));
        assertThat(dialect.literal(Kind.TIMESTAMPTZ, micros))
                .isEqualTo("CAST('2024-02-29T06:30:00.654321+00:00' AS datetimeoffset(7))");
    }

    @Test
    void keyRangePredicatesUseTheTypedLiterals() {
        long lower = KeyCodec.toLong(Kind.DATE, LocalDate.of(2020, 1, 1));
        long upper = KeyCodec.toLong(Kind.DATE, LocalDate.of(2021, 1, 1));
        assertThat(KeyRange.of(lower, upper).predicate("[day]", dialect, Kind.DATE))
                .isEqualTo("[day] >= CAST('2020-01-01' AS date) AND [day] < CAST('2021-01-01' AS date)");
        assertThat(KeyRange.of(lower, upper).after(lower).predicate("[day]", dialect, Kind.DATE))
                .startsWith("[day] > CAST('2020-01-01' AS date)");
    }

    @Test
    void connectionPropertiesStreamAndNameTheApplication() {
        assertThat(dialect.connectionProperties("poollab-7-target", 30_000))
                .containsEntry("applicationName", "poollab-7-target")
                .containsEntry("responseBuffering", "adaptive")
                .containsEntry("selectMethod", "direct")
                .containsEntry("loginTimeout", "30")
                // Ten minutes of silence, then the connection counts as lost (and the partition is retried).
                .containsEntry("socketTimeout", "600000")
                .doesNotContainKeys("sendTimeAsDatetime");
    }

    @Test
    void loginTimeoutRoundsMillisecondsUpToWholeSeconds() {
        assertThat(dialect.connectionProperties("a", 1_500)).containsEntry("loginTimeout", "2");
        assertThat(dialect.connectionProperties("a", 0)).containsEntry("loginTimeout", "1");
    }

    @Test
    void smallTablesAreReadWholeForSampling() {
        assertThat(dialect.sampleSql(posts, id, 900, 1_000)).isEqualTo("SELECT [id] FROM [dbo].[posts]");
    }

    @Test
    void midSizeTablesAreSampledRowByRowWithoutAbsOverflow() {
        assertThat(dialect.sampleSql(posts, id, 10_000, 1_000)).isEqualTo(
                "SELECT [id] FROM [dbo].[posts] WHERE ABS(CAST(CHECKSUM(NEWID()) AS bigint)) % 10000 < 1000");
        assertThat(dialect.sampleSql(posts, id, 20_000, 1_000)).endsWith("% 10000 < 500");
    }

    @Test
    void bigTablesAreSampledByPageWithTablesample() {
        assertThat(dialect.sampleSql(posts, id, 2_000_000, 1_000))
                .isEqualTo("SELECT [id] FROM [dbo].[posts] TABLESAMPLE (0.0500 PERCENT) REPEATABLE (42)");
        assertThat(dialect.sampleSql(posts, id, Long.MAX_VALUE, 10)).contains("TABLESAMPLE (0.0001 PERCENT)");
    }

    @Test
    void truncateAndCreateQuoteEveryName() {
        assertThat(dialect.truncateSql(new TableRef("dbo", "a]b"))).isEqualTo("TRUNCATE TABLE [dbo].[a]]b]");
        assertThat(dialect.createTableSql(posts, List.of("[id] bigint NOT NULL", "[title] nvarchar(120)"), List.of("id")))
                .isEqualTo("CREATE TABLE [dbo].[posts] ([id] bigint NOT NULL, [title] nvarchar(120), PRIMARY KEY ([id]))");
    }

    @Test
    void countsSessionsOnTheServer() {
        assertThat(dialect.canCountSessions()).isTrue();
    }

    /** The catalog's view of a column, its neutral kind, and the DDL it becomes when SQL Server is the target. */
    @ParameterizedTest(name = "{0} max_length={1} precision={2} scale={3} → {4} → {9}")
    @CsvSource(delimiter = '|', nullValues = "null", textBlock = """
            bit              |  1 |  1 | 0 | BOOLEAN     | bit               | 0   | -1 | 0  | bit
            tinyint          |  1 |  3 | 0 | INT16       | tinyint           | 0   | -1 | 0  | smallint
            smallint         |  2 |  5 | 0 | INT16       | smallint          | 0   | -1 | 0  | smallint
            int              |  4 | 10 | 0 | INT32       | int               | 0   | -1 | 0  | int
            bigint           |  8 | 19 | 0 | INT64       | bigint            | 0   | -1 | 0  | bigint
            decimal          |  9 | 12 | 4 | DECIMAL     | decimal(12,4)     | 0   | 12 | 4  | decimal(12,4)
            numeric          | 17 | 38 | 0 | DECIMAL     | numeric(38,0)     | 0   | 38 | 0  | decimal(38,0)
            money            |  8 | 19 | 4 | DECIMAL     | money             | 0   | 19 | 4  | decimal(19,4)
            smallmoney       |  4 | 10 | 4 | DECIMAL     | smallmoney        | 0   | 10 | 4  | decimal(10,4)
            real             |  4 | 24 | 0 | FLOAT32     | real              | 0   | -1 | 0  | real
            float            |  8 | 53 | 0 | FLOAT64     | float             | 0   | -1 | 0  | float
            float            |  4 | 24 | 0 | FLOAT32     | float(24)         | 0   | -1 | 0  | real
            char             |  5 |  0 | 0 | CHAR        | char(5)           | 5   | -1 | 0  | nchar(5)
            nchar            | 10 |  0 | 0 | CHAR        | nchar(5)          | 5   | -1 | 0  | nchar(5)
            varchar          | 40 |  0 | 0 | VARCHAR     | varchar(40)       | 40  | -1 | 0  | nvarchar(40)
            nvarchar         | 80 |  0 | 0 | VARCHAR     | nvarchar(40)      | 40  | -1 | 0  | nvarchar(40)
            varchar          | -1 |  0 | 0 | TEXT        | varchar(max)      | 0   | -1 | 0  | nvarchar(max)
            nvarchar         | -1 |  0 | 0 | TEXT        | nvarchar(max)     | 0   | -1 | 0  | nvarchar(max)
            text             | 16 |  0 | 0 | TEXT        | text              | 0   | -1 | 0  | nvarchar(max)
            ntext            | 16 |  0 | 0 | TEXT        | ntext             | 0   | -1 | 0  | nvarchar(max)
            date             |  3 | 10 | 0 | DATE        | date              | 0   | -1 | 0  | date
            time             |  5 | 16 | 7 | TIME        | time(7)           | 0   | 7  | 0  | time(7)
            time             |  3 |  8 | 0 | TIME        | time(0)           | 0   | 0  | 0  | time(0)
            datetime         |  8 | 23 | 3 | TIMESTAMP   | datetime          | 0   | 3  | 0  | datetime2(3)
            datetime2        |  8 | 27 | 7 | TIMESTAMP   | datetime2(7)      | 0   | 7  | 0  | datetime2(7)
            datetime2        |  7 | 23 | 3 | TIMESTAMP   | datetime2(3)      | 0   | 3  | 0  | datetime2(3)
            smalldatetime    |  4 | 16 | 0 | TIMESTAMP   | smalldatetime     | 0   | 0  | 0  | datetime2(0)
            datetimeoffset   | 10 | 34 | 7 | TIMESTAMPTZ | datetimeoffset(7) | 0   | 7  | 0  | datetimeoffset(7)
            uniqueidentifier | 16 |  0 | 0 | UUID        | uniqueidentifier  | 0   | -1 | 0  | uniqueidentifier
            binary           | 16 |  0 | 0 | BINARY      | binary(16)        | 16  | -1 | 0  | varbinary(16)
            varbinary        | 100|  0 | 0 | BINARY      | varbinary(100)    | 100 | -1 | 0  | varbinary(100)
            varbinary        | -1 |  0 | 0 | BINARY      | varbinary(max)    | 0   | -1 | 0  | varbinary(max)
            image            | 16 |  0 | 0 | BINARY      | image             | 0   | -1 | 0  | varbinary(max)
            """)
    void catalogTypesMapToKindsAndBackToDdl(String typeName, int maxLength, int precision, int scale, Kind kind,
                                            String nativeType, int length, int kindPrecision, int kindScale,
                                            String ddl) throws Exception {
        ColumnType type = SqlServerTypes.fromCatalog(typeName, maxLength, precision, scale);

        assertThat(type).isEqualTo(new ColumnType(nativeType, kind, length, kindPrecision, kindScale));
        assertThat(dialect.ddlType(type)).isEqualTo(ddl);
    }

    /** Neutral types as the other dialects describe them, written as SQL Server DDL. */
    @ParameterizedTest(name = "{0}({1},{2},{3}) → {4}")
    @CsvSource(delimiter = '|', textBlock = """
            INT16       | 0    | -1 | 0  | smallint
            DECIMAL     | 0    | 38 | 10 | decimal(38,10)
            CHAR        | 0    | -1 | 0  | nchar(1)
            CHAR        | 4000 | -1 | 0  | nchar(4000)
            CHAR        | 4001 | -1 | 0  | nvarchar(max)
            VARCHAR     | 4000 | -1 | 0  | nvarchar(4000)
            VARCHAR     | 4001 | -1 | 0  | nvarchar(max)
            TEXT        | 0    | -1 | 0  | nvarchar(max)
            JSON        | 0    | -1 | 0  | nvarchar(max)
            TIME        | 0    | -1 | 0  | time(7)
            TIME        | 0    | 6  | 0  | time(6)
            TIMESTAMP   | 0    | -1 | 0  | datetime2(7)
            TIMESTAMP   | 0    | 6  | 0  | datetime2(6)
            TIMESTAMP   | 0    | 9  | 0  | datetime2(7)
            TIMESTAMPTZ | 0    | -1 | 0  | datetimeoffset(7)
            TIMESTAMPTZ | 0    | 6  | 0  | datetimeoffset(6)
            BINARY      | 0    | -1 | 0  | varbinary(max)
            BINARY      | 8000 | -1 | 0  | varbinary(8000)
            BINARY      | 8001 | -1 | 0  | varbinary(max)
            """)
    void neutralTypesFromOtherDialectsBecomeSqlServerDdl(Kind kind, int length, int precision, int scale, String ddl)
            throws Exception {
        assertThat(dialect.ddlType(new ColumnType("source type", kind, length, precision, scale))).isEqualTo(ddl);
    }

    @ParameterizedTest
    @ValueSource(strings = {"xml", "sql_variant", "geography", "geometry", "hierarchyid", "timestamp"})
    void typesWithoutANeutralKindAreUnmapped(String typeName) {
        ColumnType type = SqlServerTypes.fromCatalog(typeName, 8, 0, 0);

        assertThat(type.kind()).isNull();
        assertThat(type.isMapped()).isFalse();
        assertThat(type.nativeType()).isEqualTo(typeName);
    }

    @Test
    void unmappedTypesHaveNoDdl() {
        assertThatThrownBy(() -> dialect.ddlType(ColumnType.of("xml", null)))
                .isInstanceOf(UnmappedTypeException.class)
                .hasMessage("xml has no SQL Server equivalent");
    }

    @Test
    void unconstrainedDecimalIsRefusedRatherThanRounded() {
        assertThatThrownBy(() -> dialect.ddlType(new ColumnType("numeric", Kind.DECIMAL, 0, 0, 0)))
                .isInstanceOf(UnmappedTypeException.class)
                .hasMessage("numeric is an unconstrained numeric, which SQL Server cannot store exactly (decimal keeps"
                        + " at most 38 digits at a fixed scale); create the target table with an explicit decimal(p,s)"
                        + " column and use mode truncate or append");
    }

    @Test
    void decimalBeyondThirtyEightDigitsIsRefused() {
        assertThatThrownBy(() -> dialect.ddlType(new ColumnType("numeric(50,10)", Kind.DECIMAL, 0, 50, 10)))
                .isInstanceOf(UnmappedTypeException.class)
                .hasMessage("numeric(50,10) has precision 50, but SQL Server's decimal keeps at most 38 digits;"
                        + " create the target table with a decimal(p,s) column that fits the data and use mode"
                        + " truncate or append");
    }
}
