package io.poollab.migrate;

import io.poollab.config.PoolMode;
import io.poollab.config.RunSpec;
import io.poollab.config.Side;
import io.poollab.db.ServerInfo;
import java.util.Optional;

/**
 * Whether a run's pools fit the server: the connections it may open on one side (the pool's maximumPoolSize, one
 * pool per worker in per-worker mode, a connection per worker unpooled, plus the session monitor and a verifier)
 * against max_connections less the superuser reserve and the sessions already open. A warning, before the copy:
 * the server, not PoolLab, refuses the connection that does not fit ("too many clients already").
 */
final class ConnectionBudget {

    /** PostgreSQL's superuser_reserved_connections default; SQL Server reserves none. */
    static final int RESERVED = 3;

    private ConnectionBudget() {
    }

    static Optional<String> warning(RunSpec spec, Side side, ServerInfo server) {
        if (server == null || server.maxConnections() <= 0) {
            return Optional.empty();
        }
        int max = spec.pool(side).maximumPoolSize();
        int pooled = switch (spec.poolMode()) {
            case SHARED -> max;
            case PER_WORKER -> max * spec.workers();
            case UNPOOLED -> spec.workers();
        };
        int wanted = pooled + 2;
        int room = server.maxConnections() - RESERVED - server.currentSessions();
        if (wanted <= room) {
            return Optional.empty();
        }
        String pools = spec.poolMode() == PoolMode.PER_WORKER
                ? spec.workers() + " per-worker pools × maximumPoolSize " + max
                : spec.poolMode() == PoolMode.UNPOOLED ? spec.workers() + " unpooled workers" : "maximumPoolSize " + max;
        return Optional.of("pool." + side.id() + ": this run may open " + wanted + " " + side.id() + " connections ("
                + pools + ", + 2 for monitoring and verification) but the server has room for " + room
                + " (max_connections " + server.maxConnections() + " − " + RESERVED + " reserved − "
                + server.currentSessions() + " sessions now): connections beyond it will be refused");
    }
}
