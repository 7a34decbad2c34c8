package io.poollab.history;

import java.util.Map;

/**
 * The outcome of an import.
 *
 * @param imported       exported id → new id here
 * @param alreadyPresent exported id → the id of the same run already here (importing a file twice changes nothing)
 */
public record ImportResult(Map<Long, Long> imported, Map<Long, Long> alreadyPresent) {
}
