package io.poollab.config;

/**
 * A JDBC URL read back into form fields.
 *
 * @param passwordRemoved the URL carried a {@code password=} parameter, which was left out of {@link #form}: the
 *                        GUI warns, since a password must come from a password source, never from the URL
 */
public record ParsedUrl(ConnectionForm form, boolean passwordRemoved) {
}
