package io.poollab.runner;

/** A run that could not start because of a database error (not bad input): the reason is one line. */
public final class RunStartException extends Exception {

    private static final long serialVersionUID = 1L;

    public RunStartException(String reason, Throwable cause) {
        super(reason, cause);
    }
}
