package io.poollab.db.postgres;

import io.poollab.config.CopyFormat;
import io.poollab.db.ByteChunk;
import io.poollab.db.ChunkSink;
import io.poollab.db.Column;
import io.poollab.db.KeyRange;
import io.poollab.db.RangeReader;
import io.poollab.db.ReadResult;
import io.poollab.db.RowDigest;
import io.poollab.db.TableRef;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyOut;

/**
 * Reads a key range as raw COPY data, for a PostgreSQL target with identical column types: rows are never decoded,
 * only scanned for their boundaries, hashed, and passed on in reused chunks.
 */
final class PgCopyReader implements RangeReader {

    private final PostgresDialect dialect;
    private final TableRef table;
    private final List<Column> columns;
    private final Column key;
    private final CopyFormat format;

    PgCopyReader(PostgresDialect dialect, TableRef table, List<Column> columns, Column key, CopyFormat format) {
        this.dialect = dialect;
        this.table = table;
        this.columns = columns;
        this.key = key;
        this.format = format;
    }

    @Override
    public ReadResult read(Connection connection, KeyRange range, long limitRows, ChunkSink sink, RowDigest digest)
            throws SQLException, InterruptedException {
        String where = key == null ? "" : range.predicate(dialect.quote(key.name()), dialect, key.type().kind());
        String orderBy = limitRows > 0 && key != null ? dialect.quote(key.name()) : "";
        String sql = "COPY (" + dialect.select(table, columns, where, orderBy, limitRows) + ") TO STDOUT"
                + (format == CopyFormat.BINARY ? " (FORMAT binary)" : "");
        // The key is decoded only when a next batch must continue after it.
        int keyIndex = limitRows > 0 && key != null ? columns.indexOf(key) : -1;
        CopyTupleScanner scanner = new CopyTupleScanner(format, keyIndex, key == null ? null : key.type().kind(), digest);
        // Never cast a pooled connection: HikariCP hands out a proxy.
        CopyOut copy = connection.unwrap(PGConnection.class).getCopyAPI().copyOut(sql);
        long bytes = 0;
        try {
            ByteChunk chunk = sink.emptyByteChunk();
            byte[] message;
            while ((message = copy.readFromCopy()) != null) {
                int completedRows = scanner.accept(message, 0, message.length);
                if (!chunk.hasRoomFor(message.length) && chunk.length() > 0) {
                    sink.put(chunk);
                    chunk = sink.emptyByteChunk();
                }
                chunk.append(message, 0, message.length);
                chunk.addRows(completedRows);
                bytes += message.length;
            }
            chunk.markEndOfUnit();
            sink.put(chunk);
        } finally {
            if (copy.isActive()) {
                copy.cancelCopy();
            }
        }
        return new ReadResult(scanner.rows(), bytes, scanner.lastKey());
    }
}
