package io.poollab.db;

import io.poollab.config.ConfigException;
import io.poollab.db.h2.H2Dialect;
import io.poollab.db.postgres.PostgresDialect;
import io.poollab.db.sqlserver.SqlServerDialect;
import java.util.List;

/** Picks the dialect for a JDBC URL. */
public final class Dialects {

    private static final List<Dialect> ALL = List.of(new PostgresDialect(), new SqlServerDialect(), new H2Dialect());

    private Dialects() {
    }

    public static Dialect forUrl(String jdbcUrl) throws ConfigException {
        String url = jdbcUrl == null ? "" : jdbcUrl;
        for (Dialect dialect : ALL) {
            if (url.startsWith("jdbc:" + dialect.id() + ":")) {
                return dialect;
            }
        }
        throw new ConfigException("unsupported JDBC URL \"" + Connections.redactUrl(url)
                + "\"; PoolLab supports jdbc:postgresql:, jdbc:sqlserver: and jdbc:h2:");
    }
}
