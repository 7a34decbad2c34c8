package io.poollab.ui;

import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import javafx.application.Platform;

/**
 * The one way views do slow work (JDBC, files): the job runs on a worker thread and its outcome comes back on the
 * FX thread. Tests use {@link #inline()}, which runs both on the calling thread, so view models are tested without
 * a toolkit. No exception is swallowed: every failure reaches {@code onFailure}.
 */
public final class Background implements AutoCloseable {

    private final ExecutorService work;
    private final java.util.concurrent.Executor fx;

    private Background(ExecutorService work, java.util.concurrent.Executor fx) {
        this.work = work;
        this.fx = fx;
    }

    /** Daemon worker threads, results on the FX thread. */
    public static Background forFx() {
        AtomicInteger n = new AtomicInteger();
        ExecutorService pool = Executors.newCachedThreadPool(r -> {
            Thread t = new Thread(r, "poollab-ui-work-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
        return new Background(pool, Platform::runLater);
    }

    /** Everything on the calling thread: for view-model tests. */
    public static Background inline() {
        return new Background(new InlineExecutorService(), Runnable::run);
    }

    /** Runs {@code job} off the FX thread; {@code onSuccess} or {@code onFailure} then runs on it. */
    public <T> Future<?> run(Callable<T> job, Consumer<? super T> onSuccess, Consumer<? super Exception> onFailure) {
        return work.submit(() -> {
            T value;
            try {
                value = job.call();
            } catch (Exception e) {
                fx.execute(() -> onFailure.accept(e));
                return;
            }
            fx.execute(() -> onSuccess.accept(value));
        });
    }

    /** Fire and forget, for writes whose failure only needs logging (window position, theme). */
    public void run(Runnable job) {
        try {
            work.submit(job);
        } catch (java.util.concurrent.RejectedExecutionException closed) {
            if (!work.isShutdown()) {
                throw closed;
            }
            // A late FX event after the window closed (a list refresh landing, a selection cleared): the workbench
            // saved its state when it closed, and there is nothing left to write to.
            org.slf4j.LoggerFactory.getLogger(Background.class).debug("closed: not run {}", job);
        }
    }

    /** Runs on the FX thread (inline in tests). */
    public void onFx(Runnable action) {
        fx.execute(action);
    }

    @Override
    public void close() {
        work.shutdown();
        try {
            work.awaitTermination(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** An executor service that runs each task in submit(): enough for tests, never used by the app. */
    private static final class InlineExecutorService extends java.util.concurrent.AbstractExecutorService {
        private volatile boolean shutdown;

        @Override
        public void execute(Runnable command) {
            command.run();
        }

        @Override
        public void shutdown() {
            shutdown = true;
        }

        @Override
        public java.util.List<Runnable> shutdownNow() {
            shutdown = true;
            return java.util.List.of();
        }

        @Override
        public boolean isShutdown() {
            return shutdown;
        }

        @Override
        public boolean isTerminated() {
            return shutdown;
        }

        @Override
        public boolean awaitTermination(long timeout, TimeUnit unit) {
            return true;
        }
    }
}
