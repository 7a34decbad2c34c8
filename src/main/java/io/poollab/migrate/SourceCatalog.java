package io.poollab.migrate;

import io.poollab.config.ConfigException;
import io.poollab.config.ConnectSettings;
import io.poollab.config.ConnectionProfile;
import io.poollab.config.Problem;
import io.poollab.db.Column;
import io.poollab.db.Connections;
import io.poollab.db.Dialect;
import io.poollab.db.Dialects;
import io.poollab.db.TableInfo;
import io.poollab.db.TableRef;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The tables of a source database, for the GUI's table checklist: each with the name to write in a run config, its
 * row estimate, and the key a run would partition on, or why there is none. The key comes from {@link KeyChoice},
 * the planner's own rule, so the list and a run never disagree. Reads only, except that the profile's sample data
 * ({@code seed}) is created first, exactly as a run would, so a demo source lists its table before its first run.
 *
 * <p>Names: a table in the connection's default schema (PostgreSQL's current schema, usually {@code public}; SQL
 * Server's {@code dbo}; H2's {@code PUBLIC}) is named without its schema, so that a run's default target name (the
 * source name) lands in the target's own default schema, whatever its dialect. Any other table, and one whose name
 * holds a dot, is {@code schema.table}.
 */
public final class SourceCatalog {

    // Someone is waiting for the list: an unreachable host should say so sooner than after a pool's 30 s.
    static final long CONNECT_TIMEOUT_MS = 10_000;
    static final String APPLICATION_NAME = "poollab-catalog";

    private SourceCatalog() {
    }

    /**
     * Opens one connection to {@code source}, lists its user tables in schema and name order, and closes it.
     *
     * @param environment where a {@code ${env:VAR}} password is looked up
     * @throws ConfigException a URL no dialect accepts, a missing password variable, a connection that fails (one
     *                         line naming {@code source.jdbcUrl}, as for a run), or sample data the source cannot hold
     * @throws SQLException    reading the catalog failed once connected
     */
    public static List<CatalogTable> list(ConnectionProfile source, Map<String, String> environment)
            throws ConfigException, SQLException {
        Dialect dialect;
        try {
            dialect = Dialects.forUrl(source.jdbcUrl());
        } catch (ConfigException e) {
            throw new ConfigException(Problem.error("", "source.jdbcUrl", e.getMessage()));
        }
        ConnectSettings settings;
        try {
            settings = ConnectSettings.resolve(source, environment,
                    dialect.connectionProperties(APPLICATION_NAME, CONNECT_TIMEOUT_MS), dialect.connectionInitSql());
        } catch (ConfigException e) {
            throw new ConfigException(Problem.error("", "source.password", e.getMessage()));
        }
        try (Connection connection = Connections.openOrExplain(settings, "source")) {
            Engine.seed(source, dialect, connection);
            String defaultSchema = connection.getSchema();
            List<CatalogTable> tables = new ArrayList<>();
            for (TableRef listed : dialect.listTables(connection)) {
                // A table dropped between the listing and this look is simply not there any more.
                Optional<TableInfo> info = dialect.describe(connection, listed);
                info.ifPresent(table -> tables.add(entry(table, defaultSchema)));
            }
            return tables;
        }
    }

    static CatalogTable entry(TableInfo table, String defaultSchema) {
        Optional<Column> key = KeyChoice.automatic(table);
        return new CatalogTable(configName(table.ref(), defaultSchema), table.rowEstimate(),
                key.map(Column::name).orElse(null), key.isPresent() ? null : KeyChoice.whyNone(table));
    }

    /** The name under which the planner finds exactly {@code ref} again ({@link TableRef#parse} splits at a dot). */
    static String configName(TableRef ref, String defaultSchema) {
        boolean inDefault = ref.schema() == null || ref.schema().equals(defaultSchema);
        return inDefault && ref.name().indexOf('.') < 0 ? ref.name() : ref.toString();
    }
}
