package org.pult.sync;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.pult.core.api.ActionBatch;
import org.pult.core.api.ActionBatchResult;
import org.pult.core.api.ActionRequest;
import org.pult.core.port.ActionOutbox;
import org.pult.core.port.OutboxEntry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sends the outbox to the backend in the order the operator acted, until each entry is
 * acknowledged: what has queued up behind the head goes in batches, in order. A failure that may pass (no answer, 5xx, a garbled answer, an expired
 * token) leaves the entry at the head with a back-off before the next try; nothing behind it
 * overtakes it. A permanent rejection (see {@link SyncException#isPermanent()}) makes the entry
 * POISON with the backend's reason, and replay moves on to the next entry (ADR 0006).
 */
public final class OutboxReplayer {

    /** How often an empty or idle outbox is looked at without a {@link #nudge()}. */
    static final Duration IDLE_CHECK = Duration.ofSeconds(5);

    private static final Logger LOG = LoggerFactory.getLogger(OutboxReplayer.class);

    /**
     * What one pass did.
     *
     * @param nextAttemptAt when the head entry is due next, or null when the outbox is empty
     */
    public record Pass(int sent, int rejected, Instant nextAttemptAt) {
    }

    private final HubClient client;
    private final ActionOutbox outbox;
    private final Supplier<String> token;
    private final RetryBackoff backoff;
    private final Clock clock;
    private final ConnectionMonitor monitor;
    private ScheduledExecutorService scheduler;
    private ScheduledFuture<?> next;
    private volatile boolean stopped;
    private volatile boolean backendBack;
    /** Whether the backend takes several actions per request; false once it refused a batch. */
    private boolean batches = true;

    public OutboxReplayer(HubClient client, ActionOutbox outbox, Supplier<String> token, RetryBackoff backoff,
                          Clock clock, ConnectionMonitor monitor) {
        this.client = Objects.requireNonNull(client, "client");
        this.outbox = Objects.requireNonNull(outbox, "outbox");
        this.token = Objects.requireNonNull(token, "token");
        this.backoff = Objects.requireNonNull(backoff, "backoff");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.monitor = Objects.requireNonNull(monitor, "monitor");
    }

    /**
     * Sends every due entry in order; stops at the first entry that is not due or fails for now.
     * Entries queued behind the head go along in one batch request while the backend takes
     * batches; one that refuses them gets one entry per request from then on.
     */
    public synchronized Pass replayDue() {
        int sent = 0;
        int rejected = 0;
        try {
            while (!stopped) {
                List<OutboxEntry> due = outbox.pending(batches ? ActionBatch.MAX_ACTIONS : 1);
                if (due.isEmpty()) {
                    return new Pass(sent, rejected, null);
                }
                OutboxEntry entry = due.getFirst();
                Instant now = clock.instant();
                if (entry.nextAttemptAt().isAfter(now) && !backendBack) {
                    return new Pass(sent, rejected, entry.nextAttemptAt());
                }
                backendBack = false;
                List<ActionRequest> requests = due.stream().map(OutboxEntry::request).toList();
                int batchSize = batches ? client.batchable(requests) : 1;
                try {
                    if (batchSize > 1) {
                        ActionBatchResult answer = client.submitAll(token.get(), requests.subList(0, batchSize));
                        List<ActionOutbox.Answer> answers = new ArrayList<>(batchSize);
                        for (int i = 0; i < batchSize; i++) {
                            ActionBatchResult.Item item = answer.results().get(i);
                            if (item.status() == ActionBatchResult.Status.REJECTED) {
                                logRejection(due.get(i), item.error().message());
                                answers.add(ActionOutbox.Answer.rejected(due.get(i).sequence(), item.error().message()));
                                rejected++;
                            } else {
                                answers.add(ActionOutbox.Answer.applied(due.get(i).sequence(), item.result()));
                                sent++;
                            }
                        }
                        outbox.settle(answers); // one local transaction for the whole batch
                    } else {
                        outbox.acknowledge(entry.sequence(), client.submit(token.get(), entry.request()));
                        sent++;
                    }
                    monitor.reachable();
                } catch (SyncException e) {
                    if (e.isPermanent() && batchSize > 1) {
                        LOG.info("The backend refused a batch ({}); sending one action per request", e.getMessage());
                        batches = false;
                    } else if (e.isPermanent()) {
                        rejectedByBackend(entry, e.getMessage());
                        monitor.reachable();
                        rejected++;
                    } else {
                        Instant retryAt = now.plus(backoff.delay(entry.attempts()));
                        outbox.retryLater(entry.sequence(), retryAt, e.getMessage());
                        monitor.unreachable(e.reason() == SyncException.Reason.UNAUTHORIZED
                                ? "the backend wants a new sign-in" : e.getMessage());
                        LOG.debug("Sending {} failed, next try at {}: {}", entry.idempotencyKey(), retryAt, e.getMessage());
                        return new Pass(sent, rejected, retryAt);
                    }
                }
            }
            return new Pass(sent, rejected, clock.instant().plus(IDLE_CHECK));
        } finally {
            monitor.outbox(outbox.pendingCount(), outbox.poisoned().size());
        }
    }

    private void rejectedByBackend(OutboxEntry entry, String reason) {
        logRejection(entry, reason);
        outbox.reject(entry.sequence(), reason);
    }

    private static void logRejection(OutboxEntry entry, String reason) {
        LOG.warn("The backend rejected {}; it is kept for the operator: {}", entry.request(), reason);
    }

    /** Replays on {@code scheduler} from now on: at once, when due, and after each {@link #nudge()}. */
    public synchronized void start(ScheduledExecutorService on) {
        this.scheduler = Objects.requireNonNull(on, "scheduler");
        stopped = false;
        nudge();
    }

    /** An action was recorded: try to send it now rather than at the next check. */
    public void nudge() {
        ScheduledExecutorService on = scheduler;
        if (on != null && !stopped) {
            on.execute(this::runPass);
        }
    }

    /**
     * The backend answers again (the event stream reconnected): send the head now instead of
     * waiting out its back-off.
     */
    public void backendReachable() {
        backendBack = true;
        nudge();
    }

    public synchronized void stop() {
        stopped = true;
        if (next != null) {
            next.cancel(false);
        }
    }

    private void runPass() {
        Duration wait;
        try {
            Pass pass = replayDue();
            wait = pass.nextAttemptAt() == null
                    ? IDLE_CHECK
                    : Duration.between(clock.instant(), pass.nextAttemptAt());
        } catch (RuntimeException e) {
            LOG.warn("Replaying the outbox failed; trying again later", e);
            wait = IDLE_CHECK;
        }
        schedule(wait.isNegative() ? Duration.ZERO : wait.compareTo(IDLE_CHECK) > 0 ? IDLE_CHECK : wait);
    }

    private synchronized void schedule(Duration wait) {
        if (stopped || scheduler == null) {
            return;
        }
        if (next != null) {
            next.cancel(false);
        }
        next = scheduler.schedule(this::runPass, wait.toMillis(), TimeUnit.MILLISECONDS);
    }
}
