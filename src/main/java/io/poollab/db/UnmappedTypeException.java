package io.poollab.db;

/** A column type that has no equivalent in the target dialect. */
public class UnmappedTypeException extends Exception {

    public UnmappedTypeException(String message) {
        super(message);
    }
}
