package io.poollab.db.sqlserver;

import io.poollab.db.ServerWaits;
import io.poollab.db.WaitBucket;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * One sample of a run's SQL Server sessions: each session's request status and wait type (sys.dm_exec_requests),
 * the longest waiting task's wait type where there is one (sys.dm_os_waiting_tasks, which also names the waits of
 * parallel workers), and whether a sleeping session holds a transaction open. Untested here: no SQL Server runs in
 * the test suite.
 */
final class SqlServerWaits {

    private static final String SQL = """
            SELECT COALESCE(r.status, s.status), COALESCE(w.wait_type, r.wait_type),
                   CASE WHEN s.open_transaction_count > 0 THEN 1 ELSE 0 END, COUNT(*)
            FROM sys.dm_exec_sessions s
            LEFT JOIN sys.dm_exec_requests r ON r.session_id = s.session_id
            OUTER APPLY (SELECT TOP 1 t.wait_type FROM sys.dm_os_waiting_tasks t
                         WHERE t.session_id = s.session_id ORDER BY t.wait_duration_ms DESC) w
            WHERE (s.program_name = ? OR s.program_name LIKE ?) AND s.session_id <> @@SPID
            GROUP BY COALESCE(r.status, s.status), COALESCE(w.wait_type, r.wait_type),
                     CASE WHEN s.open_transaction_count > 0 THEN 1 ELSE 0 END""";

    private SqlServerWaits() {
    }

    /** Empty without VIEW SERVER STATE: the DMVs would show only the monitor's own session and look real. */
    static Optional<ServerWaits> sample(Connection monitor, String applicationName, String canSeeSessions)
            throws SQLException {
        try (PreparedStatement check = monitor.prepareStatement("SELECT CASE WHEN " + canSeeSessions
                + " THEN 1 ELSE 0 END"); ResultSet rs = check.executeQuery()) {
            if (!rs.next() || rs.getInt(1) != 1) {
                return Optional.empty();
            }
        }
        long[] counts = new long[WaitBucket.values().length];
        Map<String, Long> events = new HashMap<>();
        try (PreparedStatement query = monitor.prepareStatement(SQL)) {
            query.setString(1, applicationName);
            // Brackets make LIKE's wildcard characters literal should a name ever contain them.
            query.setString(2, applicationName.replace("[", "[[]").replace("_", "[_]").replace("%", "[%]") + "-w%");
            try (ResultSet rs = query.executeQuery()) {
                while (rs.next()) {
                    String waitType = rs.getString(2);
                    WaitBucket bucket = WaitBucket.ofSqlServer(rs.getString(1), waitType, rs.getInt(3) == 1);
                    long n = rs.getLong(4);
                    counts[bucket.ordinal()] += n;
                    if (waitType != null && !waitType.isEmpty()) {
                        events.merge(bucket.id() + ":" + waitType, n, Long::sum);
                    }
                }
            }
        }
        return Optional.of(ServerWaits.sampled(counts, events));
    }
}
