package io.poollab.config;

import java.util.regex.Pattern;

/**
 * Where a saved profile's password comes from. A password itself is never part of a saved profile: only this
 * choice is, written in the profile file as {@code password: prompt | pgpass | none | ${env:VAR} | keyring}.
 */
public sealed interface PasswordSource {

    Pattern ENV_NAME = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");

    /** Asked for each time a connection opens, and held only in memory. */
    record Prompt() implements PasswordSource {
        @Override
        public String id() {
            return "prompt";
        }
    }

    /** Read from an environment variable when a connection opens; stored as {@code ${env:VAR}}. */
    record Env(String variable) implements PasswordSource {
        @Override
        public String id() {
            return "env";
        }
    }

    /** No password in PoolLab: pgjdbc reads {@code ~/.pgpass} (or PGPASSFILE) itself. */
    record Pgpass() implements PasswordSource {
        @Override
        public String id() {
            return "pgpass";
        }
    }

    /** No password at all (trust or peer authentication, embedded H2). */
    record None() implements PasswordSource {
        @Override
        public String id() {
            return "none";
        }
    }

    /** An entry of the operating system's keyring ({@link OsKeyring}), read when a connection opens. */
    record Keyring(String service, String account) implements PasswordSource {
        @Override
        public String id() {
            return "keyring";
        }
    }

    PasswordSource PROMPT = new Prompt();
    PasswordSource PGPASS = new Pgpass();
    PasswordSource NONE = new None();

    /** {@code prompt}, {@code env}, {@code pgpass}, {@code none} or {@code keyring}. */
    String id();
}
