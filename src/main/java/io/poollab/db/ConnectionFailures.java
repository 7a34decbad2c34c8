package io.poollab.db;

import io.poollab.config.ConnectionForm;
import io.poollab.config.ConnectionProfile;
import io.poollab.config.DbKind;
import io.poollab.config.JdbcUrls;
import io.poollab.db.ConnectionTester.Failure;
import io.poollab.db.ConnectionTester.Failure.Category;
import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.security.GeneralSecurityException;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import javax.net.ssl.SSLException;

/**
 * Turns what a driver threw while connecting into one line a DBA understands. The category comes from the SQLState
 * or vendor code and from the cause chain; mssql-jdbc keeps no cause for network errors, so its message words are
 * read too. The URL is redacted and the password is cut out of every text, whatever the driver put in it.
 */
final class ConnectionFailures {

    // What the JDK's resolver says on Linux, macOS and Windows when mssql-jdbc has already dropped the exception.
    private static final List<String> UNKNOWN_HOST_WORDS = List.of("name or service not known",
            "nodename nor servname", "no such host is known", "temporary failure in name resolution");

    private final ConnectionProfile profile;
    private final Duration timeout;
    private final String endpoint;
    private final String host;
    private final String database;
    private Optional<String> password = Optional.empty();

    ConnectionFailures(ConnectionProfile profile, Duration timeout) {
        this.profile = profile;
        this.timeout = timeout;
        Optional<ConnectionForm> form = JdbcUrls.parse(profile.jdbcUrl()).map(parsed -> parsed.form());
        boolean network = form.isPresent() && (form.get().dialect() != DbKind.H2 || form.get().host() != null);
        this.host = network ? form.get().host() : null;
        // A named SQL Server instance without a port gets its port from the SQL Browser: show just the name.
        boolean namedInstance = network && host.contains("\\") && form.get().port() == null;
        this.endpoint = !network ? Connections.redactUrl(profile.jdbcUrl())
                : namedInstance ? host : bracketed(host) + ":" + form.get().effectivePort();
        this.database = form.map(ConnectionForm::database).orElse(null);
    }

    void knowPassword(Optional<String> resolved) {
        password = resolved.filter(p -> !p.isEmpty());
    }

    Failure timeout() {
        return failure(Category.TIMEOUT, "no answer from " + endpoint + " within " + seconds(timeout),
                "the test stopped waiting at its deadline; the driver's attempt was abandoned, and its connection "
                        + "is closed whenever the driver gives up or returns it");
    }

    Failure classify(Throwable error) {
        List<Throwable> chain = chain(error);
        SQLException sql = chain.stream().filter(SQLException.class::isInstance).map(SQLException.class::cast)
                .findFirst().orElse(null);
        String state = sql == null || sql.getSQLState() == null ? "" : sql.getSQLState();
        int code = sql == null ? 0 : sql.getErrorCode();
        String words = chain.stream().map(t -> String.valueOf(t.getMessage())).reduce("", (a, b) -> a + " " + b)
                .toLowerCase(Locale.ROOT);
        String detail = detail(chain);
        String user = profile.username() == null ? "(none)" : profile.username();

        if (has(chain, UnknownHostException.class) || UNKNOWN_HOST_WORDS.stream().anyMatch(words::contains)
                || mssqlNamesOnlyTheHost(words)) {
            String name = host != null ? host : find(chain, UnknownHostException.class).map(Throwable::getMessage)
                    .orElse(endpoint);
            return failure(Category.UNKNOWN_HOST, "unknown host " + name, detail);
        }
        if (state.equals("28P01")) {
            return failure(Category.BAD_PASSWORD, "password authentication failed for user " + user
                    + " (SQLState 28P01)", detail);
        }
        if (code == 18456) {
            return failure(Category.BAD_PASSWORD, "login failed for user " + user + " (SQL Server error 18456)",
                    detail);
        }
        if (state.equals("28000")) {
            return failure(Category.BAD_PASSWORD, serverLine(sql) + " (SQLState 28000)", detail);
        }
        if (words.contains("no password was provided")) {
            return failure(Category.BAD_PASSWORD, "the server asks for a password for user " + user
                    + " and none was given; choose a password source (SQLState " + state + ")", detail);
        }
        if (state.equals("3D000") || code == 4060) {
            String name = database != null ? database : "(default)";
            return failure(Category.NO_DATABASE, "database " + name + " does not exist on " + endpoint
                    + (code == 4060 ? " or this login may not open it (SQL Server error 4060)"
                    : " (SQLState 3D000)"), detail);
        }
        if (code == 90146 || code == 90013) {
            return failure(Category.NO_DATABASE, serverLine(sql) + " (H2 error " + code + ")", detail);
        }
        if (words.contains("does not support ssl")) {
            return failure(Category.TLS, "the server at " + endpoint + " does not support TLS, which the connection "
                    + "requires (check sslmode or encrypt)", detail);
        }
        Optional<Throwable> tls = chain.stream()
                .filter(t -> t instanceof SSLException || t instanceof GeneralSecurityException).findFirst();
        if (tls.isPresent() || words.contains("secure sockets layer")) {
            String why = tls.map(t -> firstLine(t.getMessage())).orElse(sql == null ? "" : serverLine(sql));
            return failure(Category.TLS, "TLS with " + endpoint + " failed: " + why, detail);
        }
        if (has(chain, NoRouteToHostException.class)) {
            return failure(Category.OTHER, "no route to host " + endpoint + " (check the address and firewalls)",
                    detail);
        }
        if (has(chain, ConnectException.class) || words.contains("connection refused")) {
            return failure(Category.REFUSED, "connection refused by " + endpoint
                    + " (is the server running and listening on that port?)", detail);
        }
        if (has(chain, SocketTimeoutException.class) || words.contains("timed out")) {
            return failure(Category.TIMEOUT, timeout().message(), detail);
        }
        String line = sql != null ? serverLine(sql) + (state.isEmpty() ? "" : " (SQLState " + state + ")")
                : error.getClass().getSimpleName() + ": " + firstLine(error.getMessage());
        return failure(Category.OTHER, line, detail);
    }

    /**
     * mssql-jdbc quotes the UnknownHostException's message, which is the bare host name when the JVM answers from
     * its cache of failed lookups: {@code … has failed. Error: "db1.invalid. Verify …"}.
     */
    private boolean mssqlNamesOnlyTheHost(String words) {
        if (host == null) {
            return false;
        }
        String quoted = "error: \"" + host.toLowerCase(Locale.ROOT);
        return words.contains(quoted + ". ") || words.contains(quoted + ": ");
    }

    private Failure failure(Category category, String message, String detail) {
        return new Failure(category, clean(message), clean(detail));
    }

    /** Without the URL's password or the resolved one, in case a driver ever echoes either. */
    private String clean(String text) {
        String cleaned = Connections.redactUrl(text);
        if (password.isPresent()) {
            cleaned = cleaned.replace(password.get(), "…");
        }
        return cleaned;
    }

    /** The server's message without PostgreSQL's severity or H2's error-code suffix. */
    private static String serverLine(SQLException e) {
        return firstLine(e.getMessage()).replaceFirst("^(FATAL|ERROR):\\s+", "")
                .replaceFirst("\\s*\\[\\d+-\\d+]$", "");
    }

    private static String firstLine(String message) {
        return message == null ? "" : message.lines().findFirst().orElse("").trim();
    }

    private static String detail(List<Throwable> chain) {
        List<String> parts = new ArrayList<>();
        for (Throwable t : chain) {
            String part = t.getClass().getName() + ": " + firstLine(t.getMessage());
            if (t instanceof SQLException sql) {
                part += " [SQLState " + sql.getSQLState() + ", vendor code " + sql.getErrorCode() + "]";
            }
            parts.add(part);
        }
        return String.join(" ← caused by ", parts);
    }

    private static List<Throwable> chain(Throwable error) {
        List<Throwable> chain = new ArrayList<>();
        for (Throwable t = error; t != null && chain.size() < 20 && !chain.contains(t); t = t.getCause()) {
            chain.add(t);
        }
        return chain;
    }

    private static boolean has(List<Throwable> chain, Class<? extends Throwable> type) {
        return find(chain, type).isPresent();
    }

    private static Optional<Throwable> find(List<Throwable> chain, Class<? extends Throwable> type) {
        return chain.stream().filter(type::isInstance).findFirst();
    }

    private static String bracketed(String host) {
        return host.contains(":") ? "[" + host + "]" : host;
    }

    static String seconds(Duration duration) {
        long ms = duration.toMillis();
        if (ms % 1000 == 0) {
            return ms / 1000 + " s";
        }
        return ms < 1000 ? ms + " ms" : String.format(Locale.ROOT, "%.1f s", ms / 1000.0);
    }
}
