package io.poollab.config;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Turns the connection editor's fields into a JDBC URL and back, so that the form and an editable URL stay in
 * sync. {@link #build} writes the canonical URL (default ports left out); {@link #parse} also accepts the other
 * spellings the drivers accept, and returns empty for a URL it does not fully understand, which the GUI then keeps
 * as typed. A password never goes into a URL.
 */
public final class JdbcUrls {

    // Characters that would end a host in any of the three URL grammars.
    private static final Pattern HOST = Pattern.compile("[^\\s/?#;,@\\[\\]{}=&:\\\\]+");
    private static final Pattern IPV6 = Pattern.compile("[0-9A-Fa-f]*:[0-9A-Fa-f:.]*(%[A-Za-z0-9_.]+)?");
    private static final Pattern PROPERTY_KEY = Pattern.compile("[A-Za-z_][A-Za-z0-9_.\\-]*");
    // A password parameter in any of the three grammars; SQL Server may brace the value ({a;b}}c}).
    private static final String PASSWORD_VALUE = "password=(?:\\{(?:[^}]|}})*}|[^&;]*)";
    private static final Pattern FIRST_QUERY_PASSWORD = Pattern.compile("(?i)\\?" + PASSWORD_VALUE + "(?:&|$)");
    private static final Pattern OTHER_PASSWORD = Pattern.compile("(?i)[&;]" + PASSWORD_VALUE);

    private JdbcUrls() {
    }

    /**
     * The canonical JDBC URL for the form.
     *
     * @throws ConfigException every problem of {@link #problems}, each naming its field
     */
    public static String build(ConnectionForm form) throws ConfigException {
        List<Problem> problems = problems(form);
        if (!problems.isEmpty()) {
            throw new ConfigException(problems);
        }
        return switch (form.dialect()) {
            case POSTGRESQL -> postgres(form);
            case SQLSERVER -> sqlServer(form);
            case H2 -> h2(form);
        };
    }

    /**
     * The form fields of a URL, or empty when it is not a URL PoolLab understands field by field (several hosts,
     * an H2 ssl:// server, a malformed parameter). A {@code password=} parameter is dropped and flagged.
     */
    public static Optional<ParsedUrl> parse(String url) {
        return JdbcUrlParser.parse(url == null ? "" : url.trim());
    }

    /**
     * The one host and port the URL connects to (the driver's default port when none is given), where the latency
     * proxy forwards; empty for an embedded H2, several hosts, or a SQL Server instance found by name.
     */
    public static Optional<NetworkEndpoint> endpoint(String url) {
        return UrlEndpoints.endpoint(url == null ? "" : url.trim());
    }

    /**
     * The URL pointed at a latency proxy on {@code 127.0.0.1:port}, every other part as written.
     *
     * @throws IllegalArgumentException the URL has no {@link #endpoint}
     */
    public static String throughLoopback(String url, int port) {
        return UrlEndpoints.throughLoopback(url, port);
    }

    /** The URL without any {@code password=} parameter, for URLs that {@link #parse} cannot read field by field. */
    public static String withoutPassword(String url) {
        String cleaned = FIRST_QUERY_PASSWORD.matcher(url).replaceAll("?");
        cleaned = OTHER_PASSWORD.matcher(cleaned).replaceAll("");
        return cleaned.endsWith("?") ? cleaned.substring(0, cleaned.length() - 1) : cleaned;
    }

    /** True when the URL carries a {@code password=} parameter. */
    public static boolean containsPassword(String url) {
        return !withoutPassword(url).equals(url);
    }

    /** What stops the form from making a URL, each naming its field: empty when {@link #build} will succeed. */
    public static List<Problem> problems(ConnectionForm form) {
        List<Problem> problems = new ArrayList<>();
        if (form.dialect() == null) {
            problems.add(Problem.error("", "dialect", "is required: postgresql, sqlserver or h2"));
            return problems;
        }
        DbKind kind = form.dialect();
        if (form.host() == null && kind != DbKind.H2) {
            problems.add(Problem.error("", "host", "is required: the server's name or IP address"));
        }
        if (form.host() != null && !validHost(kind, form.host())) {
            problems.add(Problem.error("", "host", "\"" + form.host() + "\" is not a host name or IP address"
                    + (form.host().matches(".*[^:]:\\d+") ? "; put the port in the port field" : "")));
        }
        if (form.port() != null && (form.port() < 1 || form.port() > 65_535)) {
            problems.add(Problem.error("", "port", form.port() + " is not between 1 and 65535"));
        }
        if (form.port() != null && form.host() == null && kind == DbKind.H2) {
            problems.add(Problem.error("", "port", "needs a host: an embedded H2 database has no port"));
        }
        if (kind == DbKind.H2 && form.database() == null) {
            problems.add(Problem.error("", "database", "is required: the H2 file path, or mem:NAME"));
        }
        if (kind == DbKind.H2 && form.database() != null && form.database().contains(";")) {
            problems.add(Problem.error("", "database", "an H2 path cannot contain \";\""));
        }
        if (form.sslmode() != null && kind != DbKind.POSTGRESQL) {
            problems.add(Problem.error("", "sslmode", "applies to PostgreSQL only"));
        } else if (form.sslmode() != null && !ConnectionForm.SSL_MODES.contains(form.sslmode())) {
            problems.add(Problem.error("", "sslmode", "\"" + form.sslmode() + "\" is not one of "
                    + String.join(", ", ConnectionForm.SSL_MODES)));
        }
        if ((form.encrypt() != null || form.trustServerCertificate() != null) && kind != DbKind.SQLSERVER) {
            problems.add(Problem.error("", form.encrypt() != null ? "encrypt" : "trustServerCertificate",
                    "applies to SQL Server only"));
        }
        form.properties().forEach((key, value) -> propertyProblems(kind, key, value, problems));
        return problems;
    }

    private static void propertyProblems(DbKind kind, String key, String value, List<Problem> problems) {
        String field = "properties." + key;
        if (key.equalsIgnoreCase("password")) {
            problems.add(Problem.error("", field, "a password never goes into the URL; choose a password source"));
        } else if (!PROPERTY_KEY.matcher(key).matches()) {
            problems.add(Problem.error("", field, "\"" + key + "\" is not a property name (letters, digits, _ . -)"));
        } else if (value == null) {
            problems.add(Problem.error("", field, "has no value"));
        } else if (kind == DbKind.H2 && value.contains(";")) {
            problems.add(Problem.error("", field, "an H2 setting cannot contain \";\""));
        }
    }

    static boolean validHost(DbKind kind, String host) {
        if (kind == DbKind.SQLSERVER && host.indexOf('\\') > 0) {
            // A named instance: HOST\INSTANCE.
            int slash = host.indexOf('\\');
            return HOST.matcher(host.substring(0, slash)).matches()
                    && HOST.matcher(host.substring(slash + 1)).matches();
        }
        boolean ipv6 = IPV6.matcher(host).matches() && host.indexOf(':') != host.lastIndexOf(':');
        return ipv6 || HOST.matcher(host).matches();
    }

    private static String postgres(ConnectionForm form) {
        StringBuilder url = new StringBuilder("jdbc:postgresql://").append(bracketed(form.host()));
        if (form.port() != null) {
            url.append(':').append(form.port());
        }
        url.append('/').append(JdbcUrlParser.percentEncode(form.database() == null ? "" : form.database(), true));
        Map<String, String> query = new LinkedHashMap<>();
        if (form.sslmode() != null) {
            query.put("sslmode", form.sslmode());
        }
        query.putAll(form.properties());
        char separator = '?';
        for (Map.Entry<String, String> parameter : query.entrySet()) {
            url.append(separator).append(parameter.getKey()).append('=')
                    .append(JdbcUrlParser.percentEncode(parameter.getValue(), false));
            separator = '&';
        }
        return url.toString();
    }

    private static String sqlServer(ConnectionForm form) {
        StringBuilder url = new StringBuilder("jdbc:sqlserver://");
        Map<String, String> properties = new LinkedHashMap<>();
        // mssql-jdbc reads no brackets in the URL's server part, so an IPv6 address goes into serverName.
        if (form.host().contains(":")) {
            properties.put("serverName", form.host());
            if (form.port() != null) {
                properties.put("portNumber", form.port().toString());
            }
        } else {
            url.append(form.host());
            if (form.port() != null) {
                url.append(':').append(form.port());
            }
        }
        if (form.database() != null) {
            properties.put("databaseName", form.database());
        }
        if (form.encrypt() != null) {
            properties.put("encrypt", form.encrypt().toString());
        }
        if (form.trustServerCertificate() != null) {
            properties.put("trustServerCertificate", form.trustServerCertificate().toString());
        }
        properties.putAll(form.properties());
        properties.forEach((key, value) -> url.append(';').append(key).append('=').append(JdbcUrlParser.braced(value)));
        return url.toString();
    }

    private static String h2(ConnectionForm form) {
        StringBuilder url = new StringBuilder("jdbc:h2:");
        if (form.host() != null) {
            url.append("tcp://").append(bracketed(form.host()));
            if (form.port() != null) {
                url.append(':').append(form.port());
            }
            url.append('/');
        }
        url.append(form.database());
        form.properties().forEach((key, value) -> url.append(';').append(key).append('=').append(value));
        return url.toString();
    }

    private static String bracketed(String host) {
        return host.contains(":") ? "[" + host + "]" : host;
    }
}
