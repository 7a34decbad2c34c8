package io.poollab.history;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** Diagnoses in the history (schema 5): one row per guided experiment, its runs pointing at it. */
final class Diagnoses {

    private Diagnoses() {
    }

    static long create(Connection connection, String label, int repeat, Instant now) throws SQLException {
        try (PreparedStatement insert = connection.prepareStatement(
                "INSERT INTO diagnosis (label, started_at, repeat_count) VALUES (?, ?, ?)",
                Statement.RETURN_GENERATED_KEYS)) {
            insert.setString(1, Runs.truncate(label, 400));
            insert.setObject(2, Runs.utc(now));
            insert.setInt(3, repeat);
            insert.executeUpdate();
            try (ResultSet keys = insert.getGeneratedKeys()) {
                keys.next();
                return keys.getLong(1);
            }
        }
    }

    static void end(Connection connection, long diagnosisId, String stopReason, Instant now) throws SQLException {
        try (PreparedStatement update = connection.prepareStatement(
                "UPDATE diagnosis SET ended_at = ?, stop_reason = ? WHERE id = ?")) {
            update.setObject(1, Runs.utc(now));
            update.setString(2, Runs.truncate(stopReason, 4000));
            update.setLong(3, diagnosisId);
            update.executeUpdate();
        }
    }

    static void assign(Connection connection, long runId, long diagnosisId, String experiment) throws SQLException {
        try (PreparedStatement update = connection.prepareStatement(
                "UPDATE run SET diagnosis_id = ?, diagnosis_experiment = ? WHERE id = ?")) {
            update.setLong(1, diagnosisId);
            update.setString(2, experiment);
            update.setLong(3, runId);
            update.executeUpdate();
        }
    }

    static List<DiagnosisRun> runs(Connection connection, long diagnosisId) throws SQLException {
        List<DiagnosisRun> runs = new ArrayList<>();
        try (PreparedStatement query = connection.prepareStatement(
                "SELECT id, diagnosis_experiment FROM run WHERE diagnosis_id = ? ORDER BY id")) {
            query.setLong(1, diagnosisId);
            try (ResultSet rs = query.executeQuery()) {
                while (rs.next()) {
                    runs.add(new DiagnosisRun(rs.getLong(1), rs.getString(2)));
                }
            }
        }
        return runs;
    }
}
