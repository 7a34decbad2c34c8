package io.poollab.db.postgres;

import io.poollab.db.ServerWaits;
import io.poollab.db.WaitBucket;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/** One sample of pg_stat_activity for a run's sessions: state, wait_event_type and wait_event, counted. */
final class PgWaits {

    // Grouped on the server: a sample is one short round trip whatever the pool size. The monitor's own backend
    // has another application name, but is excluded by pid as well so that a misnamed monitor never counts as CPU.
    private static final String SQL = "SELECT state, wait_event_type, wait_event, count(*) FROM pg_stat_activity "
            + "WHERE (application_name = ? OR application_name LIKE ?) AND pid <> pg_backend_pid() "
            + "GROUP BY state, wait_event_type, wait_event";

    private PgWaits() {
    }

    static Optional<ServerWaits> sample(Connection monitor, String applicationName) throws SQLException {
        long[] counts = new long[WaitBucket.values().length];
        Map<String, Long> events = new HashMap<>();
        try (PreparedStatement query = monitor.prepareStatement(SQL)) {
            query.setString(1, applicationName);
            query.setString(2, applicationName + "-w%");
            try (ResultSet rs = query.executeQuery()) {
                while (rs.next()) {
                    WaitBucket bucket = WaitBucket.ofPostgres(rs.getString(1), rs.getString(2), rs.getString(3));
                    long n = rs.getLong(4);
                    counts[bucket.ordinal()] += n;
                    String event = rs.getString(3);
                    if (event != null && !bucket.equals(WaitBucket.IDLE)) {
                        events.merge(bucket.id() + ":" + event, n, Long::sum);
                    }
                }
            }
        }
        return Optional.of(ServerWaits.sampled(counts, events));
    }
}
