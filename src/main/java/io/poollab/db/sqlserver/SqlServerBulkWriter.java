package io.poollab.db.sqlserver;

import com.microsoft.sqlserver.jdbc.SQLServerBulkCopy;
import com.microsoft.sqlserver.jdbc.SQLServerBulkCopyOptions;
import com.microsoft.sqlserver.jdbc.SQLServerConnection;
import io.poollab.db.Chunk;
import io.poollab.db.Column;
import io.poollab.db.RowChunk;
import io.poollab.db.UnitWriter;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;

/**
 * SQLServerBulkCopy (TDS bulk load) inside the caller's transaction. Rows are gathered across chunks and sent
 * {@code batchRows} at a time: each bulk copy call costs metadata and INSERT BULK round trips of its own, which
 * per reader chunk would dominate on a slow link. The caller commits after {@link #finish()}.
 */
final class SqlServerBulkWriter implements UnitWriter {

    private final SQLServerBulkCopy bulkCopy;
    private final BulkRows pending;

    SqlServerBulkWriter(Connection connection, String destinationTable, List<Column> columns, int batchRows)
            throws SQLException {
        // A pool hands out a proxy; bulk copy needs the driver's own connection, reached through unwrap, not a cast.
        SQLServerConnection physical = connection.unwrap(SQLServerConnection.class);
        this.pending = new BulkRows(columns, Math.max(1, batchRows));
        this.bulkCopy = new SQLServerBulkCopy(physical);
        bulkCopy.setBulkCopyOptions(options(batchRows));
        bulkCopy.setDestinationTableName(destinationTable);
        for (int i = 0; i < columns.size(); i++) {
            bulkCopy.addColumnMapping(i + 1, columns.get(i).name());
        }
    }

    static SQLServerBulkCopyOptions options(int batchRows) throws SQLException {
        SQLServerBulkCopyOptions options = new SQLServerBulkCopyOptions();
        options.setBatchSize(Math.max(1, batchRows));
        // No timer of its own: a unit may legitimately take long, and cancellation comes from the worker.
        options.setBulkCopyTimeout(0);
        // Row locks like any other writer, so that parallel workers can fill one table side by side.
        options.setTableLock(false);
        options.setKeepNulls(true);
        // A copy carries the source's key values, also into an identity column.
        options.setKeepIdentity(true);
        // The worker's own commit makes the rows durable, so that the commit time is measured on its own and a
        // failed unit rolls back whole.
        options.setUseInternalTransaction(false);
        return options;
    }

    @Override
    public void write(Chunk chunk) throws SQLException {
        RowChunk rows = (RowChunk) chunk;
        for (int r = 0; r < rows.count(); r++) {
            pending.add(rows.row(r));
            if (pending.isFull()) {
                flush();
            }
        }
    }

    @Override
    public void finish() throws SQLException {
        try {
            flush();
        } finally {
            bulkCopy.close();
        }
    }

    @Override
    public void abort() {
        pending.clear();
        // close() only releases the bulk copy: the connection is not owned by it, and the caller rolls back.
        bulkCopy.close();
    }

    private void flush() throws SQLException {
        if (pending.size() > 0) {
            try {
                bulkCopy.writeToServer(pending);
            } finally {
                pending.clear();
            }
        }
    }
}
