package io.poollab.db;

import java.sql.SQLException;

/**
 * Writes the chunks of one unit (a partition, or one batch) on one connection. The caller commits after
 * {@link #finish()} so that commit time is measured on its own.
 */
public interface UnitWriter {

    void write(Chunk chunk) throws SQLException;

    void finish() throws SQLException;

    /** Gives up after a failure or a cancel; the caller rolls back. Must not throw. */
    void abort();
}
