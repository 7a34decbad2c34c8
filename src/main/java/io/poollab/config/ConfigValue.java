package io.poollab.config;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/** An enum whose constants are written in configs, JSON and the CLI under a stable lower-case id. */
public interface ConfigValue {

    String id();

    static <E extends Enum<E> & ConfigValue> Optional<E> fromId(Class<E> type, String id) {
        return Arrays.stream(type.getEnumConstants()).filter(e -> e.id().equals(id)).findFirst();
    }

    static <E extends Enum<E> & ConfigValue> List<String> ids(Class<E> type) {
        return Arrays.stream(type.getEnumConstants()).map(ConfigValue::id).toList();
    }
}
