package org.pult.sync;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Renews the session's token before it expires, so a shift longer than one token's lifetime
 * goes on without a new sign-in. A failure that may pass (backend away) is retried with back-off
 * until the token expires; once the backend says the token is no longer valid only a new sign-in
 * helps, and the outbox and the stream report that to the operator.
 */
final class TokenRenewal {

    private static final Logger LOG = LoggerFactory.getLogger(TokenRenewal.class);

    private final HubClient client;
    private final SessionToken token;
    private final ScheduledExecutorService scheduler;
    private final Clock clock;
    private final RetryBackoff backoff;
    private int failures;
    private ScheduledFuture<?> next;

    TokenRenewal(HubClient client, SessionToken token, ScheduledExecutorService scheduler, Clock clock,
                 RetryBackoff backoff) {
        this.client = client;
        this.token = token;
        this.scheduler = scheduler;
        this.clock = clock;
        this.backoff = backoff;
    }

    synchronized void start() {
        scheduleAt(token.renewalDue());
    }

    synchronized void stop() {
        if (next != null) {
            next.cancel(false);
            next = null;
        }
    }

    private void renew() {
        try {
            token.renewed(client.renewToken(token.get()));
            failures = 0;
            LOG.info("Session renewed; it now lasts until {}", token.expiresAt());
            synchronized (this) {
                scheduleAt(token.renewalDue());
            }
        } catch (SyncException e) {
            if (e.reason() == SyncException.Reason.UNAUTHORIZED) {
                LOG.warn("The backend no longer accepts this session ({}); a new sign-in is needed", e.getMessage());
                return;
            }
            Duration wait = backoff.delay(failures++);
            LOG.info("Renewing the session failed, trying again in {} s: {}", wait.toSeconds(), e.getMessage());
            synchronized (this) {
                scheduleAt(clock.instant().plus(wait));
            }
        }
    }

    private void scheduleAt(Instant when) {
        if (when == null) {
            return;
        }
        long delay = Math.max(0, Duration.between(clock.instant(), when).toMillis());
        try {
            next = scheduler.schedule(this::renew, delay, TimeUnit.MILLISECONDS);
        } catch (RejectedExecutionException stopped) {
            next = null;
        }
    }
}
