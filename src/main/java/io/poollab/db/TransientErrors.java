package io.poollab.db;

import java.io.EOFException;
import java.net.SocketException;
import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import java.util.Optional;
import java.util.Set;

/**
 * Which database errors are worth redoing a partition for: the connection was lost or could not be made (SQLState
 * class 08, a socket reset), the server is shutting down or restarting (57P01–57P03), a serialization failure or
 * deadlock (40001, 40P01), or the pool had no free connection in time. Everything else (bad SQL, a constraint, a
 * type error, a wrong password) would fail again the same way, so it is never retried.
 */
public final class TransientErrors {

    private static final Set<String> SHUTDOWN = Set.of("57P01", "57P02", "57P03");
    private static final Set<String> CONFLICT = Set.of("40001", "40P01");

    /** What kind of transient error this is. */
    public enum Kind {
        CONNECTION_LOST("connection lost"),
        SERVER_SHUTDOWN("server shutting down"),
        CONFLICT("serialization failure or deadlock"),
        POOL_TIMEOUT("no free connection within connectionTimeout");

        private final String words;

        Kind(String words) {
            this.words = words;
        }

        public String words() {
            return words;
        }
    }

    private TransientErrors() {
    }

    /** The kind of transient error, or empty when redoing the work would fail the same way. */
    public static Optional<Kind> classify(Throwable error) {
        int depth = 0;
        for (Throwable t = error; t != null && depth < 20; t = t.getCause(), depth++) {
            if (t instanceof SQLException sql) {
                String state = sql.getSQLState() == null ? "" : sql.getSQLState();
                if (SHUTDOWN.contains(state)) {
                    return Optional.of(Kind.SERVER_SHUTDOWN);
                }
                if (CONFLICT.contains(state)) {
                    return Optional.of(Kind.CONFLICT);
                }
                if (state.startsWith("08")) {
                    return Optional.of(Kind.CONNECTION_LOST);
                }
                if (!state.isEmpty()) {
                    // A server's verdict on the statement itself: the cause chain below it cannot make it transient.
                    return Optional.empty();
                }
                if (isPoolTimeout(sql)) {
                    return Optional.of(Kind.POOL_TIMEOUT);
                }
                // HikariCP swaps a connection for a closed one after its first fatal (class 08) error; later calls
                // on it say only this, with no SQLState. PoolLab never uses a connection after closing it.
                if ("Connection is closed".equals(sql.getMessage())) {
                    return Optional.of(Kind.CONNECTION_LOST);
                }
            } else if (t instanceof SocketException || t instanceof EOFException) {
                return Optional.of(Kind.CONNECTION_LOST);
            }
        }
        return Optional.empty();
    }

    /**
     * HikariCP's "Connection is not available, request timed out" with no failed connect under it: every connection
     * was busy for the whole connectionTimeout (when connects failed, HikariCP passes on their SQLState, class 08).
     */
    public static boolean isPoolTimeout(Throwable error) {
        return error instanceof SQLTransientConnectionException e && e.getSQLState() == null
                && String.valueOf(e.getMessage()).contains("request timed out");
    }
}
