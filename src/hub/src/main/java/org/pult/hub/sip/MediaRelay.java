package org.pult.hub.sip;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.Base64;
import java.util.Objects;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.pult.core.model.NatTraversal;

/**
 * The STUN/TURN server (coturn) operators' media goes through, and the NAT traversal each
 * operator's profile carries. TURN credentials follow coturn's REST scheme
 * ({@code use-auth-secret}): the user name is {@code <expiry epoch seconds>:<login>} and the
 * password is Base64(HMAC-SHA1(shared secret, user name)), so coturn checks them without a user
 * list and they stop working when they expire. The shared secret never leaves the hub.
 */
public final class MediaRelay {

    /** Long enough for a shift and its overtime; a new sign-in gets fresh credentials. */
    public static final Duration DEFAULT_LIFETIME = Duration.ofHours(16);

    private final String server;
    private final boolean ice;
    private final byte[] turnSecret;
    private final Duration lifetime;

    /**
     * @param server     {@code host[:port]} of the STUN/TURN server
     * @param ice        whether clients use ICE
     * @param turnSecret coturn's {@code static-auth-secret}; null or empty for STUN only
     */
    public MediaRelay(String server, boolean ice, String turnSecret, Duration lifetime) {
        this.server = Objects.requireNonNull(server, "server").strip();
        if (this.server.isEmpty() || this.server.contains(" ") || this.server.contains("@")) {
            throw new IllegalArgumentException("not a STUN/TURN server: '" + server + "'");
        }
        this.ice = ice;
        this.turnSecret = turnSecret == null ? new byte[0] : turnSecret.strip().getBytes(StandardCharsets.UTF_8);
        this.lifetime = Objects.requireNonNull(lifetime, "lifetime");
    }

    public NatTraversal traversalFor(String login, Instant now) {
        if (turnSecret.length == 0) {
            return new NatTraversal(server, ice, "", "");
        }
        String username = now.plus(lifetime).getEpochSecond() + ":" + login;
        return new NatTraversal(server, ice, username, password(username));
    }

    private String password(String username) {
        try {
            Mac mac = Mac.getInstance("HmacSHA1");
            mac.init(new SecretKeySpec(turnSecret, "HmacSHA1"));
            return Base64.getEncoder().encodeToString(mac.doFinal(username.getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HMAC-SHA1 is part of every JDK", e);
        }
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof MediaRelay that && server.equals(that.server) && ice == that.ice
                && Arrays.equals(turnSecret, that.turnSecret) && lifetime.equals(that.lifetime);
    }

    @Override
    public int hashCode() {
        return Objects.hash(server, ice, lifetime);
    }

    @Override
    public String toString() {
        return "MediaRelay[" + server + (ice ? ", ICE" : "") + (turnSecret.length > 0 ? ", TURN" : "") + "]";
    }
}
