package io.poollab.db.postgres;

import io.poollab.config.CopyFormat;
import io.poollab.db.ByteChunk;
import io.poollab.db.Chunk;
import io.poollab.db.Column;
import io.poollab.db.RowChunk;
import io.poollab.db.TableRef;
import io.poollab.db.UnitWriter;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyIn;

/**
 * COPY FROM STDIN: raw COPY chunks pass straight through; decoded rows are encoded as COPY text first.
 * One instance writes one unit, so a unit is exactly one COPY command.
 */
final class PgCopyWriter implements UnitWriter {

    private final CopyIn copy;
    private final PgTextEncoder encoder;

    PgCopyWriter(Connection connection, String qualifiedTable, String columnList, CopyFormat format,
                 List<Column> columnsForEncoding) throws SQLException {
        String sql = "COPY " + qualifiedTable + " (" + columnList + ") FROM STDIN"
                + (format == CopyFormat.BINARY ? " (FORMAT binary)" : "");
        this.copy = connection.unwrap(PGConnection.class).getCopyAPI().copyIn(sql);
        this.encoder = columnsForEncoding == null ? null : new PgTextEncoder(columnsForEncoding);
    }

    static PgCopyWriter passThrough(Connection connection, PostgresDialect dialect, TableRef table,
                                    List<Column> columns, CopyFormat format) throws SQLException {
        return new PgCopyWriter(connection, dialect.qualified(table), dialect.columnList(columns), format, null);
    }

    static PgCopyWriter encoding(Connection connection, PostgresDialect dialect, TableRef table,
                                 List<Column> columns) throws SQLException {
        return new PgCopyWriter(connection, dialect.qualified(table), dialect.columnList(columns), CopyFormat.TEXT,
                columns);
    }

    @Override
    public void write(Chunk chunk) throws SQLException {
        if (chunk instanceof ByteChunk bytes) {
            if (bytes.length() > 0) {
                copy.writeToCopy(bytes.data(), 0, bytes.length());
            }
        } else {
            RowChunk rows = (RowChunk) chunk;
            if (rows.count() > 0) {
                ByteChunk encoded = encoder.encode(rows);
                copy.writeToCopy(encoded.data(), 0, encoded.length());
            }
        }
    }

    @Override
    public void finish() throws SQLException {
        copy.endCopy();
    }

    @Override
    public void abort() {
        try {
            if (copy.isActive()) {
                copy.cancelCopy();
            }
        } catch (SQLException cancelFailure) {
            // Cancelling a broken COPY fails when the connection is already gone; the caller discards it anyway.
        }
    }
}
