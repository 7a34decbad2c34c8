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

    static List<TableState> prepare(List<TablePlan> plans, RunSpec spec, Dialect sourceDialect,
                                    Dialect targetDialect, Connection target) throws SQLException,
            InterruptedException {
        List<TableState> tables = new ArrayList<>();
        for (TablePlan plan : plans) {
            try (Statement statement = target.createStatement()) {
                if (plan.spec().mode() == TargetMode.RECREATE) {
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
            tables.add(new TableState(plan, targetInfo, reader, writer, verifyReader, before));
        }
        return tables;
    }
}
