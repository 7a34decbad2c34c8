package io.poollab.config;

import java.util.List;
import java.util.OptionalInt;

/**
 * Everything a run needs, validated once by {@link RunSpecValidator} and immutable afterwards.
 * Secrets are references ({@link Secret}); they are resolved only when connections open.
 *
 * @param partitionsPerTable a fixed partition count, or empty for automatic sizing
 * @param configText         the config as written, for the history (secrets are never resolved into it)
 */
public record RunSpec(
        String name,
        ConnectionProfile source,
        ConnectionProfile target,
        List<TableSpec> tables,
        int workers,
        OptionalInt partitionsPerTable,
        int batchRows,
        HoldConnections holdConnections,
        PoolMode poolMode,
        PoolSettings sourcePool,
        PoolSettings targetPool,
        int sampleIntervalMs,
        VerifyMode verify,
        CopyFormat copyFormat,
        RetrySettings retry,
        String configText) {

    public RunSpec {
        tables = List.copyOf(tables);
        retry = retry == null ? RetrySettings.DEFAULT : retry;
    }

    /** Whether the first error stops the run (no retry). */
    public boolean failFast() {
        return retry.failFast();
    }

    public RunSpec withRetry(RetrySettings newRetry) {
        return new RunSpec(name, source, target, tables, workers, partitionsPerTable, batchRows, holdConnections,
                poolMode, sourcePool, targetPool, sampleIntervalMs, verify, copyFormat, newRetry, configText);
    }

    public ConnectionProfile profile(Side side) {
        return side == Side.SOURCE ? source : target;
    }

    public PoolSettings pool(Side side) {
        return side == Side.SOURCE ? sourcePool : targetPool;
    }

    public RunSpec withWorkers(int newWorkers) {
        return new RunSpec(name, source, target, tables, newWorkers, partitionsPerTable, batchRows, holdConnections,
                poolMode, sourcePool, targetPool, sampleIntervalMs, verify, copyFormat, retry, configText);
    }

    public RunSpec withPoolMode(PoolMode newMode) {
        return new RunSpec(name, source, target, tables, workers, partitionsPerTable, batchRows, holdConnections,
                newMode, sourcePool, targetPool, sampleIntervalMs, verify, copyFormat, retry, configText);
    }

    public RunSpec withPools(PoolSettings newSource, PoolSettings newTarget) {
        return new RunSpec(name, source, target, tables, workers, partitionsPerTable, batchRows, holdConnections,
                poolMode, newSource, newTarget, sampleIntervalMs, verify, copyFormat, retry, configText);
    }

    public RunSpec withVerify(VerifyMode newVerify) {
        return new RunSpec(name, source, target, tables, workers, partitionsPerTable, batchRows, holdConnections,
                poolMode, sourcePool, targetPool, sampleIntervalMs, newVerify, copyFormat, retry, configText);
    }

    public RunSpec withTables(List<TableSpec> newTables) {
        return new RunSpec(name, source, target, newTables, workers, partitionsPerTable, batchRows, holdConnections,
                poolMode, sourcePool, targetPool, sampleIntervalMs, verify, copyFormat, retry, configText);
    }

    public RunSpec withName(String newName) {
        return new RunSpec(newName, source, target, tables, workers, partitionsPerTable, batchRows, holdConnections,
                poolMode, sourcePool, targetPool, sampleIntervalMs, verify, copyFormat, retry, configText);
    }

    /** The same run with the config text the history keeps for it, e.g. {@code RunConfigWriter.toYaml(spec)}. */
    public RunSpec withConfigText(String newConfigText) {
        return new RunSpec(name, source, target, tables, workers, partitionsPerTable, batchRows, holdConnections,
                poolMode, sourcePool, targetPool, sampleIntervalMs, verify, copyFormat, retry, newConfigText);
    }
}
