package io.poollab.pool;

import java.sql.Connection;
import java.sql.SQLException;

/** Hands out connections: a HikariCP pool, or a fresh physical connection per borrow. */
interface ConnectionSource extends AutoCloseable {

    Connection borrow() throws SQLException;

    PoolGauges gauges();

    /** Applies a new size; only pools have one. */
    void resize(int maximumPoolSize, int minimumIdle);

    @Override
    void close();
}
