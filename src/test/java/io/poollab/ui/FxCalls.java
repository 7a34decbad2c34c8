package io.poollab.ui;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import javafx.application.Platform;

/**
 * Calls onto the FX thread from a program's main thread, for the tours and benchmarks that drive a real window
 * without TestFX (which owns its own stage and would not show the workbench as a user opens it).
 */
public final class FxCalls {

    private FxCalls() {
    }

    /** Work for the FX thread that may throw. */
    public interface FxCall<T> {
        T call() throws Exception;
    }

    /** Runs {@code call} on the FX thread and returns its value, or rethrows what it threw; gives up after 60 s. */
    public static <T> T fx(FxCall<T> call) throws Exception {
        CompletableFuture<T> result = new CompletableFuture<>();
        Platform.runLater(() -> {
            try {
                result.complete(call.call());
            } catch (Throwable e) {
                result.completeExceptionally(e);
            }
        });
        return result.get(60, TimeUnit.SECONDS);
    }

    public static <T> T fxValue(Supplier<T> value) throws Exception {
        return fx(value::get);
    }

    /** Polls {@code condition} every 100 ms until it holds; fails after {@code seconds}. */
    public static void waitFor(int seconds, FxCall<Boolean> condition) throws Exception {
        long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
        while (!condition.call()) {
            if (System.nanoTime() > end) {
                throw new IllegalStateException("gave up waiting after " + seconds + " s");
            }
            Thread.sleep(100);
        }
    }
}
