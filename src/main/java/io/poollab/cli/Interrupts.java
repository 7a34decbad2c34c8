package io.poollab.cli;

import java.io.PrintStream;
import java.util.concurrent.atomic.AtomicInteger;
import sun.misc.Signal;
import sun.misc.SignalHandler;

/**
 * Ctrl-C during a run. The first SIGINT cancels the run and lets the main thread finish normally: it writes the
 * run to the history and prints what was completed, then exits with 130. A shutdown hook could not do that, since
 * H2 closes the history from its own hook at the same moment. A second Ctrl-C exits at once.
 */
final class Interrupts implements AutoCloseable {

    private final SignalHandler previous;
    private final Signal signal = new Signal("INT");

    private Interrupts(Runnable cancel, PrintStream err, String what) {
        AtomicInteger count = new AtomicInteger();
        this.previous = install(s -> {
            if (count.incrementAndGet() == 1) {
                err.println();
                err.println(what + " (Ctrl-C again to quit at once)");
                cancel.run();
            } else {
                Runtime.getRuntime().halt(ExitCode.CANCELLED);
            }
        });
    }

    /**
     * Installs the handler, or returns null where the JVM keeps SIGINT to itself (-Xrs): Ctrl-C then ends the
     * process, and the run is marked interrupted at the next start, as after a crash.
     */
    private SignalHandler install(SignalHandler handler) {
        try {
            return Signal.handle(signal, handler);
        } catch (IllegalArgumentException | UnsupportedOperationException reserved) {
            return null;
        }
    }

    /** Routes Ctrl-C to {@code cancel} until closed. */
    static Interrupts cancelling(Runnable cancel, PrintStream err) {
        return cancelling(cancel, err, "cancelling: workers stop after their current batch");
    }

    /** Routes Ctrl-C to {@code cancel} until closed, saying {@code what} happens then. */
    static Interrupts cancelling(Runnable cancel, PrintStream err, String what) {
        return new Interrupts(cancel, err, what);
    }

    @Override
    public void close() {
        if (previous != null) {
            Signal.handle(signal, previous);
        }
    }
}
