package io.poollab.history;

import java.net.InetAddress;
import java.net.UnknownHostException;

/** The machine and process a run belongs to, so that a dead run is told from one still going elsewhere. */
final class Host {

    private static final String NAME = resolve();

    private Host() {
    }

    static String name() {
        return NAME;
    }

    static long pid() {
        return ProcessHandle.current().pid();
    }

    private static String resolve() {
        String fromEnvironment = System.getenv("HOSTNAME");
        if (fromEnvironment != null && !fromEnvironment.isBlank()) {
            return fromEnvironment;
        }
        try {
            return InetAddress.getLocalHost().getHostName();
        } catch (UnknownHostException e) {
            return "localhost";
        }
    }
}
