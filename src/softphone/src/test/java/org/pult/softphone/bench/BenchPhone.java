package org.pult.softphone.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Consumer;
import java.util.function.Predicate;
import org.pult.softphone.api.CallId;
import org.pult.softphone.api.CallState;
import org.pult.softphone.api.SipTransport;
import org.pult.softphone.api.SoftphoneConfig;
import org.pult.softphone.api.SoftphoneEvent;
import org.pult.softphone.api.SoftphoneEvent.CallStateChanged;
import org.pult.softphone.linphone.LinphoneSoftphone;

/**
 * One engine in file-audio mode (plays a tone file as its microphone, records what it hears), with
 * every event kept together with the {@link System#nanoTime()} at which the Java listener got it.
 * The configuration is the app's ({@link SoftphoneConfig#defaults}: SDES-SRTP offered, no ICE),
 * bound to 127.0.0.1, with the codecs given.
 */
final class BenchPhone implements Consumer<SoftphoneEvent>, AutoCloseable {

    static final Duration WAIT = Duration.ofSeconds(20);

    /** An event and when the Java listener received it. */
    record Seen(SoftphoneEvent event, long javaNanos) {
    }

    private final String name;
    private final LinphoneSoftphone engine;
    private final List<Seen> events = new ArrayList<>();

    private BenchPhone(String name, LinphoneSoftphone engine) {
        this.name = name;
        this.engine = engine;
    }

    static BenchPhone start(String name, Path folder, Path playFile, List<String> codecs, boolean autoAnswer) {
        try {
            Files.createDirectories(folder);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        SoftphoneConfig config = SoftphoneConfig.defaults(folder.resolve("engine")).withBindAddress("127.0.0.1")
                .withAudio(new SoftphoneConfig.Audio.Files(playFile, folder.resolve("heard.wav")))
                .withCodecs(codecs).withAutoAnswer(autoAnswer);
        LinphoneSoftphone engine = LinphoneSoftphone.start(config);
        BenchPhone phone = new BenchPhone(name, engine);
        engine.subscribe(phone);
        return phone;
    }

    @Override
    public void accept(SoftphoneEvent event) {
        long now = System.nanoTime();
        synchronized (this) {
            events.add(new Seen(event, now));
            notifyAll();
        }
    }

    LinphoneSoftphone engine() {
        return engine;
    }

    int sipPort() {
        return engine.sipPort(SipTransport.UDP);
    }

    String uri() {
        return "sip:" + name + "@127.0.0.1:" + sipPort();
    }

    synchronized List<Seen> all() {
        return List.copyOf(events);
    }

    synchronized int mark() {
        return events.size();
    }

    /** The first event after {@code mark} that matches, with its Java receipt time. */
    synchronized Seen await(int mark, Predicate<SoftphoneEvent> matches, String what) {
        long deadline = System.nanoTime() + WAIT.toNanos();
        int next = mark;
        while (true) {
            for (; next < events.size(); next++) {
                if (matches.test(events.get(next).event())) {
                    return events.get(next);
                }
            }
            long left = deadline - System.nanoTime();
            if (left <= 0) {
                throw new IllegalStateException(name + ": no " + what + " within " + WAIT.toSeconds() + " s; saw "
                        + events.subList(mark, events.size()));
            }
            try {
                wait(Math.max(1, left / 1_000_000));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted waiting for " + what, e);
            }
        }
    }

    Seen awaitState(int mark, CallId call, CallState state) {
        return await(mark, e -> e instanceof CallStateChanged c && (call == null || c.call().equals(call))
                && c.state() == state, (call == null ? "a call" : call) + " " + state);
    }

    /** The last state each call reached after {@code mark}. */
    synchronized java.util.Map<CallId, CallState> lastStates(int mark) {
        java.util.Map<CallId, CallState> states = new java.util.LinkedHashMap<>();
        for (Seen seen : events.subList(mark, events.size())) {
            if (seen.event() instanceof CallStateChanged c) {
                states.put(c.call(), c.state());
            }
        }
        return states;
    }

    static <T> T done(CompletableFuture<T> future, String what) {
        try {
            return future.get(WAIT.toMillis(), TimeUnit.MILLISECONDS);
        } catch (ExecutionException e) {
            throw new IllegalStateException(what + " refused: " + e.getCause().getMessage(), e.getCause());
        } catch (TimeoutException e) {
            throw new IllegalStateException(what + " not done within " + WAIT.toSeconds() + " s", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(what + " interrupted", e);
        }
    }

    @Override
    public void close() {
        engine.close();
    }

    @Override
    public String toString() {
        return name;
    }
}
