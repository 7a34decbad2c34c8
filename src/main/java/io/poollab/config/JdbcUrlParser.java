package io.poollab.config;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Reads the three URL grammars the way their drivers do: pgjdbc's {@code //host:port/db?k=v&…} with percent-decoded
 * values, mssql-jdbc's {@code //host\instance:port;k=v;…} with case-insensitive keys and {@code {braced}} values,
 * and H2's {@code path;K=V;…}. Anything else returns empty rather than a guess.
 */
final class JdbcUrlParser {

    private static final String POSTGRES = "jdbc:postgresql:";
    private static final String SQLSERVER = "jdbc:sqlserver://";
    private static final String H2 = "jdbc:h2:";

    private JdbcUrlParser() {
    }

    static Optional<ParsedUrl> parse(String url) {
        try {
            if (url.startsWith(POSTGRES)) {
                return postgres(url.substring(POSTGRES.length()));
            }
            if (url.startsWith(SQLSERVER)) {
                return sqlServer(url.substring(SQLSERVER.length()));
            }
            if (url.startsWith(H2)) {
                return h2(url.substring(H2.length()));
            }
        } catch (IllegalArgumentException malformed) {
            // A bad %-escape or port: not a URL the form can show, so the GUI keeps the text as typed.
            return Optional.empty();
        }
        return Optional.empty();
    }

    private static Optional<ParsedUrl> postgres(String rest) {
        int question = rest.indexOf('?');
        String location = question < 0 ? rest : rest.substring(0, question);
        String query = question < 0 ? "" : rest.substring(question + 1);
        String host;
        Integer port = null;
        String database;
        if (location.startsWith("//")) {
            int slash = location.indexOf('/', 2);
            if (slash < 0) {
                return Optional.empty();
            }
            String[] hostPort = hostAndPort(location.substring(2, slash));
            if (hostPort == null) {
                return Optional.empty();
            }
            host = hostPort[0];
            port = port(hostPort[1]);
            database = location.substring(slash + 1);
        } else {
            // jdbc:postgresql:db and jdbc:postgresql:/ mean the local server, as pgjdbc reads them.
            host = "localhost";
            database = location.startsWith("/") ? location.substring(1) : location;
        }
        Map<String, String> properties = new LinkedHashMap<>();
        String sslmode = null;
        boolean passwordRemoved = false;
        for (String parameter : query.split("&")) {
            if (parameter.isEmpty()) {
                continue;
            }
            int equals = parameter.indexOf('=');
            String key = equals < 0 ? parameter : parameter.substring(0, equals);
            String value = equals < 0 ? "" : URLDecoder.decode(parameter.substring(equals + 1), StandardCharsets.UTF_8);
            if (key.equalsIgnoreCase("password")) {
                passwordRemoved = true;
            } else if (key.equals("sslmode") && ConnectionForm.SSL_MODES.contains(value)) {
                sslmode = value;
            } else {
                properties.put(key, value);
            }
        }
        ConnectionForm form = new ConnectionForm(DbKind.POSTGRESQL, host, port,
                URLDecoder.decode(database, StandardCharsets.UTF_8), sslmode, null, null, properties);
        return Optional.of(new ParsedUrl(form, passwordRemoved));
    }

    private static Optional<ParsedUrl> sqlServer(String rest) {
        List<String[]> pairs = bracedPairs(rest);
        if (pairs == null) {
            return Optional.empty();
        }
        String authority = pairs.remove(0)[0];
        String host = null;
        Integer port = null;
        if (!authority.isEmpty()) {
            int colon = authority.lastIndexOf(':');
            host = colon < 0 ? authority : authority.substring(0, colon);
            port = colon < 0 ? null : port(authority.substring(colon + 1));
            if (host.contains(":") || host.contains("[")) {
                // mssql-jdbc would misread it: an IPv6 address must be given as serverName.
                return Optional.empty();
            }
        }
        String database = null;
        Boolean encrypt = null;
        Boolean trust = null;
        boolean passwordRemoved = false;
        Map<String, String> properties = new LinkedHashMap<>();
        for (String[] pair : pairs) {
            String key = pair[0];
            String value = pair[1];
            switch (key.toLowerCase(Locale.ROOT)) {
                case "password" -> passwordRemoved = true;
                case "servername", "server" -> {
                    if (host != null) {
                        return Optional.empty();
                    }
                    host = value;
                }
                case "portnumber", "port" -> {
                    if (port != null) {
                        return Optional.empty();
                    }
                    port = port(value);
                }
                case "databasename", "database" -> database = value;
                case "encrypt" -> {
                    encrypt = bool(value);
                    if (encrypt == null) {
                        properties.put(key, value);
                    }
                }
                case "trustservercertificate" -> {
                    trust = bool(value);
                    if (trust == null) {
                        properties.put(key, value);
                    }
                }
                default -> properties.put(key, value);
            }
        }
        if (host == null || host.isBlank()) {
            return Optional.empty();
        }
        ConnectionForm form = new ConnectionForm(DbKind.SQLSERVER, host, port, database, null, encrypt, trust,
                properties);
        return Optional.of(new ParsedUrl(form, passwordRemoved));
    }

    private static Optional<ParsedUrl> h2(String rest) {
        String[] parts = rest.split(";", -1);
        String head = parts[0];
        String host = null;
        Integer port = null;
        String database = head;
        if (head.startsWith("tcp://")) {
            int slash = head.indexOf('/', "tcp://".length());
            String[] hostPort = slash < 0 ? null : hostAndPort(head.substring("tcp://".length(), slash));
            if (hostPort == null) {
                return Optional.empty();
            }
            host = hostPort[0];
            port = port(hostPort[1]);
            database = head.substring(slash + 1);
        } else if (head.contains("://")) {
            // ssl:// and anything newer: no form fields for them.
            return Optional.empty();
        }
        if (database.isBlank()) {
            return Optional.empty();
        }
        Map<String, String> properties = new LinkedHashMap<>();
        boolean passwordRemoved = false;
        for (int i = 1; i < parts.length; i++) {
            if (parts[i].isEmpty()) {
                continue;
            }
            int equals = parts[i].indexOf('=');
            if (equals <= 0) {
                return Optional.empty();
            }
            String key = parts[i].substring(0, equals);
            if (key.equalsIgnoreCase("password")) {
                passwordRemoved = true;
            } else {
                properties.put(key, parts[i].substring(equals + 1));
            }
        }
        ConnectionForm form = new ConnectionForm(DbKind.H2, host, port, database, null, null, null, properties);
        return Optional.of(new ParsedUrl(form, passwordRemoved));
    }

    /** {@code host}, {@code host:port}, {@code [v6]} or {@code [v6]:port}; null when it is none of them. */
    private static String[] hostAndPort(String authority) {
        if (authority.startsWith("[")) {
            int close = authority.indexOf(']');
            if (close < 0) {
                return null;
            }
            String after = authority.substring(close + 1);
            if (!after.isEmpty() && !after.startsWith(":")) {
                return null;
            }
            return new String[] {authority.substring(1, close), after.isEmpty() ? null : after.substring(1)};
        }
        int colon = authority.indexOf(':');
        String host = colon < 0 ? authority : authority.substring(0, colon);
        String port = colon < 0 ? null : authority.substring(colon + 1);
        if (host.isEmpty() || authority.contains(",") || port != null && port.contains(":")) {
            return null;
        }
        return new String[] {host, port};
    }

    private static Integer port(String text) {
        if (text == null) {
            return null;
        }
        if (!text.matches("\\d{1,9}")) {
            throw new IllegalArgumentException("not a port: " + text);
        }
        return Integer.valueOf(text);
    }

    private static Boolean bool(String value) {
        if (value.equalsIgnoreCase("true")) {
            return Boolean.TRUE;
        }
        return value.equalsIgnoreCase("false") ? Boolean.FALSE : null;
    }

    /**
     * mssql-jdbc's {@code ;}-separated list: the first element is the server part, then {@code key=value} pairs
     * whose value may be braced, with {@code }}} for a literal brace. Null when a pair has no {@code =}.
     */
    static List<String[]> bracedPairs(String text) {
        List<String[]> pairs = new ArrayList<>();
        int semicolon = text.indexOf(';');
        pairs.add(new String[] {semicolon < 0 ? text : text.substring(0, semicolon)});
        int i = semicolon < 0 ? text.length() : semicolon + 1;
        while (i < text.length()) {
            int equals = text.indexOf('=', i);
            int end = text.indexOf(';', i);
            if (end == i) {
                i++;
                continue;
            }
            if (equals < 0 || end >= 0 && end < equals) {
                return null;
            }
            String key = text.substring(i, equals).trim();
            StringBuilder value = new StringBuilder();
            int j = equals + 1;
            if (j < text.length() && text.charAt(j) == '{') {
                j++;
                while (true) {
                    if (j >= text.length()) {
                        return null;
                    }
                    char c = text.charAt(j);
                    if (c == '}' && j + 1 < text.length() && text.charAt(j + 1) == '}') {
                        value.append('}');
                        j += 2;
                    } else if (c == '}') {
                        j++;
                        break;
                    } else {
                        value.append(c);
                        j++;
                    }
                }
                if (j < text.length() && text.charAt(j) != ';') {
                    return null;
                }
            } else {
                int stop = text.indexOf(';', j);
                stop = stop < 0 ? text.length() : stop;
                value.append(text, j, stop);
                j = stop;
            }
            pairs.add(new String[] {key, value.toString()});
            i = j + 1;
        }
        return pairs;
    }

    /** Braces a SQL Server value that would otherwise end early or be read as braced. */
    static String braced(String value) {
        boolean plain = !value.contains(";") && !value.contains("}") && !value.startsWith("{")
                && value.equals(value.trim());
        return plain ? value : "{" + value.replace("}", "}}") + "}";
    }

    /**
     * Percent-encodes what pgjdbc's URLDecoder would otherwise misread ({@code %}, {@code +}, {@code &}, spaces) and,
     * in the database name, the {@code /} and {@code ?} that end it.
     */
    static String percentEncode(String value, boolean path) {
        StringBuilder out = new StringBuilder();
        value.codePoints().forEach(c -> {
            boolean escape = c <= 0x20 || c == 0x7f || c == '%' || c == '+' || c == '&' || c == '#'
                    || path && (c == '/' || c == '?');
            if (escape) {
                out.append(String.format(Locale.ROOT, "%%%02X", c));
            } else {
                // Non-ASCII stays readable: URLDecoder passes raw characters through unchanged.
                out.appendCodePoint(c);
            }
        });
        return out.toString();
    }
}
