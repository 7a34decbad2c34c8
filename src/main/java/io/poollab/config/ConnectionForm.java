package io.poollab.config;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The fields of the GUI's connection editor, from which {@link JdbcUrls#build} makes a JDBC URL and into which
 * {@link JdbcUrls#parse} reads one back. Blank text counts as absent.
 *
 * @param host        PostgreSQL and SQL Server: a name or IP address (IPv6 without brackets); SQL Server may add
 *                    {@code \INSTANCE}. H2: null for an embedded database, else the TCP server's host
 * @param port        null for the driver's default ({@link DbKind#defaultPort()})
 * @param database    H2: the file path, or {@code mem:NAME}; elsewhere the database name (null: the driver default)
 * @param sslmode     PostgreSQL only: one of {@link #SSL_MODES}, null for the driver default (prefer)
 * @param encrypt     SQL Server only: null for the driver default (true since mssql-jdbc 10)
 * @param trustServerCertificate SQL Server only: null for the driver default (false)
 * @param properties  further URL parameters, in URL order; never a password
 */
public record ConnectionForm(DbKind dialect, String host, Integer port, String database, String sslmode,
                             Boolean encrypt, Boolean trustServerCertificate, Map<String, String> properties) {

    public static final List<String> SSL_MODES =
            List.of("disable", "allow", "prefer", "require", "verify-ca", "verify-full");

    public ConnectionForm {
        host = blankToNull(host);
        database = blankToNull(database);
        sslmode = blankToNull(sslmode);
        // Insertion order is kept so that a parsed URL is rebuilt with its parameters where the user put them.
        properties = properties == null ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(properties));
    }

    public static ConnectionForm postgres(String host, Integer port, String database) {
        return new ConnectionForm(DbKind.POSTGRESQL, host, port, database, null, null, null, Map.of());
    }

    public static ConnectionForm sqlServer(String host, Integer port, String database) {
        return new ConnectionForm(DbKind.SQLSERVER, host, port, database, null, null, null, Map.of());
    }

    /** An embedded H2 database: a file path, or {@code mem:NAME}. */
    public static ConnectionForm h2(String database) {
        return new ConnectionForm(DbKind.H2, null, null, database, null, null, null, Map.of());
    }

    public ConnectionForm withSslmode(String value) {
        return new ConnectionForm(dialect, host, port, database, value, encrypt, trustServerCertificate, properties);
    }

    public ConnectionForm withEncryption(Boolean encryptValue, Boolean trustValue) {
        return new ConnectionForm(dialect, host, port, database, sslmode, encryptValue, trustValue, properties);
    }

    public ConnectionForm withProperties(Map<String, String> values) {
        return new ConnectionForm(dialect, host, port, database, sslmode, encrypt, trustServerCertificate, values);
    }

    /** The port the driver will use: the given one, else the dialect's default. */
    public int effectivePort() {
        return port != null ? port : dialect.defaultPort();
    }

    private static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text.trim();
    }
}
