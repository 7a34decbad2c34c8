package io.poollab.history;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.poollab.config.ConfigException;
import io.poollab.config.PoolLabVersion;
import io.poollab.config.Problem;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Types;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;

/**
 * Moves runs between PoolLab homes: a DBA runs the CLI next to a server, then compares at home. The file is JSON
 * (gzip when its name ends in {@code .gz}) holding every stored row of each run, table by table; the config text in
 * it has no plaintext passwords, as in the store. Import gives runs new ids and keeps where they came from.
 */
final class HistoryTransfer {

    static final String FORMAT = "poollab-history";
    /** 2 added the runs' sweeps; version 1 files still import (their runs then belong to no sweep). */
    static final int VERSION = 2;
    /** Child tables in insertion order; each has a RUN_ID column. */
    private static final List<String> CHILDREN = List.of("run_pool", "run_table", "run_partition", "run_event",
            "environment", "sample", "sample_wait", "run_wait_event");
    private static final ObjectMapper JSON = new ObjectMapper();

    private HistoryTransfer() {
    }

    /** One run as exported: its RUN row and its child rows, as column name → value. */
    record ExportedRun(Map<String, Object> run, Map<String, List<Map<String, Object>>> children) {
    }

    /** @param sweeps the SWEEP rows of the runs' sweeps (null in a version 1 file) */
    record Exported(String format, int version, String poollabVersion, String exportedAt, String host,
                    List<ExportedRun> runs, List<Map<String, Object>> sweeps) {
    }

    static void export(Connection connection, List<Long> runIds, Path file) throws SQLException, IOException,
            ConfigException {
        List<ExportedRun> runs = new ArrayList<>();
        List<Map<String, Object>> sweeps = new ArrayList<>();
        java.util.Set<Long> sweepIds = new java.util.LinkedHashSet<>();
        for (long runId : runIds) {
            List<Map<String, Object>> run = rows(connection, "SELECT * FROM run WHERE id = " + runId);
            if (run.isEmpty()) {
                throw new ConfigException(Problem.error("", "RUN", "there is no run " + runId));
            }
            Map<String, List<Map<String, Object>>> children = new LinkedHashMap<>();
            for (String table : CHILDREN) {
                children.put(table, rows(connection, "SELECT * FROM " + table + " WHERE run_id = " + runId));
            }
            runs.add(new ExportedRun(run.get(0), children));
            Object sweepId = run.get(0).get("sweep_id");
            if (sweepId != null && sweepIds.add(((Number) sweepId).longValue())) {
                sweeps.addAll(rows(connection, "SELECT * FROM sweep WHERE id = " + ((Number) sweepId).longValue()));
            }
        }
        Exported exported = new Exported(FORMAT, VERSION, PoolLabVersion.get(), Instant.now().toString(), Host.name(),
                runs, sweeps);
        try (OutputStream out = open(Files.newOutputStream(file), file)) {
            JSON.writeValue(out, exported);
        }
    }

    static ImportResult importFile(Connection connection, Path file) throws SQLException, IOException,
            ConfigException {
        Exported exported;
        try (InputStream in = Files.newInputStream(file);
             InputStream body = file.toString().endsWith(".gz") ? new GZIPInputStream(in) : in) {
            exported = JSON.readValue(body, new TypeReference<Exported>() { });
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new ConfigException(Problem.error(file.toString(), "", "not a PoolLab history export: "
                    + e.getOriginalMessage()));
        }
        if (!FORMAT.equals(exported.format()) || exported.version() < 1 || exported.version() > VERSION) {
            throw new ConfigException(Problem.error(file.toString(), "", "not a PoolLab history export of format "
                    + FORMAT + " version 1 to " + VERSION));
        }
        Map<Long, Long> imported = new LinkedHashMap<>();
        Map<Long, Long> present = new LinkedHashMap<>();
        Map<Long, Map<String, Object>> toInsert = new LinkedHashMap<>();
        Map<Long, ExportedRun> byId = new LinkedHashMap<>();
        for (ExportedRun run : exported.runs()) {
            Map<String, Object> row = new LinkedHashMap<>(upper(run.run()));
            long exportedId = ((Number) row.get("ID")).longValue();
            // A run keeps its first origin through any number of hops.
            String originHost = row.get("ORIGIN_HOST") != null ? (String) row.get("ORIGIN_HOST") : (String) row.get("HOST");
            long originId = row.get("ORIGIN_ID") != null ? ((Number) row.get("ORIGIN_ID")).longValue() : exportedId;
            String importKey = Runs.sha256(originHost + "/" + originId + "/" + row.get("STARTED_AT"));
            Long existing = alreadyHere(connection, importKey, originHost, originId, (String) row.get("STARTED_AT"));
            if (existing != null) {
                present.put(exportedId, existing);
                continue;
            }
            row.remove("ID");
            row.put("ORIGIN_HOST", originHost);
            row.put("ORIGIN_ID", originId);
            row.put("IMPORT_KEY", importKey);
            toInsert.put(exportedId, row);
            byId.put(exportedId, run);
        }
        Map<Long, Long> sweeps = sweeps(connection, exported, present);
        for (Map.Entry<Long, Map<String, Object>> entry : toInsert.entrySet()) {
            Map<String, Object> row = entry.getValue();
            // A sweep id means something only with its sweep: never another sweep that has the same id here.
            Object sweepId = row.get("SWEEP_ID");
            row.put("SWEEP_ID", sweepId == null ? null : sweeps.get(((Number) sweepId).longValue()));
            // Diagnoses are not exported: an imported run belongs to none here.
            row.remove("DIAGNOSIS_ID");
            row.remove("DIAGNOSIS_EXPERIMENT");
            long newId = insert(connection, "run", row, true);
            for (Map.Entry<String, List<Map<String, Object>>> child : byId.get(entry.getKey()).children().entrySet()) {
                if (!CHILDREN.contains(child.getKey())) {
                    continue;
                }
                for (Map<String, Object> childRow : child.getValue()) {
                    Map<String, Object> values = new LinkedHashMap<>(upper(childRow));
                    values.put("RUN_ID", newId);
                    insert(connection, child.getKey(), values, false);
                }
            }
            imported.put(entry.getKey(), newId);
        }
        return new ImportResult(imported, present);
    }

    /**
     * The file's sweeps by exported id → id here: the sweep of a run already here when one is (a second import of
     * the same sweep), else a new sweep row.
     */
    private static Map<Long, Long> sweeps(Connection connection, Exported exported, Map<Long, Long> present)
            throws SQLException {
        Map<Long, Long> ids = new LinkedHashMap<>();
        if (exported.sweeps() == null) {
            return ids;
        }
        for (Map<String, Object> sweep : exported.sweeps()) {
            Map<String, Object> row = new LinkedHashMap<>(upper(sweep));
            long exportedId = ((Number) row.remove("ID")).longValue();
            Long here = null;
            for (ExportedRun run : exported.runs()) {
                Object runSweep = run.run().get("sweep_id");
                Long local = present.get(((Number) run.run().get("id")).longValue());
                if (runSweep != null && ((Number) runSweep).longValue() == exportedId && local != null) {
                    here = localSweep(connection, local);
                    if (here != null) {
                        break;
                    }
                }
            }
            ids.put(exportedId, here != null ? here : insert(connection, "sweep", row, true));
        }
        return ids;
    }

    private static Long localSweep(Connection connection, long runId) throws SQLException {
        try (PreparedStatement query = connection.prepareStatement("SELECT sweep_id FROM run WHERE id = ?")) {
            query.setLong(1, runId);
            try (ResultSet rs = query.executeQuery()) {
                return rs.next() ? (Long) rs.getObject(1, Long.class) : null;
            }
        }
    }

    private static Long alreadyHere(Connection connection, String importKey, String originHost, long originId,
                                    String startedAt) throws SQLException {
        try (PreparedStatement query = connection.prepareStatement("""
                SELECT id, started_at FROM run
                WHERE import_key = ? OR (origin_id IS NULL AND host = ? AND id = ?)""")) {
            query.setString(1, importKey);
            query.setString(2, originHost);
            query.setLong(3, originId);
            try (ResultSet rs = query.executeQuery()) {
                while (rs.next()) {
                    boolean sameStart = rs.getObject(2, OffsetDateTime.class).toInstant()
                            .equals(OffsetDateTime.parse(startedAt).toInstant());
                    if (sameStart) {
                        return rs.getLong(1);
                    }
                }
            }
        }
        return null;
    }

    private static List<Map<String, Object>> rows(Connection connection, String sql) throws SQLException {
        List<Map<String, Object>> rows = new ArrayList<>();
        try (Statement statement = connection.createStatement(); ResultSet rs = statement.executeQuery(sql)) {
            ResultSetMetaData meta = rs.getMetaData();
            while (rs.next()) {
                Map<String, Object> row = new LinkedHashMap<>();
                for (int c = 1; c <= meta.getColumnCount(); c++) {
                    Object value = meta.getColumnType(c) == Types.TIMESTAMP_WITH_TIMEZONE
                            ? rs.getObject(c, OffsetDateTime.class) : rs.getObject(c);
                    if (value instanceof java.sql.Clob clob) {
                        value = clob.getSubString(1, (int) clob.length());
                    } else if (value instanceof OffsetDateTime time) {
                        value = time.toString();
                    }
                    row.put(meta.getColumnName(c).toLowerCase(java.util.Locale.ROOT), value);
                }
                rows.add(row);
            }
        }
        return rows;
    }

    private static long insert(Connection connection, String table, Map<String, Object> row, boolean returnKey)
            throws SQLException {
        Map<String, Integer> types = columnTypes(connection, table);
        List<String> columns = row.keySet().stream().filter(types::containsKey).toList();
        String sql = "INSERT INTO " + table + " (" + String.join(", ", columns) + ") VALUES ("
                + String.join(", ", columns.stream().map(c -> "?").toList()) + ")";
        try (PreparedStatement insert = returnKey ? connection.prepareStatement(sql, Statement.RETURN_GENERATED_KEYS)
                : connection.prepareStatement(sql)) {
            for (int i = 0; i < columns.size(); i++) {
                Object value = row.get(columns.get(i));
                int type = types.get(columns.get(i));
                if (value != null && type == Types.TIMESTAMP_WITH_TIMEZONE) {
                    value = OffsetDateTime.parse(value.toString());
                }
                insert.setObject(i + 1, value, type);
            }
            insert.executeUpdate();
            if (!returnKey) {
                return 0;
            }
            try (ResultSet keys = insert.getGeneratedKeys()) {
                keys.next();
                return keys.getLong(1);
            }
        }
    }

    private static Map<String, Integer> columnTypes(Connection connection, String table) throws SQLException {
        Map<String, Integer> types = new LinkedHashMap<>();
        try (Statement statement = connection.createStatement();
             ResultSet rs = statement.executeQuery("SELECT * FROM " + table + " WHERE 1 = 0")) {
            ResultSetMetaData meta = rs.getMetaData();
            for (int c = 1; c <= meta.getColumnCount(); c++) {
                types.put(meta.getColumnName(c).toUpperCase(java.util.Locale.ROOT), meta.getColumnType(c));
            }
        }
        return types;
    }

    private static Map<String, Object> upper(Map<String, Object> row) {
        Map<String, Object> upper = new LinkedHashMap<>();
        row.forEach((key, value) -> upper.put(key.toUpperCase(java.util.Locale.ROOT), value));
        return upper;
    }

    private static OutputStream open(OutputStream out, Path file) throws IOException {
        return file.toString().endsWith(".gz") ? new GZIPOutputStream(out) : out;
    }
}
