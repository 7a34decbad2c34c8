package io.poollab.db;

import io.poollab.config.ConnectSettings;
import io.poollab.config.ConfigException;
import io.poollab.config.Problem;
import java.sql.Connection;
import java.sql.Driver;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Properties;

/**
 * Opens single physical connections outside any pool: for planning, for the server-session monitor and for the
 * connection tester. Failures become one plain line naming the side and the URL, never the password.
 */
public final class Connections {

    private Connections() {
    }

    public static Connection open(ConnectSettings settings) throws SQLException {
        Driver driver = DriverManager.getDriver(settings.jdbcUrl());
        Properties properties = new Properties();
        properties.putAll(settings.driverProperties());
        if (settings.username() != null) {
            properties.setProperty("user", settings.username());
        }
        settings.password().ifPresent(p -> properties.setProperty("password", p));
        Connection connection = driver.connect(settings.jdbcUrl(), properties);
        if (connection == null) {
            throw new SQLException("no driver accepts " + settings.jdbcUrl());
        }
        if (settings.initSql().isPresent()) {
            try (Statement init = connection.createStatement()) {
                init.execute(settings.initSql().get());
            }
        }
        return connection;
    }

    /** Opens a connection for {@code side}, turning a failure into bad input: one line, exit 2. */
    public static Connection openOrExplain(ConnectSettings settings, String side) throws ConfigException {
        try {
            return open(settings);
        } catch (SQLException e) {
            throw new ConfigException(Problem.error("", side + ".jdbcUrl",
                    "cannot connect to " + redactUrl(settings.jdbcUrl()) + ": " + firstLine(e)));
        }
    }

    /** The driver's message without its stack, on one line: what a DBA needs to see first. */
    public static String firstLine(SQLException e) {
        String message = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        String line = message.lines().findFirst().orElse(message).trim();
        return e.getSQLState() == null ? line : line + " (SQLState " + e.getSQLState() + ")";
    }

    /** A JDBC URL with any inline password removed. */
    public static String redactUrl(String url) {
        return url.replaceAll("(?i)(password=)[^;&]*", "$1…");
    }
}
