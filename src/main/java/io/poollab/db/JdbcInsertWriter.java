package io.poollab.db;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.Collections;
import java.util.List;

/** Batched prepared INSERTs: one executeBatch per {@code batchRows} rows. H2's bulk path. */
final class JdbcInsertWriter implements UnitWriter {

    private final Dialect dialect;
    private final PreparedStatement insert;
    private final Kind[] kinds;
    private final int batchRows;
    private int pending;

    JdbcInsertWriter(Dialect dialect, Connection connection, TableRef table, List<Column> columns, int batchRows)
            throws SQLException {
        this.dialect = dialect;
        this.kinds = columns.stream().map(c -> c.type().kind()).toArray(Kind[]::new);
        this.batchRows = batchRows;
        String sql = "INSERT INTO " + dialect.qualified(table) + " (" + dialect.columnList(columns) + ") VALUES ("
                + String.join(", ", Collections.nCopies(columns.size(), "?")) + ")";
        this.insert = connection.prepareStatement(sql);
    }

    @Override
    public void write(Chunk chunk) throws SQLException {
        RowChunk rows = (RowChunk) chunk;
        for (int r = 0; r < rows.count(); r++) {
            Object[] row = rows.row(r);
            for (int i = 0; i < kinds.length; i++) {
                dialect.bindValue(insert, i + 1, kinds[i], row[i]);
            }
            insert.addBatch();
            if (++pending == batchRows) {
                insert.executeBatch();
                pending = 0;
            }
        }
    }

    @Override
    public void finish() throws SQLException {
        try (insert) {
            if (pending > 0) {
                insert.executeBatch();
                pending = 0;
            }
        }
    }

    @Override
    public void abort() {
        try {
            insert.close();
        } catch (SQLException closeFailure) {
            // The connection is rolled back and returned next; a failed close of the statement changes nothing.
        }
    }
}
