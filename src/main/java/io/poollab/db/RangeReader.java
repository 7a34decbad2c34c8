package io.poollab.db;

import java.sql.Connection;
import java.sql.SQLException;

/** Streams the rows of one key range from one table, hashing each row into a digest as it passes. */
public interface RangeReader {

    /**
     * @param limitRows 0 for the whole range; otherwise at most this many rows, in key order (a keyset batch)
     * @param digest    receives one hash per row; the caller passes a fresh one per unit
     */
    ReadResult read(Connection connection, KeyRange range, long limitRows, ChunkSink sink, RowDigest digest)
            throws SQLException, InterruptedException;
}
