package io.poollab.history;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/** Everything {@code history show} prints about one run, as stored. */
public record RunDetail(RunSummary summary, Instant endedAt, String host, long pid, String poollabVersion,
                        String configYaml, String sourceUrl, String targetUrl, String holdConnections,
                        int batchRows, String verify, int sampleIntervalMs, Long bytes, Double verifySeconds,
                        Map<String, Long> timeBreakdownMs, String healthReasons, String error,
                        Map<String, Pool> pools, List<Table> tables, List<Event> events,
                        Map<String, Environment> environment) {

    /**
     * One side's effective settings and what its pool did. Measured values are null until the run ended; the
     * connect times are also null for runs recorded before history schema 4.
     *
     * @param creationMeanMs mean physical connect time (the driver's connect, not a borrow)
     */
    public record Pool(int maximumPoolSize, int minimumIdle, long connectionTimeoutMs, long idleTimeoutMs,
                       long maxLifetimeMs, long keepaliveTimeMs, long validationTimeoutMs,
                       long leakDetectionThresholdMs, Integer peakActive, Integer peakPending, Integer peakTotal,
                       Double peakUtilization, Long created, Long borrows, Long timeouts, Long errors,
                       Double acquireP50Ms, Double acquireP95Ms, Double acquireP99Ms, Double acquireMaxMs,
                       Double acquireMeanMs, Double usageP50Ms, Double usageP95Ms, Double usageMeanMs,
                       Integer peakDbSessions, Double creationMeanMs, Double creationP95Ms) {
    }

    public record Table(int index, String source, String target, String key, String transfer, int partitions,
                        int partitionsDone, long estimatedRows, Long rows, Boolean verified, String sourceChecksum,
                        String targetChecksum) {
    }

    public record Event(long elapsedMs, String type, String message) {
    }

    public record Environment(String product, String version, Integer maxConnections, Integer sessions,
                              int clientCores, String clientOs, String javaVersion) {
    }
}
