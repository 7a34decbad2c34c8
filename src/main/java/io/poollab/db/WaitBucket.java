package io.poollab.db;

import java.util.Locale;

/**
 * What a server session was doing at a sampling instant, in the few buckets that tell a bottleneck apart: working
 * (on CPU, no wait), waiting on storage, on a lock, on an internal lock, on the client, on another server process,
 * or idle (inside an open transaction or not).
 */
public enum WaitBucket {
    CPU("cpu", "CPU"),
    IO("io", "IO"),
    LOCK("lock", "Lock"),
    LWLOCK("lwlock", "LWLock"),
    CLIENT("client", "Client"),
    IPC("ipc", "IPC"),
    IDLE_IN_TRANSACTION("idleInTransaction", "idle in transaction"),
    IDLE("idle", "idle"),
    OTHER("other", "other");

    private final String id;
    private final String label;

    WaitBucket(String id, String label) {
        this.id = id;
        this.label = label;
    }

    /** The key in JSON and CSV. */
    public String id() {
        return id;
    }

    /** The name in sentences, legends and tables. */
    public String label() {
        return label;
    }

    /** True for the buckets where the session is doing or waiting for server work, not for the client. */
    public boolean serverSide() {
        return this == CPU || this == IO || this == LOCK || this == LWLOCK || this == IPC;
    }

    /**
     * A {@code pg_stat_activity} row's bucket. A session reading the client's data (ClientRead) in the middle of a
     * COPY is active but waits on the client, so the wait event decides before the state does.
     */
    public static WaitBucket ofPostgres(String state, String waitEventType, String waitEvent) {
        String s = state == null ? "" : state.toLowerCase(Locale.ROOT);
        if (s.startsWith("idle in transaction")) {
            return IDLE_IN_TRANSACTION;
        }
        if (s.equals("idle")) {
            return IDLE;
        }
        if (waitEventType == null || waitEventType.isEmpty()) {
            return s.equals("active") ? CPU : OTHER;
        }
        return switch (waitEventType) {
            case "IO" -> IO;
            case "Lock" -> LOCK;
            case "LWLock" -> LWLOCK;
            case "Client" -> CLIENT;
            case "IPC" -> IPC;
            default -> OTHER;
        };
    }

    /**
     * A SQL Server request's bucket from its status and wait type (sys.dm_exec_requests, or the session's status
     * when it has no request). Wait types are grouped as SQL Server's own wait categories do.
     */
    public static WaitBucket ofSqlServer(String status, String waitType, boolean openTransaction) {
        String s = status == null ? "" : status.toLowerCase(Locale.ROOT);
        if (waitType == null || waitType.isEmpty()) {
            if (s.equals("sleeping") || s.isEmpty()) {
                return openTransaction ? IDLE_IN_TRANSACTION : IDLE;
            }
            return s.equals("running") || s.equals("runnable") ? CPU : OTHER;
        }
        String w = waitType.toUpperCase(Locale.ROOT);
        if (w.startsWith("LCK_")) {
            return LOCK;
        }
        if (w.startsWith("PAGEIOLATCH") || w.startsWith("WRITELOG") || w.startsWith("IO_COMPLETION")
                || w.startsWith("ASYNC_IO") || w.startsWith("LOGBUFFER") || w.startsWith("WRITE_COMPLETION")) {
            return IO;
        }
        if (w.startsWith("PAGELATCH") || w.startsWith("LATCH_")) {
            return LWLOCK;
        }
        if (w.equals("ASYNC_NETWORK_IO")) {
            return CLIENT;
        }
        if (w.startsWith("CXPACKET") || w.startsWith("CXCONSUMER") || w.equals("SOS_SCHEDULER_YIELD")) {
            return w.equals("SOS_SCHEDULER_YIELD") ? CPU : IPC;
        }
        return OTHER;
    }
}
