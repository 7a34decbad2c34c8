package io.poollab;

import io.poollab.cli.PoolLabCli;

/**
 * The jar's entry point. It does not extend a JavaFX Application, so that the classpath launch (and jpackage) work
 * with JavaFX as ordinary jars.
 */
public final class Launcher {

    private Launcher() {
    }

    public static void main(String[] args) {
        System.exit(PoolLabCli.execute(args, System.out, System.err, System.getenv()));
    }
}
