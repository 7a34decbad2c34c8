package io.poollab.testing;

import java.sql.SQLException;

/**
 * A table with every common type and the values that break copies: NULLs, unicode beyond the BMP, escapes,
 * numeric scale, negative numbers, timestamps with offsets, uuids, bytes 0x00 and 0xff, and a text over 1 MB,
 * followed by generated rows so that the table splits into several partitions.
 */
public final class EveryType {

    public static final String BIG_TEXT_LENGTH = "1100000";
    public static final String UNICODE = "héllo ✓ 日本 🎉 \\ tab\there\nnew line";

    private EveryType() {
    }

    /** PostgreSQL: includes json/jsonb and, when {@code withArray}, an int[] (pass-through only). */
    public static void createPostgres(String url, int generatedRows, boolean withArray) throws SQLException {
        TestPostgres.execute(url, """
                CREATE TABLE every_type (
                  id bigint PRIMARY KEY, b boolean, i2 smallint, i4 integer, i8 bigint, n numeric(12,4),
                  n_free numeric, r real, d double precision, c char(5), vc varchar(40), t text, j json,
                  dt date, tm time, ts timestamp, tstz timestamptz, u uuid, by bytea""" + (withArray ? ", arr int[]" : "") + ")",
                "INSERT INTO every_type (id) VALUES (1)",
                "INSERT INTO every_type VALUES (2, true, -32768, -2147483648, -9223372036854775808, -12345678.1234,"
                        + " 3.14159265358979323846264338327950288, 1.5, -2.25e300, 'ab', 'vc', E'" + escape(UNICODE) + "',"
                        + " '{\"a\": [1, 2, {\"b\": null}]}', '0001-01-01', '23:59:59.999999',"
                        + " '1999-12-31 23:59:59.123456', '2024-02-29 12:00:00.654321+05:30',"
                        + " 'a0eebc99-9c0b-4ef8-bb6d-6bb9bd380a11', '\\x00ff10'" + (withArray ? ", '{1,NULL,3}'" : "") + ")",
                "INSERT INTO every_type (id, n, t, by) VALUES (3, 1234.5600, repeat('x', " + BIG_TEXT_LENGTH + "),"
                        + " decode(repeat('00ff', 1000), 'hex'))",
                "INSERT INTO every_type SELECT g, g % 2 = 0, g % 32000, g, g::bigint * 1000000007, g / 7.0, g / 3.0, g / 9.0,"
                        + " g / 11.0, 'c' || (g % 100), 'vc ' || g, md5(g::text) || ' ✓', ('{\"g\": ' || g || '}')::json,"
                        + " DATE '2000-01-01' + g, TIME '00:00' + g * INTERVAL '1 second',"
                        + " TIMESTAMP '2000-01-01' + g * INTERVAL '1 minute',"
                        + " TIMESTAMPTZ '2000-01-01 00:00:00+00' + g * INTERVAL '1 minute 1 microsecond',"
                        + " md5(g::text)::uuid, decode(md5(g::text), 'hex')" + (withArray ? ", ARRAY[g, g + 1]" : "")
                        + " FROM generate_series(10, " + (9 + generatedRows) + ") g",
                "ANALYZE every_type");
    }

    private static String escape(String text) {
        return text.replace("\\", "\\\\").replace("'", "\\'").replace("\t", "\\t").replace("\n", "\\n");
    }
}
