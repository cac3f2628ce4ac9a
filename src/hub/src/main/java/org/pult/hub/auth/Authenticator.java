package org.pult.hub.auth;

import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.function.Function;
import org.pult.core.api.LoginResponse;
import org.pult.core.api.TokenResponse;
import org.pult.core.model.OperatorProfile;
import org.pult.core.model.OperatorState;
import org.pult.hub.store.SessionStore;
import org.pult.hub.store.StoredUser;
import org.pult.hub.store.UserStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Signs users in with name and password and resolves their bearer tokens afterwards. */
public final class Authenticator {

    /**
     * How long a token still works after it was renewed: requests already sent with it (the
     * outbox, the event stream) are not refused in the moment the client switches tokens.
     */
    public static final Duration RENEWED_TOKEN_GRACE = Duration.ofMinutes(2);

    private static final Logger LOG = LoggerFactory.getLogger(Authenticator.class);

    private final UserStore users;
    private final SessionStore sessions;
    private final PasswordHasher hasher;
    private final SessionTokens tokens;
    private final Clock clock;
    private final SignInEffects signInEffects;
    private final Function<StoredUser, OperatorProfile> profiles;
    private final Duration lifetime;

    public Authenticator(UserStore users, SessionStore sessions, PasswordHasher hasher, SessionTokens tokens,
                         Clock clock, SignInEffects signInEffects,
                         Function<StoredUser, OperatorProfile> profiles, Duration lifetime) {
        this.lifetime = lifetime;
        this.signInEffects = signInEffects;
        this.profiles = profiles;
        this.users = users;
        this.sessions = sessions;
        this.hasher = hasher;
        this.tokens = tokens;
        this.clock = clock;
    }

    /**
     * A new session if the name and password match; empty otherwise, without saying whether the
     * name exists. A successful sign-in puts the operator in {@link OperatorState#NOT_READY}.
     */
    public Optional<LoginResponse> login(String username, char[] password) throws SQLException {
        Optional<StoredUser> found = users.findByUsername(username);
        boolean matches = found.isPresent()
                ? hasher.verify(password, found.get().passwordHash())
                : hasher.verifyAgainstDecoy(password);
        if (!matches) {
            LOG.info("Sign-in refused for user '{}'", loggable(username));
            return Optional.empty();
        }
        StoredUser user = found.get();
        Instant now = clock.instant();
        sessions.deleteExpired(now);
        String token = tokens.newToken();
        Instant expiresAt = now.plus(lifetime);
        sessions.create(SessionTokens.digest(token), user.id(), expiresAt);
        signInEffects.signedIn(user);
        LOG.info("User '{}' signed in", user.username());
        return Optional.of(new LoginResponse(token, profiles.apply(user.withState(OperatorState.NOT_READY)), expiresAt));
    }

    /**
     * A new token for the holder of a valid one, with a full lifetime; the old one keeps working
     * for {@link #RENEWED_TOKEN_GRACE} at most. Empty if {@code token} is unknown or expired: then
     * only a new sign-in helps. The operator's state does not change.
     */
    public Optional<TokenResponse> renew(String token) throws SQLException {
        Optional<StoredUser> user = userFor(token);
        if (user.isEmpty()) {
            return Optional.empty();
        }
        Instant now = clock.instant();
        String renewed = tokens.newToken();
        Instant expiresAt = now.plus(lifetime);
        sessions.create(SessionTokens.digest(renewed), user.get().id(), expiresAt);
        sessions.expireBy(SessionTokens.digest(token), now.plus(RENEWED_TOKEN_GRACE));
        LOG.info("User '{}' renewed their token", user.get().username());
        return Optional.of(new TokenResponse(renewed, expiresAt));
    }

    /** The user a valid, unexpired token belongs to. */
    public Optional<StoredUser> userFor(String token) throws SQLException {
        Optional<String> userId = sessions.userIdFor(SessionTokens.digest(token), clock.instant());
        return userId.isEmpty() ? Optional.empty() : users.findById(userId.get());
    }

    /** A name as typed by anyone, made safe to log: no line breaks to forge entries with, bounded length. */
    private static String loggable(String username) {
        String oneLine = username.replaceAll("\\p{Cntrl}", "?");
        return oneLine.length() <= 64 ? oneLine : oneLine.substring(0, 64) + "...";
    }
}
