package org.pult.sync;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;
import okhttp3.sse.EventSource;
import okhttp3.sse.EventSourceListener;
import okhttp3.sse.EventSources;
import org.pult.core.api.EventPage;
import org.pult.core.api.LiveEvent;
import org.pult.core.port.LiveEventCache;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Follows the backend's event log into the cache. Each (re)connection first pulls everything
 * after the stored cursor page by page, then opens the server-sent-event stream with
 * {@code Last-Event-ID} set to the stored cursor. The cache applies each event with its cursor in
 * one transaction and skips what it already has, so a reconnect at any moment neither misses nor
 * doubles an event. Lost connections are retried with back-off for as long as it runs.
 */
public final class EventStream implements AutoCloseable {

    /** Three missed 15-second heartbeats mean the stream is dead even if TCP did not say so. */
    public static final Duration DEFAULT_READ_TIMEOUT = Duration.ofSeconds(45);
    static final int PAGE = 500;

    private static final Logger LOG = LoggerFactory.getLogger(EventStream.class);

    private final HubClient client;
    private final LiveEventCache cache;
    private final Supplier<String> token;
    private final RetryBackoff backoff;
    private final ConnectionMonitor monitor;
    private final ScheduledExecutorService scheduler;
    private final Runnable onConnected;
    private final OkHttpClient streaming;
    private final ObjectMapper json = SyncJson.newMapper();
    private final AtomicInteger failures = new AtomicInteger();
    private final AtomicInteger generation = new AtomicInteger();
    private volatile EventSource source;
    private volatile boolean stopped = true;

    /**
     * @param onConnected run each time the stream is (re)established, e.g. to replay the outbox now
     */
    public EventStream(HubClient client, LiveEventCache cache, Supplier<String> token, RetryBackoff backoff,
                       ConnectionMonitor monitor, ScheduledExecutorService scheduler, Duration readTimeout,
                       Runnable onConnected) {
        this.client = Objects.requireNonNull(client, "client");
        this.cache = Objects.requireNonNull(cache, "cache");
        this.token = Objects.requireNonNull(token, "token");
        this.backoff = Objects.requireNonNull(backoff, "backoff");
        this.monitor = Objects.requireNonNull(monitor, "monitor");
        this.scheduler = Objects.requireNonNull(scheduler, "scheduler");
        this.onConnected = Objects.requireNonNull(onConnected, "onConnected");
        this.streaming = client.http().newBuilder().readTimeout(readTimeout).build();
    }

    public void start() {
        stopped = false;
        scheduler.execute(this::connect);
    }

    /** Pulls every event after the stored cursor into the cache; returns how many were applied. */
    public int catchUp() throws SyncException {
        int applied = 0;
        while (true) {
            long since = cache.eventCursor();
            EventPage page = client.events(token.get(), since, PAGE);
            if (page.head() < since) {
                LOG.warn("The backend's event log ends at {} but this cache is at {}: the log was reset; pulling it again",
                        page.head(), since);
                cache.resetEventCursor();
                continue;
            }
            for (LiveEvent event : page.events()) {
                if (cache.apply(event)) {
                    applied++;
                }
            }
            if (!page.more() || page.events().isEmpty()) {
                return applied;
            }
        }
    }

    private void connect() {
        if (stopped) {
            return;
        }
        int mine = generation.incrementAndGet();
        try {
            catchUp();
        } catch (SyncException | RuntimeException e) {
            failed(mine, describe(e));
            return;
        }
        Request request = new Request.Builder()
                .url(client.eventStreamUrl())
                .header("Authorization", "Bearer " + token.get())
                .header("Accept", "text/event-stream")
                .header("Last-Event-ID", Long.toString(cache.eventCursor()))
                .build();
        source = EventSources.createFactory(streaming).newEventSource(request, new Listener(mine));
    }

    private void failed(int mine, String detail) {
        if (stopped || mine != generation.get()) {
            return;
        }
        generation.incrementAndGet();
        EventSource current = source;
        if (current != null) {
            current.cancel();
        }
        monitor.unreachable(detail);
        Duration wait = backoff.delay(failures.getAndIncrement());
        LOG.debug("Event stream lost ({}); reconnecting in {} ms", detail, wait.toMillis());
        scheduler.schedule(this::connect, wait.toMillis(), TimeUnit.MILLISECONDS);
    }

    private static String describe(Exception e) {
        return e instanceof SyncException ? e.getMessage() : e.getClass().getSimpleName() + ": " + e.getMessage();
    }

    @Override
    public void close() {
        stopped = true;
        generation.incrementAndGet();
        EventSource current = source;
        if (current != null) {
            current.cancel();
        }
    }

    private final class Listener extends EventSourceListener {

        private final int mine;

        Listener(int mine) {
            this.mine = mine;
        }

        @Override
        public void onOpen(EventSource eventSource, Response response) {
            if (mine != generation.get()) {
                eventSource.cancel();
                return;
            }
            failures.set(0);
            monitor.reachable();
            onConnected.run();
        }

        @Override
        public void onEvent(EventSource eventSource, String id, String type, String data) {
            if (mine != generation.get()) {
                return;
            }
            LiveEvent event;
            try {
                event = json.readValue(data, LiveEvent.class);
            } catch (JacksonException e) {
                failed(mine, "the backend sent an event that is not a LiveEvent (" + e.getOriginalMessage() + ")");
                return;
            }
            if (event == null || event.cursor() <= 0) {
                failed(mine, "the backend sent an event without a cursor");
                return;
            }
            cache.apply(event);
        }

        @Override
        public void onClosed(EventSource eventSource) {
            failed(mine, "the backend closed the event stream");
        }

        @Override
        public void onFailure(EventSource eventSource, Throwable t, Response response) {
            String detail = response != null
                    ? "the event stream was refused (HTTP " + response.code() + ", "
                            + response.header("Content-Type", "no content type") + ")"
                    : "the event stream broke: " + (t == null ? "unknown" : t.getClass().getSimpleName()
                            + (t.getMessage() == null ? "" : " (" + t.getMessage() + ")"));
            failed(mine, detail);
        }
    }
}
