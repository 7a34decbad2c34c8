package io.poollab.config;

import java.util.Map;
import java.util.Optional;

/**
 * Where a password comes from. The value itself is looked up only when a connection is opened
 * ({@link #resolve}), so a spec can be logged, stored and shown without ever holding it.
 */
public sealed interface Secret {

    /** No password in the config: PostgreSQL's driver then falls back to {@code ~/.pgpass} (or PGPASSFILE). */
    record None() implements Secret {
        @Override
        public String describe() {
            return "none (driver default, ~/.pgpass for PostgreSQL)";
        }
    }

    /** {@code ${env:VAR}}. */
    record EnvVar(String name) implements Secret {
        @Override
        public String describe() {
            return "${env:" + name + "}";
        }
    }

    /** A password written into the config file. Allowed, with a warning; never echoed. */
    record Plaintext(String value) implements Secret {
        @Override
        public String describe() {
            return "plaintext in config (hidden)";
        }

        @Override
        public String toString() {
            return "Plaintext[hidden]";
        }
    }

    /**
     * A password typed at a prompt (the GUI's password field), held in memory for this session only: never written,
     * never echoed.
     */
    record Prompted(String value) implements Secret {
        @Override
        public String describe() {
            return "typed at a prompt (hidden)";
        }

        @Override
        public String toString() {
            return "Prompted[hidden]";
        }
    }

    /** An entry of the operating system's keyring, read only when a connection opens. */
    record Keyring(String service, String account) implements Secret {
        @Override
        public String describe() {
            return "OS keyring (service " + service + ", account " + account + ")";
        }
    }

    Secret NONE = new None();

    /** A description safe to print or store: never the password. */
    String describe();

    /** The password, or empty when none is configured. */
    default Optional<String> resolve(Map<String, String> environment) throws ConfigException {
        if (this instanceof EnvVar env) {
            String value = environment.get(env.name());
            if (value == null) {
                throw new ConfigException("environment variable " + env.name() + " is not set");
            }
            return Optional.of(value);
        }
        if (this instanceof Plaintext plain) {
            return Optional.of(plain.value());
        }
        if (this instanceof Prompted prompted) {
            return Optional.of(prompted.value());
        }
        if (this instanceof Keyring keyring) {
            return Optional.of(OsKeyring.read(keyring.service(), keyring.account()));
        }
        return Optional.empty();
    }
}
