package org.pult.sync;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.function.Supplier;
import org.pult.core.api.LoginResponse;
import org.pult.core.api.TokenResponse;

/**
 * The signed-in operator's bearer token, which the sync renews while the console runs (see
 * {@link TokenRenewal}). Read from any thread; never printed.
 */
public final class SessionToken implements Supplier<String> {

    private record Issued(String token, Instant expiresAt, Instant receivedAt) { }

    private final Clock clock;
    private volatile Issued issued;

    /** {@code expiresAt} null: the backend did not say, and the token is never renewed. */
    public SessionToken(String token, Instant expiresAt, Clock clock) {
        this.clock = Objects.requireNonNull(clock, "clock");
        this.issued = new Issued(Objects.requireNonNull(token, "token"), expiresAt, clock.instant());
    }

    public static SessionToken of(LoginResponse login) {
        return new SessionToken(login.token(), login.expiresAt(), Clock.systemUTC());
    }

    /** The token to send now. */
    @Override
    public String get() {
        return issued.token();
    }

    /** When the current token expires; null if the backend did not say. */
    public Instant expiresAt() {
        return issued.expiresAt();
    }

    /**
     * When to renew: halfway between receiving the token and its expiry, so a failed attempt
     * leaves half the lifetime to retry in. Null if it never needs renewing.
     */
    Instant renewalDue() {
        Issued current = issued;
        if (current.expiresAt() == null) {
            return null;
        }
        Duration left = Duration.between(current.receivedAt(), current.expiresAt());
        return current.receivedAt().plus(left.isNegative() ? Duration.ZERO : left.dividedBy(2));
    }

    void renewed(TokenResponse response) {
        issued = new Issued(response.token(), response.expiresAt(), clock.instant());
    }

    @Override
    public String toString() {
        return "SessionToken[***, expiresAt=" + issued.expiresAt() + "]";
    }
}
