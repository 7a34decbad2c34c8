package io.poollab.analysis;

import io.poollab.config.PoolSettings;
import io.poollab.text.Units;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The advisor's rules for a pool's timings: connectionTimeout against the longest measured wait, idleTimeout on a
 * warm pool, maxLifetime against the run's length and the connections replaced, keepaliveTime against idle time.
 */
final class TimingRules {

    /** connectionTimeout should be at least this many times the longest measured wait. */
    static final double TIMEOUT_HEADROOM = 10;
    /** The smallest connectionTimeout PoolLab recommends: HikariCP refuses under 250 ms, and 1 s rides out a GC. */
    static final long MIN_CONNECTION_TIMEOUT_MS = 1_000;
    /** A keepalive ping only matters for connections idle longer than this share of the run. */
    static final double IDLE_SHARE_FOR_KEEPALIVE = 0.25;
    /** The run length above which idle connections can meet a firewall's idle timeout (commonly minutes). */
    static final double KEEPALIVE_RUN_SECONDS = 300;

    private TimingRules() {
    }

    static long connectionTimeout(PoolFacts f, List<Advisor.Reason> reasons) {
        Map<String, Object> numbers = new LinkedHashMap<>();
        numbers.put("maxWaitMs", f.maxWaitMs());
        numbers.put("p99WaitMs", f.p99WaitMs());
        numbers.put("timeouts", f.timeouts());
        numbers.put("configuredMs", f.connectionTimeoutMs());
        long wanted = Math.max(MIN_CONNECTION_TIMEOUT_MS, roundUp((long) Math.ceil(f.maxWaitMs() * TIMEOUT_HEADROOM)));
        long value;
        String because;
        if (f.timeouts() > 0) {
            value = f.connectionTimeoutMs();
            because = f.timeouts() + " borrows timed out after " + Units.latency(f.connectionTimeoutMs()) + ": kept, the "
                    + "fix is the size; a longer timeout would only hide the wait";
        } else if (f.connectionTimeoutMs() >= wanted) {
            value = f.connectionTimeoutMs();
            because = String.format(Locale.ROOT, "kept: %s is %s the longest measured wait (%s, p99 %s)",
                    Units.latency(f.connectionTimeoutMs()), times(f.connectionTimeoutMs(), f.maxWaitMs()),
                    Units.latency(f.maxWaitMs()), Units.latency(f.p99WaitMs()));
        } else {
            value = wanted;
            because = String.format(Locale.ROOT, "raised to %.0f× the longest measured wait (%s): %s leaves too "
                    + "little headroom", TIMEOUT_HEADROOM, Units.latency(f.maxWaitMs()),
                    Units.latency(f.connectionTimeoutMs()));
        }
        reasons.add(new Advisor.Reason("connectionTimeout", f.side(), because, numbers));
        return value;
    }

    static long maxLifetime(PoolFacts f, List<Advisor.Reason> reasons) {
        Map<String, Object> numbers = new LinkedHashMap<>();
        numbers.put("configuredMs", f.maxLifetimeMs());
        numbers.put("runMs", Math.round(f.seconds() * 1000));
        numbers.put("openedBeyondPeak", f.replacements());
        long value = f.maxLifetimeMs();
        String because;
        if (f.maxLifetimeMs() < f.seconds() * 1000 && f.replacements() > 0) {
            value = Math.max(PoolSettings.defaultsFor(1).maxLifetimeMs(), roundUp(Math.round(f.seconds() * 1000 * 1.5)));
            because = "raised: " + Units.length(f.maxLifetimeMs() / 1000.0) + " is shorter than the "
                    + Units.length(f.seconds()) + " run, and " + Units.count(f.replacements()) + " connections were "
                    + "replaced mid-run; keep it a few seconds under any server or firewall connection limit";
        } else {
            because = "kept: " + Units.length(f.maxLifetimeMs() / 1000.0) + (f.maxLifetimeMs() >= f.seconds() * 1000
                    ? " outlasts the " + Units.length(f.seconds()) + " run"
                    : ", no connection was replaced mid-run") + "; keep it a few seconds under any server or firewall "
                    + "connection limit";
        }
        reasons.add(new Advisor.Reason("maxLifetime", f.side(), because, numbers));
        return value;
    }

    static long idleTimeout(PoolFacts f, boolean warm, List<Advisor.Reason> reasons) {
        long value = Math.max(f.idleTimeoutMs(), PoolSettings.defaultsFor(1).idleTimeoutMs());
        String because = warm
                ? "no effect while minimumIdle = maximumPoolSize: HikariCP retires idle connections only above "
                + "minimumIdle; " + Units.length(value / 1000.0) + " (at least HikariCP's default) in case "
                + "minimumIdle is lowered"
                : "at least HikariCP's default " + Units.length(value / 1000.0);
        reasons.add(new Advisor.Reason("idleTimeout", f.side(), because, Map.of("configuredMs", f.idleTimeoutMs())));
        return value;
    }

    static long keepalive(PoolFacts f, long maxLifetime, List<Advisor.Reason> reasons) {
        Map<String, Object> numbers = new LinkedHashMap<>();
        numbers.put("configuredMs", f.keepaliveTimeMs());
        numbers.put("idleShare", f.idleShare());
        numbers.put("seconds", f.seconds());
        long value;
        String because;
        String idle = Units.percent(f.idleShare()) + " of the open connections were idle on average over the "
                + Units.length(f.seconds()) + " run";
        if (f.idleShare() >= IDLE_SHARE_FOR_KEEPALIVE && f.seconds() >= KEEPALIVE_RUN_SECONDS) {
            value = f.keepaliveTimeMs() > 0 ? f.keepaliveTimeMs() : 120_000;
            because = "on: " + idle + ", long enough for a firewall to drop an idle connection";
        } else {
            value = f.keepaliveTimeMs();
            because = "kept at " + (value == 0 ? "0 (off)" : Units.length(value / 1000.0)) + ": " + idle
                    + "; a keepalive ping only helps connections that sit idle for minutes";
        }
        if (value >= maxLifetime) {
            value = 0;
            because += "; off, since it must be shorter than maxLifetime";
        }
        reasons.add(new Advisor.Reason("keepaliveTime", f.side(), because, numbers));
        return value;
    }

    /** Rounds a millisecond value up to a figure a DBA would type: 1, 2 or 5 times a power of ten. */
    static long roundUp(long ms) {
        long step = 1;
        while (true) {
            for (long m : new long[] {1, 2, 5}) {
                if (m * step >= ms) {
                    return m * step;
                }
            }
            step *= 10;
        }
    }

    private static String times(double a, double b) {
        return b <= 0 ? "far above" : String.format(Locale.ROOT, "%,.0f×", a / b);
    }
}
