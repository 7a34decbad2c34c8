package io.poollab.db;

/**
 * What one read unit produced.
 *
 * @param lastKey the last key read in the key's long domain, or null when no rows were read or no key was ordered
 */
public record ReadResult(long rows, long bytes, Long lastKey) {
}
