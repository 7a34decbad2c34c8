package io.poollab.db;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;

/** Streams a key range with a forward-only, read-only statement and decodes each value to its canonical type. */
final class JdbcRangeReader implements RangeReader {

    private final Dialect dialect;
    private final TableRef table;
    private final List<Column> columns;
    private final Column key;
    private final int keyIndex;
    private final Kind[] kinds;

    JdbcRangeReader(Dialect dialect, TableRef table, List<Column> columns, Column key) {
        this.dialect = dialect;
        this.table = table;
        this.columns = columns;
        this.key = key;
        this.keyIndex = key == null ? -1 : columns.indexOf(key);
        this.kinds = columns.stream().map(c -> c.type().kind()).toArray(Kind[]::new);
    }

    @Override
    public ReadResult read(Connection connection, KeyRange range, long limitRows, ChunkSink sink, RowDigest digest)
            throws SQLException, InterruptedException {
        String sql = dialect.select(table, columns, wherePredicate(range), orderBy(limitRows), limitRows);
        RowHasher hasher = digest == null ? null : new RowHasher(columns);
        long rows = 0;
        long bytes = 0;
        Object lastKey = null;
        try (Statement statement = connection.createStatement(ResultSet.TYPE_FORWARD_ONLY, ResultSet.CONCUR_READ_ONLY)) {
            statement.setFetchSize(dialect.fetchSize());
            try (ResultSet rs = statement.executeQuery(sql)) {
                RowChunk chunk = sink.emptyRowChunk();
                while (rs.next()) {
                    if (chunk.isFull()) {
                        sink.put(chunk);
                        chunk = sink.emptyRowChunk();
                    }
                    Object[] row = chunk.nextRow();
                    long rowBytes = 0;
                    for (int i = 0; i < kinds.length; i++) {
                        row[i] = dialect.readValue(rs, i + 1, kinds[i]);
                        rowBytes += JdbcValues.sizeOf(row[i]);
                    }
                    chunk.addBytes(rowBytes);
                    bytes += rowBytes;
                    rows++;
                    if (hasher != null) {
                        digest.add(hasher.hash(row));
                    }
                    if (keyIndex >= 0) {
                        lastKey = row[keyIndex];
                    }
                }
                chunk.markEndOfUnit();
                sink.put(chunk);
            }
        }
        Long last = lastKey == null ? null : KeyCodec.toLong(key.type().kind(), lastKey);
        return new ReadResult(rows, bytes, last);
    }

    private String wherePredicate(KeyRange range) {
        return key == null ? "" : range.predicate(dialect.quote(key.name()), dialect, key.type().kind());
    }

    private String orderBy(long limitRows) {
        return limitRows > 0 && key != null ? dialect.quote(key.name()) : "";
    }
}
