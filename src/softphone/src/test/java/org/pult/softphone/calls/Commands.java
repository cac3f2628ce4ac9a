package org.pult.softphone.calls;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.pult.softphone.api.SoftphoneCommandException;

/** Waits for an engine command's future, turning "never completed" and "refused" into clear test failures. */
final class Commands {

    static final Duration TIMEOUT = Duration.ofSeconds(20);

    private Commands() {
    }

    static <T> T done(CompletableFuture<T> future, String what) {
        try {
            return future.get(TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            throw new AssertionError(what + ": the engine did not complete the command within " + TIMEOUT.toSeconds()
                    + " s (hung?)", e);
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            String problem = cause instanceof SoftphoneCommandException refused ? refused.problem() + ": " : "";
            throw new AssertionError(what + ": the engine refused: " + problem + cause.getMessage(), cause);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(what + ": interrupted", e);
        }
    }

    /** The exception the command failed with; fails the test when it succeeded or never completed. */
    static Throwable failure(CompletableFuture<?> future, String what) {
        try {
            Object value = future.get(TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
            throw new AssertionError(what + ": expected the engine to refuse, but it completed with " + value);
        } catch (TimeoutException e) {
            throw new AssertionError(what + ": the engine neither refused nor completed within " + TIMEOUT.toSeconds()
                    + " s (hung?)", e);
        } catch (ExecutionException e) {
            return e.getCause();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(what + ": interrupted", e);
        }
    }

    /** Empty when the command completed, the exception when it was refused; fails the test when it hung. */
    static java.util.Optional<Throwable> refusal(CompletableFuture<?> future, String what) {
        try {
            future.get(TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
            return java.util.Optional.empty();
        } catch (TimeoutException e) {
            throw new AssertionError(what + ": the engine did not complete the command within " + TIMEOUT.toSeconds()
                    + " s (hung?)", e);
        } catch (ExecutionException e) {
            return java.util.Optional.of(e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(what + ": interrupted", e);
        }
    }

    static void pause(Duration duration) {
        try {
            Thread.sleep(duration);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted", e);
        }
    }
}
