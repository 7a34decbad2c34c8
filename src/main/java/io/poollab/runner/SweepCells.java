package io.poollab.runner;

import io.poollab.config.ConfigException;
import io.poollab.config.PoolMode;
import io.poollab.config.Problem;
import io.poollab.config.RunConfigWriter;
import io.poollab.config.RunSpec;
import io.poollab.config.RunSpecValidator;
import io.poollab.config.TableSpec;
import io.poollab.config.TargetMode;
import java.util.ArrayList;
import java.util.List;

/** How a sweep's cells are made from one base: the same tables and settings, another worker count and pool size. */
public final class SweepCells {

    private SweepCells() {
    }

    /**
     * Cells from a spec already built, as the workbench's Run form builds it: the workers, both pools' maximumPoolSize
     * ({@link io.poollab.config.PoolSettings#resizedTo}, so a warm pool stays warm), the mode when given, and the
     * label. Each cell is validated like a config, so a size the form's other values do not allow is refused.
     *
     * @param mode  null keeps the base's pool mode
     * @param label null keeps the base's name; the cell's position is appended either way
     */
    public static SweepRunner.CellSpecs fromSpec(RunSpec base, PoolMode mode, String label) {
        return (workers, poolSize) -> {
            String prefix = label != null ? label : base.name();
            RunSpec cell = base.withWorkers(workers)
                    .withPools(base.sourcePool().resizedTo(poolSize), base.targetPool().resizedTo(poolSize))
                    .withPoolMode(mode != null ? mode : base.poolMode())
                    .withName((prefix == null || prefix.isBlank() ? "" : prefix + ", ") + position(workers, poolSize));
            List<Problem> errors = RunSpecValidator.validate(cell).stream().filter(Problem::isError).toList();
            if (!errors.isEmpty()) {
                throw new ConfigException(errors);
            }
            return resettingTarget(cell.withConfigText(RunConfigWriter.toYaml(cell)));
        };
    }

    /** "2 workers × pool 4": a cell's runs are labelled with it. */
    public static String position(int workers, int poolSize) {
        return workers + (workers == 1 ? " worker" : " workers") + " × pool " + poolSize;
    }

    /**
     * Each cell starts from the same empty target: {@code create} becomes {@code recreate}; {@code append} would
     * pile every cell's rows onto the last cell's and is refused, at {@code tables[i].mode}.
     */
    public static RunSpec resettingTarget(RunSpec spec) throws ConfigException {
        List<TableSpec> tables = new ArrayList<>();
        for (int i = 0; i < spec.tables().size(); i++) {
            TableSpec t = spec.tables().get(i);
            if (t.mode() == TargetMode.APPEND) {
                throw new ConfigException(Problem.error("", "tables[" + i + "].mode",
                        "append would add every cell's rows to the last cell's: a sweep needs create, recreate or "
                                + "truncate"));
            }
            tables.add(t.mode() == TargetMode.CREATE ? new TableSpec(t.source(), t.target(), t.key(),
                    TargetMode.RECREATE) : t);
        }
        return spec.withTables(tables);
    }
}
