package io.poollab.metrics;

import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tag;
import io.micrometer.core.instrument.config.MeterFilter;
import io.micrometer.core.instrument.config.MeterFilterReply;
import io.micrometer.core.instrument.distribution.DistributionStatisticConfig;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Shapes what HikariCP's own Micrometer tracker registers. Kept: its acquire and usage timers (the very nanoseconds
 * and milliseconds PoolLab records, with p50/p95/p99) and its timeout counter. Labelled: {@code side} and
 * {@code run}, read from the pool name {@code poollab-<run>-<side>[-w<worker>]}. Dropped: its gauges and its creation
 * timer, which PoolLab measures better (gauges read at each sample and summed per side, unpooled sides included;
 * every connect timed in microseconds, the pool's first one too).
 */
final class HikariMeters {

    static final String ACQUIRE = "hikaricp.connections.acquire";
    static final String USAGE = "hikaricp.connections.usage";
    static final String TIMEOUT = "hikaricp.connections.timeout";
    private static final Set<String> KEPT = Set.of(ACQUIRE, USAGE, TIMEOUT);
    private static final Pattern POOL = Pattern.compile("poollab-(\\d+)-(source|target)(?:-w\\d+)?");
    /** Percentiles over a sliding window this long, so that they follow the run rather than its whole history. */
    static final Duration WINDOW = Duration.ofSeconds(30);

    private HikariMeters() {
    }

    static void configure(MeterRegistry registry) {
        registry.config().meterFilter(new MeterFilter() {
            @Override
            public MeterFilterReply accept(Meter.Id id) {
                if (!id.getName().startsWith("hikaricp.")) {
                    return MeterFilterReply.NEUTRAL;
                }
                return KEPT.contains(id.getName()) ? MeterFilterReply.NEUTRAL : MeterFilterReply.DENY;
            }

            @Override
            public Meter.Id map(Meter.Id id) {
                String pool = id.getTag("pool");
                if (!id.getName().startsWith("hikaricp.") || pool == null) {
                    return id;
                }
                Matcher matcher = POOL.matcher(pool);
                return matcher.matches() ? id.withTags(List.of(Tag.of("run", matcher.group(1)),
                        Tag.of("side", matcher.group(2)))) : id;
            }

            @Override
            public DistributionStatisticConfig configure(Meter.Id id, DistributionStatisticConfig config) {
                if (!id.getName().equals(ACQUIRE) && !id.getName().equals(USAGE)) {
                    return config;
                }
                return DistributionStatisticConfig.builder().percentiles(0.5, 0.95, 0.99).expiry(WINDOW)
                        .bufferLength(3).build().merge(config);
            }
        });
    }
}
