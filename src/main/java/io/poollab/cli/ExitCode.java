package io.poollab.cli;

import io.poollab.migrate.RunResult;
import io.poollab.migrate.RunStatus;

/** The CLI's exit codes, decided here and nowhere else. */
public final class ExitCode {

    public static final int OK = 0;
    public static final int RUN_FAILED = 1;
    public static final int BAD_INPUT = 2;
    public static final int VERIFICATION_MISMATCH = 3;
    public static final int CANCELLED = 130;

    private ExitCode() {
    }

    public static int of(RunResult result) {
        if (result.status() == RunStatus.SUCCEEDED) {
            return OK;
        }
        if (result.status() == RunStatus.CANCELLED) {
            return CANCELLED;
        }
        return result.verificationFailed() ? VERIFICATION_MISMATCH : RUN_FAILED;
    }
}
