package io.poollab.migrate;

import io.poollab.config.ConfigValue;

/** Something that happened during a run, for the event markers on every chart and for the history. */
public record RunEvent(long elapsedMs, Type type, String message) {

    public enum Type implements ConfigValue {
        INFO("info"),
        WARNING("warning"),
        ERROR("error"),
        RESIZE("resize"),
        WORKERS("workers"),
        RETRY("retry");

        private final String id;

        Type(String id) {
            this.id = id;
        }

        @Override
        public String id() {
            return id;
        }
    }
}
