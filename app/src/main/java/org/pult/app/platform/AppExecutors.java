package org.pult.app.platform;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadFactory;
import javafx.application.Platform;
import java.util.concurrent.Executor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The two executors every view model gets: {@code background} for blocking I/O (virtual
 * threads), {@code ui} to hand results back to the FX thread. Tests pass same-thread executors.
 */
public record AppExecutors(Executor background, Executor ui) {

    private static final Logger LOG = LoggerFactory.getLogger(AppExecutors.class);

    /** Virtual threads for I/O; failures are logged, not swallowed. */
    public static ExecutorService newBackgroundPool() {
        ThreadFactory factory = Thread.ofVirtual()
                .name("pult-io-", 0)
                .uncaughtExceptionHandler((thread, error) -> LOG.error("Uncaught error on {}", thread.getName(), error))
                .factory();
        return Executors.newThreadPerTaskExecutor(factory);
    }

    /**
     * {@code pool} for view models: work handed to it once the app is closing (a refresh the FX
     * thread had already queued) is dropped with a debug line instead of failing on the FX thread.
     */
    public static Executor untilShutdown(ExecutorService pool) {
        return task -> {
            try {
                pool.execute(task);
            } catch (RejectedExecutionException closing) {
                if (!pool.isShutdown()) {
                    throw closing;
                }
                LOG.debug("Pult is closing; dropped background work {}", task);
            }
        };
    }

    public static Executor fxThread() {
        return Platform::runLater;
    }

    public static AppExecutors sameThread() {
        return new AppExecutors(Runnable::run, Runnable::run);
    }
}
