package io.poollab.testing;

import io.poollab.config.ConnectionProfile;
import io.poollab.config.CopyFormat;
import io.poollab.config.HoldConnections;
import io.poollab.config.PoolMode;
import io.poollab.config.PoolSettings;
import io.poollab.config.RunSpec;
import io.poollab.config.Secret;
import io.poollab.config.TableSpec;
import io.poollab.config.TargetMode;
import io.poollab.config.VerifyMode;
import java.util.List;
import java.util.OptionalInt;

/** Run specs for engine tests, built in code (the YAML loader has its own tests). */
public final class Specs {

    private Specs() {
    }

    public static RunSpec copy(String sourceUrl, String targetUrl, String table, int workers, int poolSize) {
        return new RunSpec("test", profile(sourceUrl), profile(targetUrl),
                List.of(new TableSpec(table, null, null, TargetMode.CREATE)), workers, OptionalInt.empty(), 10_000,
                HoldConnections.PER_PARTITION, PoolMode.SHARED, watched(poolSize), watched(poolSize), 100,
                VerifyMode.CHECKSUM, CopyFormat.BINARY, io.poollab.config.RetrySettings.DEFAULT, "");
    }

    /**
     * HikariCP's defaults with its leak detection on: a connection held for a minute is logged with the stack of
     * whoever borrowed it (no test partition takes that long).
     */
    public static PoolSettings watched(int poolSize) {
        PoolSettings d = PoolSettings.defaultsFor(poolSize);
        return new PoolSettings(d.maximumPoolSize(), d.minimumIdle(), d.connectionTimeoutMs(), d.idleTimeoutMs(),
                d.maxLifetimeMs(), d.keepaliveTimeMs(), d.validationTimeoutMs(), 60_000);
    }

    public static ConnectionProfile profile(String url) {
        boolean h2 = url.startsWith("jdbc:h2:");
        return ConnectionProfile.of(url, h2 ? "sa" : "postgres", Secret.NONE);
    }

    public static RunSpec with(RunSpec spec, int partitions, HoldConnections hold, int batchRows, CopyFormat format) {
        return new RunSpec(spec.name(), spec.source(), spec.target(), spec.tables(), spec.workers(),
                OptionalInt.of(partitions), batchRows, hold, spec.poolMode(), spec.sourcePool(), spec.targetPool(),
                spec.sampleIntervalMs(), spec.verify(), format, spec.retry(), spec.configText());
    }

    public static RunSpec withTables(RunSpec spec, List<TableSpec> tables) {
        return new RunSpec(spec.name(), spec.source(), spec.target(), tables, spec.workers(),
                spec.partitionsPerTable(), spec.batchRows(), spec.holdConnections(), spec.poolMode(),
                spec.sourcePool(), spec.targetPool(), spec.sampleIntervalMs(), spec.verify(), spec.copyFormat(),
                spec.retry(), spec.configText());
    }
}
