package io.poollab.migrate;

import io.poollab.config.ConfigException;
import io.poollab.config.ConnectSettings;
import io.poollab.config.ConnectionProfile;
import io.poollab.config.Problem;
import io.poollab.config.RunSpec;
import io.poollab.config.SeedSpec;
import io.poollab.config.Side;
import io.poollab.config.TableSpec;
import io.poollab.config.TargetMode;
import io.poollab.db.Connections;
import io.poollab.db.Dialect;
import io.poollab.db.Dialects;
import io.poollab.db.SampleData;
import io.poollab.db.ServerInfo;
import io.poollab.db.TableRef;
import io.poollab.pool.SidePool;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * The one entry point for migrations: spec in, {@link Run} out. The CLI, the GUI, sweeps and demos all call it.
 * {@link #start} plans synchronously, so bad input fails here with a {@link ConfigException} before anything is
 * written; the copy itself runs on the run's own threads.
 */
public final class Engine {

    private final Map<String, String> environment;

    public Engine() {
        this(System.getenv());
    }

    /** @param environment where {@code ${env:VAR}} passwords are looked up */
    public Engine(Map<String, String> environment) {
        this.environment = Map.copyOf(environment);
    }

    /**
     * Plans, prepares the target and starts copying.
     *
     * @throws ConfigException bad input: a connection that fails, a missing table or column, an unusable key,
     *                         an unmapped type, a non-empty target in create mode; nothing was written
     * @throws SQLException    the target could not be prepared (create or truncate failed)
     */
    public Run start(RunSpec spec, long runId, List<RunListener> listeners) throws ConfigException, SQLException {
        return start(spec, runId, listeners, null);
    }

    /**
     * Continues an interrupted run as run {@code runId}: the same partitions, the committed ones kept, the target
     * rows of the others deleted by key range and copied again; then the whole of each table is verified.
     *
     * @param spec the interrupted run's own spec (its stored config)
     */
    public Run resume(RunSpec spec, long runId, ResumePoint point, List<RunListener> listeners)
            throws ConfigException, SQLException {
        List<TableSpec> appendToWhatIsThere = spec.tables().stream()
                .map(t -> new TableSpec(t.source(), t.target(), t.key(), TargetMode.APPEND)).toList();
        return start(spec.withTables(appendToWhatIsThere), runId, listeners, point);
    }

    private Run start(RunSpec spec, long runId, List<RunListener> listeners, ResumePoint resume)
            throws ConfigException, SQLException {
        Sides sides = new Sides(spec, runId);
        List<TableState> tables;
        RunInfo info;
        try (Connection source = Connections.openOrExplain(sides.settings(Side.SOURCE, "setup"), "source");
             Connection target = Connections.openOrExplain(sides.settings(Side.TARGET, "setup"), "target")) {
            List<String> notes = seed(spec.source(), sides.source, source);
            Planner.Result plan = new Planner(spec, sides.source, sides.target, source, target, resume).plan();
            info = info(runId, spec, plan, sides.source.serverInfo(source), sides.target.serverInfo(target), notes);
            target.setAutoCommit(false);
            try {
                tables = TargetPreparer.prepare(plan.tables(), spec, sides.source, sides.target, target, resume);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new SQLException("interrupted while preparing the target", e);
            }
        }
        Map<Side, SidePool> pools = new EnumMap<>(Side.class);
        Map<Side, Connection> monitors = new EnumMap<>(Side.class);
        List<com.zaxxer.hikari.metrics.MetricsTrackerFactory> trackers = listeners.stream()
                .flatMap(l -> l.poolTrackers().stream()).toList();
        try {
            for (Side side : Side.values()) {
                pools.put(side, new SidePool(side, runId, spec.poolMode(),
                        sides.settings(side, side.id()), spec.pool(side), trackers));
                if (sides.dialect(side).canCountSessions()) {
                    monitors.put(side, Connections.openOrExplain(sides.settings(side, "monitor"), side.id()));
                }
            }
        } catch (ConfigException | SQLException | RuntimeException e) {
            pools.values().forEach(SidePool::close);
            monitors.values().forEach(Engine::closeQuietly);
            throw e;
        }
        int verifyThreads = Math.min(spec.workers(), tables.stream().mapToInt(t -> t.plan.partitions().size()).sum());
        Verifier verifier = new Verifier(sides.target, sides.settings(Side.TARGET, "verify"), verifyThreads,
                "poollab-run-" + runId + "-");
        Map<Side, Dialect> dialects = Map.of(Side.SOURCE, sides.source, Side.TARGET, sides.target);
        MigrationRun run = new MigrationRun(runId, spec, info, pools, monitors, dialects, tables, verifier, listeners);
        run.start();
        return run;
    }

    /** Validates the spec against both databases (connections, tables, keys, types) and changes nothing. */
    public RunInfo check(RunSpec spec) throws ConfigException, SQLException {
        Sides sides = new Sides(spec, 0);
        try (Connection source = Connections.openOrExplain(sides.settings(Side.SOURCE, "check"), "source");
             Connection target = Connections.openOrExplain(sides.settings(Side.TARGET, "check"), "target")) {
            Planner.Result plan = new Planner(spec, sides.source, sides.target, source, target, null).plan();
            return info(0, spec, plan, sides.source.serverInfo(source), sides.target.serverInfo(target), List.of());
        }
    }

    /**
     * The source's tables as a table picker shows them, each with its row estimate and the key a run would split
     * on; the profile's sample data is created first, as a run would. See {@link SourceCatalog#list}.
     */
    public List<CatalogTable> catalog(ConnectionProfile source) throws ConfigException, SQLException {
        return SourceCatalog.list(source, environment);
    }

    private static RunInfo info(long runId, RunSpec spec, Planner.Result plan, ServerInfo source, ServerInfo target,
                                List<String> notes) {
        List<RunInfo.TablePlanInfo> tables = plan.tables().stream().map(t -> new RunInfo.TablePlanInfo(
                t.label(), t.targetRef().toString(), t.key() == null ? null : t.key().name(), t.partitions().size(),
                t.estimatedRows(), t.transfer(spec.copyFormat()), t.partitions())).toList();
        long estimated = tables.stream().mapToLong(RunInfo.TablePlanInfo::estimatedRows).sum();
        List<String> warnings = new java.util.ArrayList<>(plan.warnings());
        ConnectionBudget.warning(spec, Side.SOURCE, source).ifPresent(warnings::add);
        ConnectionBudget.warning(spec, Side.TARGET, target).ifPresent(warnings::add);
        return new RunInfo(runId, spec, tables, estimated, source, target, warnings, notes);
    }

    /**
     * Creates the demo table on the source the first time (H2 and PostgreSQL only); the one place that seeds, for
     * runs and for the {@link SourceCatalog} alike.
     */
    static List<String> seed(ConnectionProfile profile, Dialect dialect, Connection source)
            throws ConfigException, SQLException {
        SeedSpec seed = profile.seed();
        if (seed == null) {
            return List.of();
        }
        if (!dialect.id().equals("h2") && !dialect.id().equals("postgresql")) {
            throw new ConfigException(Problem.error("", "source.seed", "sample data can be created in H2 and "
                    + "PostgreSQL sources only, not " + dialect.id()));
        }
        long created = SampleData.ensurePosts(source, dialect, TableRef.parse(seed.table()), seed.rows());
        return created == 0 ? List.of()
                : List.of("created sample table " + seed.table() + " with " + String.format("%,d", created) + " rows");
    }

    private static void closeQuietly(Connection connection) {
        try {
            connection.close();
        } catch (SQLException ignored) {
            // Already failing; the original exception is the one the caller sees.
        }
    }

    /** Dialects and connection settings of both sides of one run. */
    private final class Sides {

        final Dialect source;
        final Dialect target;
        private final RunSpec spec;
        private final long runId;

        Sides(RunSpec spec, long runId) throws ConfigException {
            this.spec = spec;
            this.runId = runId;
            this.source = dialectFor(spec.source(), "source");
            this.target = dialectFor(spec.target(), "target");
        }

        Dialect dialect(Side side) {
            return side == Side.SOURCE ? source : target;
        }

        /** Settings for connections named {@code poollab-<runId>-<role>}; the pools' role is the side's id. */
        ConnectSettings settings(Side side, String role) throws ConfigException {
            Dialect dialect = dialect(side);
            String applicationName = role.equals(side.id()) ? SidePool.applicationName(runId, side)
                    : "poollab-" + runId + "-" + role;
            try {
                return ConnectSettings.resolve(spec.profile(side), environment,
                        dialect.connectionProperties(applicationName, spec.pool(side).connectionTimeoutMs()),
                        dialect.connectionInitSql());
            } catch (ConfigException e) {
                throw new ConfigException(Problem.error("", side.id() + ".password", e.getMessage()));
            }
        }

        private static Dialect dialectFor(ConnectionProfile profile, String side) throws ConfigException {
            try {
                return Dialects.forUrl(profile.jdbcUrl());
            } catch (ConfigException e) {
                throw new ConfigException(Problem.error("", side + ".jdbcUrl", e.getMessage()));
            }
        }
    }
}
