package org.pult.softphone.linphone;

import static org.pult.softphone.linphone.EngineProtocol.*;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.function.Consumer;
import org.pult.softphone.api.SoftphoneCommandException.Problem;
import org.pult.softphone.api.SoftphoneEvent;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The event thread: blocks in {@link NativeEngine#nextEvent} and hands each event to the
 * listeners, or completes the command it answers, in the order the engine produced them. Pulling
 * from Java (rather than the engine thread calling into the JVM) keeps the engine thread free of
 * JNI, so the C test driver and valgrind exercise exactly the code the app runs.
 *
 * <p>After the engine's last event the pump frees the native handle, once {@code stopped} says
 * that {@link NativeEngine#stop} has returned.
 */
final class EventPump implements Runnable {

    private static final Logger LOG = LoggerFactory.getLogger(EventPump.class);
    /** liblinphone's own warnings and errors, routed here instead of stdout. */
    private static final Logger ENGINE_LOG = LoggerFactory.getLogger("org.pult.softphone.linphone.liblinphone");

    private final long engine;
    private final PendingCommands pending;
    private final CountDownLatch stopped;
    private final List<Consumer<SoftphoneEvent>> listeners = new CopyOnWriteArrayList<>();

    EventPump(long engine, PendingCommands pending, CountDownLatch stopped) {
        this.engine = engine;
        this.pending = pending;
        this.stopped = stopped;
    }

    void addListener(Consumer<SoftphoneEvent> listener) {
        listeners.add(listener);
    }

    void removeListener(Consumer<SoftphoneEvent> listener) {
        listeners.remove(listener);
    }

    @Override
    public void run() {
        long[] numbers = new long[EVENT_NUMBERS];
        try {
            while (true) {
                byte[][] texts = NativeEngine.nextEvent(engine, numbers);
                if (EventDecoder.kind(numbers) == EVENT_CLOSED) {
                    break;
                }
                handle(numbers, texts);
            }
        } finally {
            pending.failAll(Problem.CLOSED, "the softphone engine has been closed");
            awaitStop();
            NativeEngine.destroy(engine);
        }
    }

    private void handle(long[] numbers, byte[][] texts) {
        switch (EventDecoder.kind(numbers)) {
            case EVENT_RESULT -> pending.complete(EventDecoder.requestId(numbers), EventDecoder.problem(numbers),
                    EventDecoder.text(texts, 0), numbers, texts);
            case EVENT_LOG -> logEngine(numbers, texts);
            default -> deliver(EventDecoder.event(numbers, texts));
        }
    }

    private void deliver(SoftphoneEvent event) {
        if (event == null) {
            return;
        }
        LOG.debug("{}", event);
        for (Consumer<SoftphoneEvent> listener : listeners) {
            try {
                listener.accept(event);
            } catch (RuntimeException e) {
                // One faulty listener must not starve the others or stop the engine's events.
                LOG.warn("Softphone listener failed on {}", event, e);
            }
        }
    }

    private static void logEngine(long[] numbers, byte[][] texts) {
        String domain = EventDecoder.text(texts, 0);
        String message = EventDecoder.text(texts, 1);
        if (numbers[2] == LOG_ERROR) {
            ENGINE_LOG.error("[{}] {}", domain, message);
        } else if (numbers[2] == LOG_DEBUG) {
            ENGINE_LOG.debug("[{}] {}", domain, message); // expected where it came from (no sound card in file mode)
        } else {
            ENGINE_LOG.warn("[{}] {}", domain, message);
        }
    }

    private void awaitStop() {
        boolean interrupted = false;
        while (true) {
            try {
                stopped.await();
                break;
            } catch (InterruptedException e) {
                interrupted = true;
            }
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
    }
}
