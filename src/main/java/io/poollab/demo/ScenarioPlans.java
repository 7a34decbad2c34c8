package io.poollab.demo;

import io.poollab.config.ConfigException;
import io.poollab.config.CopyFormat;
import io.poollab.config.HoldConnections;
import io.poollab.config.PoolMode;
import io.poollab.config.PoolSettings;
import io.poollab.config.Problem;
import io.poollab.config.RunConfigWriter;
import io.poollab.config.RunSpec;
import io.poollab.config.RunSpecValidator;
import io.poollab.config.TableSpec;
import io.poollab.config.TargetMode;
import io.poollab.config.VerifyMode;
import io.poollab.runner.SweepRunner;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;

/**
 * The runs each scenario makes. Every spec copies the H2 demo source's table into {@code posts} on the demo's
 * PostgreSQL behind the latency proxy, recreated by each run, verified by checksum, and is validated like a config.
 */
final class ScenarioPlans {

    static final String TARGET_TABLE = "posts";
    static final List<Integer> SWEEP_WORKERS = List.of(1, 2, 4);
    static final List<Integer> SWEEP_POOL_SIZES = List.of(1, 2, 4);
    static final double SWEEP_TOLERANCE = 0.05;
    static final String WARM_UP = "warm-up";
    /** Runs of a few seconds: samples often enough for live charts with a shape, and for the peaks. */
    static final int SAMPLE_INTERVAL_MS = 100;

    private final DemoDatabases databases;
    private final String table;
    private final DemoOptions options;

    ScenarioPlans(DemoDatabases databases, String table, DemoOptions options) {
        this.databases = databases;
        this.table = table;
        this.options = options;
    }

    /**
     * The run-by-run scenarios' steps, the variants interleaved (a, b, c, a, b, c…): the JIT's warm-up in the first
     * runs and any drift in the machine's load then fall on every variant alike instead of on the first one.
     */
    List<Step> steps(Scenario scenario) throws ConfigException {
        Map<String, RunSpec> variants = new LinkedHashMap<>();
        switch (scenario) {
            case MORE_READERS -> {
                // Each reader (a worker: reader and writer) owns pre-warmed pools of 2 per side: 4 connections each.
                for (int readers = 1; readers <= 3; readers++) {
                    variants.put(readers + (readers == 1 ? " reader" : " readers"), spec(readers,
                            PoolMode.PER_WORKER, PoolSettings.defaultsFor(2), HoldConnections.PER_PARTITION, 10_000,
                            12));
                }
            }
            case PER_WORKER_VS_SHARED -> {
                int batch = batchRows();
                variants.put("per-worker", spec(4, PoolMode.PER_WORKER, PoolSettings.defaultsFor(4),
                        HoldConnections.PER_BATCH, batch, 8));
                variants.put("shared", spec(4, PoolMode.SHARED, PoolSettings.defaultsFor(4),
                        HoldConnections.PER_BATCH, batch, 8));
                variants.put("unpooled", spec(4, PoolMode.UNPOOLED, PoolSettings.defaultsFor(4),
                        HoldConnections.PER_BATCH, batch, 8));
            }
            case WARM_VS_COLD -> {
                int batch = batchRows();
                variants.put("warm", spec(4, PoolMode.SHARED, PoolSettings.defaultsFor(4), HoldConnections.PER_BATCH,
                        batch, 8));
                variants.put("cold", spec(4, PoolMode.SHARED, cold(4), HoldConnections.PER_BATCH, batch, 8));
            }
            case RIGHT_SIZE -> throw new IllegalArgumentException("right-size is a sweep: use sweepBase and grid");
        }
        List<Step> steps = new ArrayList<>();
        for (int r = 1; r <= options.repeatsFor(scenario); r++) {
            for (Map.Entry<String, RunSpec> variant : variants.entrySet()) {
                RunSpec named = variant.getValue().withName(label(scenario) + ": " + variant.getKey() + ", repeat " + r);
                steps.add(new Step(variant.getKey(), r, named.withConfigText(RunConfigWriter.toYaml(named))));
            }
        }
        return steps;
    }

    /**
     * A run of {@code first}'s settings before the measured ones, recorded like them but never counted: the first
     * run in a JVM pays for class loading and the JIT (measured here at half the rate of the runs after it), which
     * would otherwise be charged to whichever variant came first.
     */
    static Step warmUp(Scenario scenario, RunSpec first) {
        RunSpec named = first.withName(label(scenario) + ": " + WARM_UP + " (not counted)");
        return new Step(WARM_UP, 0, named.withConfigText(RunConfigWriter.toYaml(named)));
    }

    /**
     * A cold pool: nothing open until borrowed, and the shortest idleTimeout and maxLifetime HikariCP accepts
     * without clamping (10 s and 30 s), keepalive off (HikariCP requires it below maxLifetime).
     */
    static PoolSettings cold(int size) {
        PoolSettings d = PoolSettings.defaultsFor(size);
        return new PoolSettings(size, 0, d.connectionTimeoutMs(), 10_000, 30_000, 0, d.validationTimeoutMs(), 0);
    }

    /** right-size's base: its cells replace the workers and both pools' size (which stay warm). */
    RunSpec sweepBase() throws ConfigException {
        RunSpec base = spec(1, PoolMode.SHARED, PoolSettings.defaultsFor(1), HoldConnections.PER_PARTITION, 10_000,
                8).withName(label(Scenario.RIGHT_SIZE));
        return base.withConfigText(RunConfigWriter.toYaml(base));
    }

    SweepRunner.Grid grid() {
        return new SweepRunner.Grid(SWEEP_WORKERS, SWEEP_POOL_SIZES, options.repeatsFor(Scenario.RIGHT_SIZE),
                SWEEP_TOLERANCE);
    }

    /** The history label of a scenario's runs ({@code demo more-readers}), followed by the variant and repeat. */
    static String label(Scenario scenario) {
        return "demo " + scenario.id();
    }

    /** About 50 batches per run, so that borrowing per batch is felt without being the whole run. */
    private int batchRows() {
        return (int) Math.max(1, Math.min(10_000, options.rows() / 50));
    }

    private RunSpec spec(int workers, PoolMode mode, PoolSettings pool, HoldConnections hold, int batchRows,
                         int partitions) throws ConfigException {
        RunSpec spec = new RunSpec("demo", databases.source(), databases.target(options.latencyMs()),
                List.of(new TableSpec(table, TARGET_TABLE, null, TargetMode.RECREATE)), workers,
                OptionalInt.of((int) Math.max(1, Math.min(partitions, options.rows()))), batchRows, hold, mode, pool,
                pool, SAMPLE_INTERVAL_MS, VerifyMode.CHECKSUM, CopyFormat.BINARY, io.poollab.config.RetrySettings.DEFAULT, "");
        List<Problem> errors = RunSpecValidator.validate(spec).stream().filter(Problem::isError).toList();
        if (!errors.isEmpty()) {
            throw new ConfigException(errors);
        }
        return spec;
    }
}
