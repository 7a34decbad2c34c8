package io.poollab;

import io.poollab.cli.PoolLabCli;
import io.poollab.ui.WorkbenchMain;

/**
 * The jar's entry point: with a command it runs the CLI, with none it opens the workbench. It does not extend a
 * JavaFX Application, so that the classpath launch (and jpackage) work with JavaFX as ordinary jars.
 */
public final class Launcher {

    private Launcher() {
    }

    public static void main(String[] args) {
        if (args.length == 0) {
            io.poollab.ui.StartupLog.mark("main");
            if (noDisplay()) {
                System.err.println("error: no display to open the workbench on (DISPLAY is not set); give a command "
                        + "to use the CLI, for example: poollab run --config FILE (poollab --help lists them)");
                System.exit(io.poollab.cli.ExitCode.BAD_INPUT);
            }
            WorkbenchMain.main(args);
            return;
        }
        System.exit(PoolLabCli.execute(args, System.out, System.err, System.getenv()));
    }

    private static boolean noDisplay() {
        boolean linux = System.getProperty("os.name", "").toLowerCase(java.util.Locale.ROOT).contains("linux");
        return linux && System.getenv("DISPLAY") == null && System.getenv("WAYLAND_DISPLAY") == null
                && !"Monocle".equals(System.getProperty("glass.platform"));
    }
}
