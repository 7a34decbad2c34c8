package io.poollab.migrate;

import io.poollab.config.RunSpec;
import io.poollab.config.TargetMode;
import io.poollab.config.VerifyMode;
import io.poollab.db.Column;
import io.poollab.db.Dialect;
import io.poollab.db.KeyRange;
import io.poollab.db.RangeReader;
import io.poollab.db.RowDigest;
import io.poollab.db.TableInfo;
import io.poollab.db.WriterFactory;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

/**
 * The first writes of a run, made only after the whole plan passed: create or truncate each target table, then
 * build each table's reader, writer and verification reader against the target as it now is.
 */
final class TargetPreparer {

    private TargetPreparer() {
    }

    /** @param resume the checkpoints of an interrupted run, or null for a new run */
    static List<TableState> prepare(List<TablePlan> plans, RunSpec spec, Dialect sourceDialect,
                                    Dialect targetDialect, Connection target, ResumePoint resume)
            throws SQLException, InterruptedException {
        List<TableState> tables = new ArrayList<>();
        for (TablePlan plan : plans) {
            try (Statement statement = target.createStatement()) {
                if (resume != null) {
                    deleteUnfinished(plan, resume.tables().get(plan.index()), targetDialect, statement);
                } else if (plan.spec().mode() == TargetMode.RECREATE) {
                    statement.execute(targetDialect.dropTableIfExistsSql(plan.targetRef()));
                }
                if (!plan.targetExists()) {
                    statement.execute(targetDialect.createTableSql(plan.targetRef(), plan.createColumns(),
                            plan.targetPrimaryKey()));
                } else if (plan.spec().mode() == TargetMode.TRUNCATE) {
                    statement.execute(targetDialect.truncateSql(plan.targetRef()));
                }
            }
            target.commit();
            TableInfo targetInfo = targetDialect.describe(target, plan.targetRef()).orElseThrow(
                    () -> new SQLException("target table " + plan.targetRef() + " vanished after it was prepared"));
            List<Column> targetColumns = plan.targetColumns(targetInfo);
            Column targetKey = plan.key() == null ? null : targetInfo.column(plan.targetKeyName()).orElseThrow();
            RangeReader reader;
            WriterFactory writer;
            RangeReader verifyReader;
            if (plan.passThrough()) {
                reader = sourceDialect.rawReader(plan.source().ref(), plan.sourceColumns(), plan.key(),
                        spec.copyFormat()).orElseThrow();
                writer = targetDialect.rawWriter(plan.targetRef(), targetColumns, spec.copyFormat()).orElseThrow();
                verifyReader = targetDialect.rawReader(plan.targetRef(), targetColumns, targetKey, spec.copyFormat())
                        .orElseThrow();
            } else {
                reader = sourceDialect.rowReader(plan.source(), plan.sourceColumns(), plan.key());
                writer = targetDialect.rowWriter(plan.targetRef(), targetColumns, spec.batchRows(),
                        spec.holdConnections());
                verifyReader = targetDialect.rowReader(targetInfo, targetColumns, targetKey);
            }
            RowDigest before = new RowDigest();
            boolean appendsToRows = plan.spec().mode() == TargetMode.APPEND && plan.targetRowsBefore() > 0;
            if (appendsToRows && spec.verify() == VerifyMode.CHECKSUM) {
                verifyReader.read(target, KeyRange.ALL, 0, new DiscardSink(targetColumns.size()), before);
                target.rollback();
            }
            TableState state = new TableState(plan, targetInfo, reader, writer, verifyReader, before);
            if (resume != null) {
                resume.tables().get(plan.index()).done().forEach((partition, done) -> state.completed(partition,
                        done.rows(), done.digest() == null ? null : RowDigest.of(done.digest())));
            }
            tables.add(state);
        }
        return tables;
    }

    /**
     * Removes whatever an interrupted run left of the partitions it did not finish (with perBatch, some of their
     * batches were committed), in the same transaction as nothing else, so they can be copied again exactly once.
     */
    private static void deleteUnfinished(TablePlan plan, ResumePoint.TableCheckpoint checkpoint,
                                         Dialect targetDialect, Statement statement) throws SQLException {
        for (int p = 0; p < plan.partitions().size(); p++) {
            if (checkpoint.done().containsKey(p)) {
                continue;
            }
            KeyRange range = plan.partitions().get(p);
            String where = plan.key() == null ? ""
                    : range.predicate(targetDialect.quote(plan.targetKeyName()), targetDialect, plan.key().type().kind());
            statement.executeUpdate("DELETE FROM " + targetDialect.qualified(plan.targetRef())
                    + (where.isEmpty() ? "" : " WHERE " + where));
        }
    }
}
