package io.poollab.migrate;

import io.poollab.config.ConfigException;
import io.poollab.config.Problem;
import io.poollab.config.RunSpec;
import io.poollab.config.TableSpec;
import io.poollab.config.TargetMode;
import io.poollab.db.Column;
import io.poollab.db.Dialect;
import io.poollab.db.KeyRange;
import io.poollab.db.TableInfo;
import io.poollab.db.TableRef;
import io.poollab.db.UnmappedTypeException;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Checks every table against both catalogs and decides keys, partitions, types and the transfer path, reading
 * only. Every problem found is collected, so a user fixes a config in one go; nothing is written to the target
 * unless the whole plan is sound.
 */
final class Planner {

    private static final int SAMPLE_PER_PARTITION = 50;
    private static final int MAX_SAMPLE = 20_000;

    private final RunSpec spec;
    private final Dialect sourceDialect;
    private final Dialect targetDialect;
    private final Connection source;
    private final Connection target;
    private final ResumePoint resume;
    private final List<Problem> problems = new ArrayList<>();
    private final List<String> warnings = new ArrayList<>();
    private boolean sameDatabase;

    /** @param resume the checkpoints of an interrupted run to continue, or null for a new run */
    Planner(RunSpec spec, Dialect sourceDialect, Dialect targetDialect, Connection source, Connection target,
            ResumePoint resume) {
        this.resume = resume;
        this.spec = spec;
        this.sourceDialect = sourceDialect;
        this.targetDialect = targetDialect;
        this.source = source;
        this.target = target;
    }

    record Result(List<TablePlan> tables, List<String> warnings) {
    }

    Result plan() throws ConfigException, SQLException {
        sameDatabase = sameDatabase(spec);
        List<TablePlan> tables = new ArrayList<>();
        Set<String> targets = new HashSet<>();
        for (int i = 0; i < spec.tables().size(); i++) {
            planTable(i, spec.tables().get(i)).ifPresent(tables::add);
        }
        for (TablePlan table : tables) {
            if (!targets.add(table.targetRef().toString().toLowerCase())) {
                problems.add(error(table.index(), "target", "table " + table.targetRef()
                        + " is the target of more than one table entry"));
            }
        }
        if (!problems.isEmpty()) {
            throw new ConfigException(problems);
        }
        return new Result(tables, warnings);
    }

    /** Both URLs name the same database on the same server (loopback names counted as one host). */
    static boolean sameDatabase(RunSpec spec) {
        Optional<io.poollab.config.ConnectionForm> from = io.poollab.config.JdbcUrls.parse(spec.source().jdbcUrl())
                .map(parsed -> parsed.form());
        Optional<io.poollab.config.ConnectionForm> to = io.poollab.config.JdbcUrls.parse(spec.target().jdbcUrl())
                .map(parsed -> parsed.form());
        if (from.isEmpty() || to.isEmpty()) {
            return spec.source().jdbcUrl().equals(spec.target().jdbcUrl());
        }
        io.poollab.config.ConnectionForm a = from.get();
        io.poollab.config.ConnectionForm b = to.get();
        return a.dialect() == b.dialect() && java.util.Objects.equals(host(a.host()), host(b.host()))
                && a.effectivePort() == b.effectivePort() && java.util.Objects.equals(a.database(), b.database());
    }

    private static String host(String host) {
        if (host == null) {
            return null;
        }
        String h = host.toLowerCase(java.util.Locale.ROOT);
        return h.equals("localhost") || h.equals("::1") || h.equals("[::1]") || h.startsWith("127.") ? "loopback" : h;
    }

    private Optional<TablePlan> planTable(int index, TableSpec table) throws SQLException {
        TableRef sourceRef = TableRef.parse(table.source());
        Optional<TableInfo> found = sourceDialect.describe(source, sourceRef);
        if (found.isEmpty()) {
            problems.add(error(index, "source", "table " + sourceRef + " not found in the source database"));
            return Optional.empty();
        }
        TableInfo info = found.get();
        int problemsBefore = problems.size();
        Optional<Column> key = chooseKey(index, table, info);
        if (problems.size() > problemsBefore) {
            return Optional.empty();
        }
        boolean sameDialect = sourceDialect.id().equals(targetDialect.id());
        TableRef targetRef = TableRef.parse(table.target() == null ? table.source() : table.target());
        if (sameDatabase) {
            Optional<TableInfo> same = targetDialect.describe(target, targetRef);
            if (same.isPresent() && same.get().ref().equals(info.ref())) {
                problems.add(error(index, "target", "table " + info.ref() + " is the source table itself (source "
                        + "and target are the same database): name another target table"));
                return Optional.empty();
            }
        }
        Optional<TableInfo> existing = targetDialect.describe(target, targetRef);
        if (existing.isEmpty() && !sameDialect) {
            targetRef = new TableRef(targetRef.schema() == null ? null : targetDialect.fold(targetRef.schema()),
                    targetDialect.fold(targetRef.name()));
        }
        boolean recreate = table.mode() == TargetMode.RECREATE;
        if (recreate && existing.isPresent()) {
            // Dropped and created again by the preparer: plan it as a new table under its existing name.
            targetRef = existing.get().ref();
            existing = Optional.empty();
        }
        List<String> targetNames = new ArrayList<>();
        List<String> createColumns = new ArrayList<>();
        boolean passThrough = sameDialect && sourceDialect.rawReader(info.ref(), info.columns(), null,
                spec.copyFormat()).isPresent();
        long rowsBefore = 0;
        if (existing.isPresent()) {
            TableInfo existingTarget = existing.get();
            targetRef = existingTarget.ref();
            // A resumed table is verified whole: every row in it must come from the source.
            rowsBefore = resume != null ? 0 : targetDialect.countRows(target, targetRef, "");
            if (table.mode() == TargetMode.CREATE && rowsBefore > 0) {
                problems.add(error(index, "mode", "target table " + targetRef + " already holds "
                        + String.format("%,d", rowsBefore) + " rows; use mode truncate or append, or drop it"));
                return Optional.empty();
            }
            for (Column column : info.columns()) {
                Optional<Column> match = existingTarget.column(column.name());
                if (match.isEmpty()) {
                    problems.add(error(index, "target", "target table " + targetRef + " has no column "
                            + column.name()));
                    continue;
                }
                targetNames.add(match.get().name());
                passThrough &= match.get().type().nativeType().equals(column.type().nativeType());
                if (!sameDialect && !compatible(column, match.get())) {
                    problems.add(error(index, "target", "column " + column.name() + ": source "
                            + column.type().nativeType() + " cannot be written to target "
                            + match.get().type().nativeType()));
                }
            }
        } else if (table.mode() != TargetMode.CREATE && !recreate) {
            problems.add(error(index, "target", "target table " + targetRef + " not found; mode " + table.mode().id()
                    + " needs an existing table (mode create makes one)"));
            return Optional.empty();
        } else {
            for (Column column : info.columns()) {
                String name = sameDialect ? column.name() : targetDialect.fold(column.name());
                targetNames.add(name);
                try {
                    String type = sameDialect ? column.type().nativeType() : targetDialect.ddlType(column.type());
                    createColumns.add(TablePlan.definition(targetDialect, name, type, column.nullable()));
                } catch (UnmappedTypeException e) {
                    problems.add(error(index, "source", "column " + info.ref() + "." + column.name() + ": "
                            + e.getMessage()));
                }
            }
        }
        // Across dialects the type map above already named each unmapped column; within one, decoding needs a kind.
        if (!passThrough && sameDialect) {
            for (Column column : info.columns()) {
                if (!column.type().isMapped()) {
                    problems.add(error(index, "source", "column " + info.ref() + "." + column.name() + " has type "
                            + column.type().nativeType() + ", which PoolLab cannot carry to " + targetDialect.id()));
                }
            }
        }
        List<String> targetPrimaryKey = info.primaryKey().stream()
                .map(pk -> targetNames.size() == info.columns().size()
                        ? targetNames.get(info.indexOf(pk)) : pk).toList();
        long estimate = info.rowEstimate() >= 0 ? info.rowEstimate() : sourceDialect.countRows(source, info.ref(), "");
        Partitioner.Split split = resume != null ? checkpointed(index, key.orElse(null))
                : partitions(info, key.orElse(null), estimate);
        if (split == null) {
            return Optional.empty();
        }
        return Optional.of(new TablePlan(index, table, info, targetRef, info.columns(), targetNames, key.orElse(null),
                existing.isPresent(), createColumns, targetPrimaryKey, passThrough, split.ranges(), split.quantiles(),
                estimate, table.mode() == TargetMode.APPEND ? rowsBefore : 0));
    }

    /** The key to partition on, or empty for one partition; records a problem when the given key is unusable. */
    private Optional<Column> chooseKey(int index, TableSpec table, TableInfo info) {
        if (table.key() != null) {
            Optional<String> problem = KeyChoice.problemWith(info, table.key());
            if (problem.isPresent()) {
                problems.add(error(index, "key", problem.get()));
                return Optional.empty();
            }
            return info.column(table.key());
        }
        Optional<Column> key = KeyChoice.automatic(info);
        if (key.isEmpty()) {
            warnings.add(info.ref() + " has " + KeyChoice.NO_USABLE_KEY + ": it is " + KeyChoice.ONE_PARTITION);
        }
        return key;
    }

    /** The interrupted run's own partitions, so that its checkpoints still describe them; null if unusable. */
    private Partitioner.Split checkpointed(int index, Column key) {
        ResumePoint.TableCheckpoint checkpoint = resume.tables().get(index);
        if (checkpoint == null || checkpoint.ranges().isEmpty()) {
            problems.add(error(index, "source", "run " + resume.fromRunId() + " recorded no partitions for this "
                    + "table; it cannot be resumed"));
            return null;
        }
        if (key == null && checkpoint.ranges().size() > 1) {
            problems.add(error(index, "key", "run " + resume.fromRunId() + " split this table on a key that is no "
                    + "longer usable; it cannot be resumed"));
            return null;
        }
        return new Partitioner.Split(checkpoint.ranges(), false);
    }

    private Partitioner.Split partitions(TableInfo info, Column key, long estimate) throws SQLException {
        if (key == null) {
            return new Partitioner.Split(List.of(KeyRange.ALL), false);
        }
        int count = spec.partitionsPerTable().orElse(Partitioner.autoCount(spec.workers(), estimate));
        Optional<long[]> bounds = sourceDialect.keyBounds(source, info.ref(), key);
        if (bounds.isEmpty() || count <= 1) {
            return new Partitioner.Split(List.of(KeyRange.ALL), false);
        }
        int wanted = Math.min(MAX_SAMPLE, count * SAMPLE_PER_PARTITION);
        List<Long> sample = sourceDialect.sampleKeys(source, info.ref(), key, estimate, wanted);
        return Partitioner.split(bounds.get()[0], bounds.get()[1], count, sample);
    }

    private static boolean compatible(Column source, Column target) {
        return source.type().isMapped() && target.type().isMapped()
                && source.type().kind().javaType().equals(target.type().kind().javaType());
    }

    private static Problem error(int index, String field, String message) {
        return Problem.error("", "tables[" + index + "]." + field, message);
    }
}
