package io.poollab.db;

/**
 * Facts about a server that explain pool numbers.
 *
 * @param maxConnections the server's connection limit, or -1 when the dialect has none to report
 * @param currentSessions sessions open on the server right now, or -1 when unknown
 */
public record ServerInfo(String product, String version, int maxConnections, int currentSessions) {
}
