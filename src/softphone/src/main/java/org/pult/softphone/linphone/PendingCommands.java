package org.pult.softphone.linphone;

import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.BiFunction;
import org.pult.softphone.api.SoftphoneCommandException;
import org.pult.softphone.api.SoftphoneCommandException.Problem;

/** Futures of commands the engine has not answered yet, by request id. */
final class PendingCommands {

    /** Reads a successful result's numbers and texts into the future's value. */
    interface ResultReader<T> extends BiFunction<long[], byte[][], T> {
    }

    private record Pending<T>(CompletableFuture<T> future, ResultReader<T> reader) {
        void succeed(long[] numbers, byte[][] texts) {
            future.complete(reader.apply(numbers, texts));
        }
    }

    private final AtomicLong nextId = new AtomicLong(1);
    private final Map<Long, Pending<?>> pending = new ConcurrentHashMap<>();

    <T> long add(CompletableFuture<T> future, ResultReader<T> reader) {
        long id = nextId.getAndIncrement();
        pending.put(id, new Pending<>(future, reader));
        return id;
    }

    void remove(long id) {
        pending.remove(id);
    }

    void complete(long id, Problem problem, String message, long[] numbers, byte[][] texts) {
        Pending<?> command = pending.remove(id);
        if (command == null) {
            return;
        }
        if (problem == null) {
            command.succeed(numbers, texts);
        } else {
            command.future().completeExceptionally(new SoftphoneCommandException(problem, message));
        }
    }

    /** Fails whatever is left once the engine has stopped answering. */
    void failAll(Problem problem, String message) {
        for (Long id : pending.keySet()) {
            Pending<?> command = pending.remove(id);
            if (command != null) {
                command.future().completeExceptionally(new SoftphoneCommandException(problem, message));
            }
        }
    }
}
