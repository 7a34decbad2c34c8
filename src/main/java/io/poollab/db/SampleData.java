package io.poollab.db;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Optional;

/**
 * Creates and fills a posts-like table (bigint key, ints, timestamps, boolean, numeric, uuid, ~150-byte text) on
 * the server side, so a demo or a benchmark needs no data of its own. Values are a pure function of the id, so two
 * tables of the same size hold the same rows.
 */
public final class SampleData {

    private SampleData() {
    }

    /** Creates and fills the table unless it already exists; returns the rows inserted (0 if it existed). */
    public static long ensurePosts(Connection connection, Dialect dialect, TableRef table, long rows)
            throws SQLException {
        Optional<TableInfo> existing = dialect.describe(connection, table);
        if (existing.isPresent()) {
            return 0;
        }
        String name = dialect.qualified(table);
        boolean postgres = dialect.id().equals("postgresql");
        try (Statement statement = connection.createStatement()) {
            statement.execute("CREATE TABLE " + name + " (id BIGINT PRIMARY KEY, author_id INTEGER NOT NULL, "
                    + "thread_id BIGINT, created_at TIMESTAMP NOT NULL, "
                    + (postgres ? "updated_at TIMESTAMPTZ" : "updated_at TIMESTAMP WITH TIME ZONE")
                    + ", published BOOLEAN NOT NULL, score NUMERIC(10,2), external_id UUID, "
                    + "title VARCHAR(120) NOT NULL, body " + (postgres ? "TEXT" : "CHARACTER VARYING") + ")");
            statement.executeUpdate("INSERT INTO " + name + (postgres ? POSTGRES_ROWS : H2_ROWS).replace("?", Long.toString(rows)));
            if (postgres) {
                statement.execute("ANALYZE " + name);
            }
        }
        if (!connection.getAutoCommit()) {
            connection.commit();
        }
        return rows;
    }

    private static final String POSTGRES_ROWS = """
             SELECT g, (g * 7919) % 10000, CASE WHEN g % 7 = 0 THEN NULL ELSE g / 10 END,
                    TIMESTAMP '2020-01-01 00:00:00' + g * INTERVAL '1 second',
                    TIMESTAMPTZ '2020-01-01 00:00:00+00' + g * INTERVAL '1 minute' + (g % 1000) * INTERVAL '1 microsecond',
                    g % 3 <> 0, ((g * 31) % 100000) / 100.0, md5(g::text)::uuid,
                    'Post ' || g, repeat(md5(g::text), 4) || ' héllo ✓ ' || g
             FROM generate_series(1::bigint, ?) AS g""";

    private static final String H2_ROWS = """
             SELECT X, MOD(X * 7919, 10000), CASE WHEN MOD(X, 7) = 0 THEN NULL ELSE X / 10 END,
                    DATEADD(SECOND, X, TIMESTAMP '2020-01-01 00:00:00'),
                    DATEADD(MICROSECOND, MOD(X, 1000), DATEADD(MINUTE, X, TIMESTAMP WITH TIME ZONE '2020-01-01 00:00:00+00')),
                    MOD(X, 3) <> 0, MOD(X * 31, 100000) / 100.0, CAST(HASH('MD5', CAST(X AS VARCHAR)) AS UUID),
                    'Post ' || X, REPEAT(RAWTOHEX(HASH('MD5', CAST(X AS VARCHAR))), 4) || ' héllo ✓ ' || X
             FROM SYSTEM_RANGE(1, ?)""";
}
