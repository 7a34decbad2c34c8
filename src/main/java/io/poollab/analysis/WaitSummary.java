package io.poollab.analysis;

import io.poollab.config.Side;
import io.poollab.db.ServerWaits;
import io.poollab.db.WaitBucket;
import io.poollab.migrate.RunWaits;
import io.poollab.migrate.TimeBreakdown;
import io.poollab.text.Units;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A run's dominant constraint in numbers, from the server sessions' states, PoolLab's own CPU and the workers'
 * time breakdown: the same rules for a live result, a stored run and a diagnosis. Nothing is pre-written: every
 * sentence is made of the shares measured.
 *
 * @param acquireShare the workers' time spent acquiring connections (NaN when no time was recorded)
 */
public record WaitSummary(RunWaits waits, double acquireShare, Constraint constraint, Side constrainedSide) {

    /** At or above this share of the workers' time spent acquiring, the pool is the bottleneck. */
    static final double POOL_BOUND = 0.20;
    /** At or above this share of all cores, PoolLab's own process is the bottleneck. */
    static final double CLIENT_CPU_BOUND = 0.75;
    /** At or above this share of a side's session time working or waiting on the server, the server is. */
    static final double SERVER_BOUND = 0.50;

    /** Where the time went. */
    public enum Constraint {
        POOL("pool"), SERVER("server"), CLIENT("client"), NONE("none"), UNKNOWN("unknown");

        private final String id;

        Constraint(String id) {
            this.id = id;
        }

        public String id() {
            return id;
        }
    }

    public static WaitSummary of(RunWaits waits, TimeBreakdown.Snapshot time) {
        double acquire = time == null || time.totalMs() == 0 ? Double.NaN : (double) time.acquireMs() / time.totalMs();
        Side busiest = null;
        double serverShare = Double.NaN;
        double clientWaitShare = Double.NaN;
        for (Side side : Side.values()) {
            ServerWaits w = waits.side(side);
            if (!w.sampled() || w.total() == 0) {
                continue;
            }
            double share = serverShare(w);
            if (busiest == null || share > serverShare) {
                busiest = side;
                serverShare = share;
            }
            double client = clientWaitShare(w);
            clientWaitShare = Double.isNaN(clientWaitShare) ? client : Math.max(clientWaitShare, client);
        }
        double cpu = waits.client().cpuShare();
        Constraint constraint;
        if (!Double.isNaN(acquire) && acquire >= POOL_BOUND) {
            constraint = Constraint.POOL;
        } else if (!Double.isNaN(cpu) && cpu >= CLIENT_CPU_BOUND) {
            constraint = Constraint.CLIENT;
        } else if (busiest != null && serverShare >= SERVER_BOUND) {
            constraint = Constraint.SERVER;
        } else if (busiest != null && clientWaitShare >= SERVER_BOUND) {
            constraint = Constraint.CLIENT;
        } else if (busiest == null && Double.isNaN(cpu) && Double.isNaN(acquire)) {
            constraint = Constraint.UNKNOWN;
        } else {
            constraint = Constraint.NONE;
        }
        return new WaitSummary(waits, acquire, constraint, constraint == Constraint.SERVER ? busiest : null);
    }

    /** The share of a side's session time on the server's own work: CPU, IO, locks, internal locks, IPC. */
    public static double serverShare(ServerWaits w) {
        long server = 0;
        for (WaitBucket b : WaitBucket.values()) {
            if (b.serverSide()) {
                server += w.count(b);
            }
        }
        return w.total() == 0 ? Double.NaN : (double) server / w.total();
    }

    /** The share spent waiting for PoolLab: reading from or writing to it, or idle inside a transaction. */
    public static double clientWaitShare(ServerWaits w) {
        return w.total() == 0 ? Double.NaN
                : (double) (w.count(WaitBucket.CLIENT) + w.count(WaitBucket.IDLE_IN_TRANSACTION)) / w.total();
    }

    /** The largest bucket that is a wait (neither CPU nor either idle), if any session was seen in one. */
    public static Optional<WaitBucket> topWait(ServerWaits w) {
        WaitBucket top = null;
        for (WaitBucket b : WaitBucket.values()) {
            boolean wait = b != WaitBucket.CPU && b != WaitBucket.IDLE && b != WaitBucket.IDLE_IN_TRANSACTION;
            if (wait && w.count(b) > 0 && (top == null || w.count(b) > w.count(top))) {
                top = b;
            }
        }
        return Optional.ofNullable(top);
    }

    /** One sentence per sampled side, then the client and the pool, then the constraint. */
    public List<String> sentences() {
        List<String> lines = new ArrayList<>();
        for (Side side : Side.values()) {
            ServerWaits w = waits.side(side);
            if (!w.sampled()) {
                lines.add(side + " sessions: not sampled (the server cannot show them).");
                continue;
            }
            if (w.total() == 0) {
                lines.add(side + " sessions: none seen in " + w.samples() + " samples.");
                continue;
            }
            StringBuilder line = new StringBuilder(side + " sessions spent ");
            Optional<WaitBucket> top = topWait(w);
            top.ifPresent(b -> {
                line.append(Units.percent(w.share(b))).append(" of their time waiting on ").append(b.label());
                List<String> events = w.topEvents(b, 2);
                if (!events.isEmpty()) {
                    line.append(" (").append(String.join(", ", events)).append(')');
                }
                line.append(", ");
            });
            line.append(Units.percent(w.share(WaitBucket.CPU))).append(" on CPU");
            line.append(top.isEmpty() ? " of their time" : "");
            if (w.count(WaitBucket.IDLE_IN_TRANSACTION) > 0) {
                line.append(", ").append(Units.percent(w.share(WaitBucket.IDLE_IN_TRANSACTION)))
                        .append(" idle in transaction");
            }
            line.append(" and ").append(Units.percent(w.share(WaitBucket.IDLE))).append(" idle (")
                    .append(Units.count(w.samples())).append(" samples).");
            lines.add(line.toString());
        }
        RunWaits.ClientUsage client = waits.client();
        if (client.measured()) {
            lines.add("PoolLab's process used " + Units.percent(client.cpuShare()) + " of " + client.cores() + " cores"
                    + " (" + Units.length(client.cpuMs() / 1000.0) + " CPU in " + Units.length(client.wallMs() / 1000.0)
                    + "), and collected garbage for " + Units.percent(client.gcShare()) + " of that wall time.");
        }
        if (!Double.isNaN(acquireShare)) {
            lines.add("Workers spent " + Units.percent(acquireShare) + " of their time acquiring connections: the pool "
                    + (constraint == Constraint.POOL ? "is the bottleneck." : "is not the bottleneck."));
        }
        lines.add(switch (constraint) {
            case POOL -> "Constraint: the pool (acquire share at or above " + Units.percent(POOL_BOUND) + ").";
            case CLIENT -> "Constraint: the client (" + clientReason() + ").";
            case SERVER -> "Constraint: the " + constrainedSide + " server (" + Units.percent(serverShare(
                    waits.side(constrainedSide))) + " of its sessions' time working or waiting on the server).";
            case NONE -> "Constraint: none dominates (no share reached its threshold).";
            case UNKNOWN -> "Constraint: unknown (nothing was measured).";
        });
        return lines;
    }

    private String clientReason() {
        double cpu = waits.client().cpuShare();
        if (!Double.isNaN(cpu) && cpu >= CLIENT_CPU_BOUND) {
            return "PoolLab's CPU at " + Units.percent(cpu) + " of its cores, at or above "
                    + Units.percent(CLIENT_CPU_BOUND);
        }
        Side waiting = null;
        for (Side side : Side.values()) {
            ServerWaits w = waits.side(side);
            if (w.total() > 0 && (waiting == null || clientWaitShare(w) > clientWaitShare(waits.side(waiting)))) {
                waiting = side;
            }
        }
        return waiting + " sessions waited on PoolLab (Client, idle in transaction) "
                + Units.percent(clientWaitShare(waits.side(waiting))) + " of their time, at or above "
                + Units.percent(SERVER_BOUND);
    }

    /** The sentences in one paragraph. */
    public String sentence() {
        return String.join(" ", sentences());
    }

    /** The {@code waits} object of {@code run --json} and {@code diagnose --json}: shares in [0, 1], times in ms. */
    public Map<String, Object> tree() {
        Map<String, Object> root = new LinkedHashMap<>();
        Map<String, Object> server = new LinkedHashMap<>();
        for (Side side : Side.values()) {
            ServerWaits w = waits.side(side);
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("sampled", w.sampled());
            m.put("samples", w.samples());
            m.put("sessionSamples", w.byBucket());
            Map<String, Object> shares = new LinkedHashMap<>();
            for (WaitBucket b : WaitBucket.values()) {
                shares.put(b.id(), number(w.share(b)));
            }
            m.put("shares", shares);
            m.put("serverShare", number(serverShare(w)));
            m.put("clientWaitShare", number(clientWaitShare(w)));
            Map<String, Object> events = new LinkedHashMap<>();
            for (WaitBucket b : WaitBucket.values()) {
                List<String> top = w.topEvents(b, 3);
                if (!top.isEmpty()) {
                    events.put(b.id(), top);
                }
            }
            m.put("topEvents", events);
            server.put(side.id(), m);
        }
        root.put("server", server);
        RunWaits.ClientUsage c = waits.client();
        Map<String, Object> client = new LinkedHashMap<>();
        client.put("measured", c.measured());
        client.put("processCpuMs", c.measured() ? c.cpuMs() : null);
        client.put("gcMs", c.gcMs() >= 0 ? c.gcMs() : null);
        client.put("cores", c.cores());
        client.put("wallMs", c.wallMs());
        client.put("cpuShare", number(c.cpuShare()));
        client.put("gcShare", number(c.gcShare()));
        root.put("client", client);
        root.put("acquireShare", number(acquireShare));
        root.put("constraint", constraint.id());
        root.put("constrainedSide", constrainedSide == null ? null : constrainedSide.id());
        root.put("summary", sentence());
        return root;
    }

    private static Double number(double value) {
        return Double.isNaN(value) || Double.isInfinite(value) ? null : Math.round(value * 10_000) / 10_000.0;
    }
}
