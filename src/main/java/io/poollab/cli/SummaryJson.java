package io.poollab.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.poollab.analysis.WaitSummary;
import io.poollab.config.Side;
import io.poollab.migrate.RunResult;
import io.poollab.pool.LatencyStats;
import java.util.LinkedHashMap;
import java.util.Map;

/** The {@code run --json} object, with the stable keys of the contract in ARCHITECTURE.md (and a few more). */
public final class SummaryJson {

    private static final ObjectMapper JSON = new ObjectMapper();

    private SummaryJson() {
    }

    public static String write(RunResult result) {
        try {
            return JSON.writeValueAsString(tree(result));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a run summary could not be written as JSON", e);
        }
    }

    static Map<String, Object> tree(RunResult result) {
        Map<String, Object> root = new LinkedHashMap<>();
        root.put("runId", result.runId());
        root.put("label", result.spec().name());
        root.put("status", result.status().id());
        root.put("rows", result.rows());
        root.put("bytes", result.bytes());
        root.put("seconds", round(result.seconds(), 3));
        root.put("rowsPerSecond", round(result.rowsPerSecond(), 1));
        root.put("verifySeconds", round(result.verifySeconds(), 3));
        root.put("workers", result.workers());
        root.put("poolMode", result.spec().poolMode().id());
        root.put("holdConnections", result.spec().holdConnections().id());
        Map<String, Object> pools = new LinkedHashMap<>();
        for (Side side : Side.values()) {
            pools.put(side.id(), pool(result.pools().get(side)));
        }
        root.put("pools", pools);
        var time = result.timeBreakdown();
        Map<String, Object> breakdown = new LinkedHashMap<>();
        breakdown.put("read", time.readMs());
        breakdown.put("acquire", time.acquireMs());
        breakdown.put("queueWait", time.queueWaitMs());
        breakdown.put("write", time.writeMs());
        breakdown.put("commit", time.commitMs());
        root.put("timeBreakdownMs", breakdown);
        root.put("tables", result.tables().stream().map(SummaryJson::table).toList());
        root.put("health", result.health().id());
        root.put("healthReasons", result.healthReasons());
        root.put("incompletePartitions", result.incomplete());
        root.put("error", result.error());
        root.put("waits", WaitSummary.of(result.waits(), result.timeBreakdown()).tree());
        return root;
    }

    private static Map<String, Object> pool(RunResult.PoolSummary pool) {
        Map<String, Object> map = new LinkedHashMap<>();
        map.put("maximumPoolSize", pool.settings().maximumPoolSize());
        map.put("minimumIdle", pool.settings().minimumIdle());
        map.put("peakActive", pool.peakActive());
        map.put("peakPending", pool.peakPending());
        map.put("peakTotal", pool.peakTotal());
        map.put("peakUtilization", round(pool.peakUtilization(), 3));
        map.put("timeouts", pool.timeouts());
        map.put("errors", pool.errors());
        map.put("created", pool.created());
        map.put("borrows", pool.borrows());
        map.put("acquireMs", latency(pool.acquire()));
        map.put("usageMs", latency(pool.usage()));
        map.put("peakDbSessions", pool.peakDbSessions() < 0 ? null : pool.peakDbSessions());
        return map;
    }

    private static Map<String, Object> latency(LatencyStats stats) {
        Map<String, Object> map = new LinkedHashMap<>();
        map.put("p50", round(stats.p50Ms(), 4));
        map.put("p95", round(stats.p95Ms(), 4));
        map.put("p99", round(stats.p99Ms(), 4));
        map.put("max", round(stats.maxMs(), 4));
        map.put("mean", round(stats.meanMs(), 4));
        map.put("count", stats.count());
        return map;
    }

    private static Map<String, Object> table(RunResult.TableResult table) {
        Map<String, Object> map = new LinkedHashMap<>();
        map.put("source", table.source());
        map.put("target", table.target());
        map.put("rows", table.rows());
        map.put("partitions", table.partitions());
        map.put("verified", table.verified());
        map.put("sourceChecksum", table.sourceChecksum());
        map.put("targetChecksum", table.targetChecksum());
        return map;
    }

    private static double round(double value, int decimals) {
        if (Double.isNaN(value) || Double.isInfinite(value)) {
            return 0;
        }
        double scale = Math.pow(10, decimals);
        return Math.round(value * scale) / scale;
    }

}
