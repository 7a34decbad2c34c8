package io.poollab.config;

/**
 * One thing wrong (or doubtful) with a run's input: what, where, and the limit it broke.
 *
 * @param location {@code file:line:col}, or a table or profile name; never null, may be empty
 * @param field    the config path, e.g. {@code pool.source.minimumIdle}; may be empty
 */
public record Problem(Severity severity, String location, String field, String message) {

    public enum Severity { ERROR, WARNING }

    public static Problem error(String location, String field, String message) {
        return new Problem(Severity.ERROR, location, field, message);
    }

    public static Problem warning(String location, String field, String message) {
        return new Problem(Severity.WARNING, location, field, message);
    }

    public boolean isError() {
        return severity == Severity.ERROR;
    }

    /** The one line shown to a user: {@code file:3:5: pool.source.minimumIdle: 8 is more than maximumPoolSize 4}. */
    public String oneLine() {
        StringBuilder line = new StringBuilder();
        if (!location.isEmpty()) {
            line.append(location).append(": ");
        }
        if (!field.isEmpty()) {
            line.append(field).append(": ");
        }
        return line.append(message).toString();
    }

    @Override
    public String toString() {
        return oneLine();
    }
}
