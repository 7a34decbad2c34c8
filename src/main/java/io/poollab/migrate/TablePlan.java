package io.poollab.migrate;

import io.poollab.config.TableSpec;
import io.poollab.db.Column;
import io.poollab.db.Dialect;
import io.poollab.db.KeyRange;
import io.poollab.db.TableInfo;
import io.poollab.db.TableRef;
import java.util.List;

/**
 * How one table will be copied, decided before anything is written.
 *
 * @param index            position in the config's table list (for error locations: {@code tables[index]})
 * @param sourceColumns    every source column, in order
 * @param targetColumnNames the matching target column names, in the same order
 * @param key              the partitioning key on the source, or null (one partition, no keyset batches)
 * @param targetExists     false when the table is created in {@code create} mode
 * @param createColumns    column definitions for CREATE TABLE (empty when the table exists)
 * @param passThrough      PostgreSQL to PostgreSQL with identical column types: COPY data is never decoded
 * @param targetRowsBefore the rows the run leaves in the target besides its own: those there before, in append
 *                         mode; 0 in every other mode, which starts from an empty table
 */
record TablePlan(int index, TableSpec spec, TableInfo source, TableRef targetRef, List<Column> sourceColumns,
                 List<String> targetColumnNames, Column key, boolean targetExists, List<String> createColumns,
                 List<String> targetPrimaryKey, boolean passThrough, List<KeyRange> partitions, boolean quantiles,
                 long estimatedRows, long targetRowsBefore) {

    String label() {
        return source.ref().toString();
    }

    String targetKeyName() {
        return key == null ? null : targetColumnNames.get(sourceColumns.indexOf(key));
    }

    String transfer(io.poollab.config.CopyFormat format) {
        return passThrough ? "copy-" + format.id() : "rows";
    }

    /** The target column list matched to the target catalog, for readers and writers on the target. */
    List<Column> targetColumns(TableInfo target) {
        return targetColumnNames.stream().map(name -> target.column(name).orElseThrow()).toList();
    }

    static String definition(Dialect dialect, String name, String type, boolean nullable) {
        return dialect.quote(name) + " " + type + (nullable ? "" : " NOT NULL");
    }
}
