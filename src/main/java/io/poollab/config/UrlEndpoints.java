package io.poollab.config;

import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * Where a JDBC URL connects, and the same URL pointed at a latency proxy on loopback. Only the host and port change:
 * the database, the application name, TLS and every other parameter stay as written, so the driver behaves exactly
 * as it would without the proxy.
 */
final class UrlEndpoints {

    private static final String POSTGRES = "jdbc:postgresql:";
    private static final String SQLSERVER = "jdbc:sqlserver://";
    private static final String H2_TCP = "jdbc:h2:tcp://";
    private static final Set<String> SQLSERVER_ADDRESS_KEYS = Set.of("servername", "server", "portnumber", "port");

    private UrlEndpoints() {
    }

    /**
     * The one host and port the URL connects to, the driver's default port when none is given; empty for an
     * embedded H2, several hosts, a SQL Server instance found by name through the SQL Browser, or a URL
     * {@link JdbcUrls#parse} cannot read.
     */
    static Optional<NetworkEndpoint> endpoint(String url) {
        Optional<ConnectionForm> parsed = JdbcUrls.parse(url).map(ParsedUrl::form);
        if (parsed.isEmpty() || parsed.get().host() == null) {
            return Optional.empty();
        }
        ConnectionForm form = parsed.get();
        String host = form.host();
        if (form.dialect() == DbKind.SQLSERVER && host.contains("\\")) {
            if (form.port() == null) {
                return Optional.empty();
            }
            // mssql-jdbc connects to the port and ignores the instance name when both are given.
            host = host.substring(0, host.indexOf('\\'));
        }
        return Optional.of(new NetworkEndpoint(host, form.effectivePort()));
    }

    /**
     * The URL with its host and port replaced by {@code 127.0.0.1:port}.
     *
     * @throws IllegalArgumentException the URL has no {@link #endpoint}
     */
    static String throughLoopback(String url, int port) {
        String trimmed = url.trim();
        NetworkEndpoint endpoint = endpoint(trimmed).orElseThrow(() -> new IllegalArgumentException(
                "no single network endpoint in " + JdbcUrls.withoutPassword(trimmed)));
        String loopback = "127.0.0.1:" + port;
        if (trimmed.startsWith(POSTGRES)) {
            String rest = trimmed.substring(POSTGRES.length());
            if (!rest.startsWith("//")) {
                // jdbc:postgresql:db and jdbc:postgresql:/db mean localhost:5432.
                return POSTGRES + "//" + loopback + "/" + (rest.startsWith("/") ? rest.substring(1) : rest);
            }
            return POSTGRES + "//" + loopback + rest.substring(rest.indexOf('/', 2));
        }
        if (trimmed.startsWith(H2_TCP)) {
            String rest = trimmed.substring(H2_TCP.length());
            return H2_TCP + loopback + rest.substring(rest.indexOf('/'));
        }
        return sqlServer(trimmed, loopback, endpoint);
    }

    /**
     * SQL Server may also name the server in {@code serverName} and {@code portNumber}, which are dropped for the
     * loopback address. With TLS the certificate must still match the real server, so {@code hostNameInCertificate}
     * is set to it unless the URL already says what to expect.
     */
    private static String sqlServer(String url, String loopback, NetworkEndpoint endpoint) {
        List<String[]> pairs = JdbcUrlParser.bracedPairs(url.substring(SQLSERVER.length()));
        StringBuilder rewritten = new StringBuilder(SQLSERVER).append(loopback);
        boolean namesCertificateHost = false;
        for (String[] pair : pairs.subList(1, pairs.size())) {
            String key = pair[0].toLowerCase(Locale.ROOT);
            if (SQLSERVER_ADDRESS_KEYS.contains(key)) {
                continue;
            }
            namesCertificateHost |= key.equals("hostnameincertificate");
            rewritten.append(';').append(pair[0]).append('=').append(JdbcUrlParser.braced(pair[1]));
        }
        if (!namesCertificateHost) {
            rewritten.append(";hostNameInCertificate=").append(JdbcUrlParser.braced(endpoint.host()));
        }
        return rewritten.toString();
    }
}
