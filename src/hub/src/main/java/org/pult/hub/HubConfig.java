package org.pult.hub;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Objects;
import org.pult.core.model.SipTransport;
import org.pult.hub.routing.RoutingConfig;
import org.pult.hub.sip.SipDomain;

/**
 * Where the hub listens and keeps its data, and what it tells clients.
 *
 * @param host      interface to bind, e.g. {@code 127.0.0.1}
 * @param port      TCP port; 0 picks a free one (see {@link HubServer#port()})
 * @param dataDir   directory holding {@code hub.db}; created if missing
 * @param sip       the SIP domain operators register with; null for none (profiles then carry no SIP account)
 * @param heartbeat how often an idle event stream gets a comment line, so proxies and clients
 *                  can tell a quiet stream from a dead one
 * @param routing   operators' default capacity per class of work (1 call, 4 chats, 2 e-mails) and
 *                  the router's sweep interval
 * @param sessions  how long a bearer token works after sign-in or renewal
 */
public record HubConfig(String host, int port, Path dataDir, SipDomain sip, Duration heartbeat,
                        RoutingConfig routing, Duration sessions) {

    public static final String DEFAULT_HOST = "127.0.0.1";
    public static final Duration DEFAULT_HEARTBEAT = Duration.ofSeconds(15);
    public static final Duration DEFAULT_SESSIONS = Duration.ofHours(12);

    public HubConfig {
        Objects.requireNonNull(host, "host");
        Objects.requireNonNull(dataDir, "dataDir");
        Objects.requireNonNull(heartbeat, "heartbeat");
        Objects.requireNonNull(routing, "routing");
        Objects.requireNonNull(sessions, "sessions");
        if (host.isBlank()) {
            throw new IllegalArgumentException("host must not be blank");
        }
        if (port < 0 || port > 65_535) {
            throw new IllegalArgumentException("port must be between 0 and 65535: " + port);
        }
        if (heartbeat.isNegative() || heartbeat.isZero()) {
            throw new IllegalArgumentException("heartbeat must be positive: " + heartbeat);
        }
        if (sessions.toSeconds() < 1) {
            throw new IllegalArgumentException("sessions must last at least a second: " + sessions);
        }
    }

    /** No SIP domain, the default heartbeat and routing. */
    public HubConfig(String host, int port, Path dataDir) {
        this(host, port, dataDir, null, DEFAULT_HEARTBEAT, RoutingConfig.DEFAULT, DEFAULT_SESSIONS);
    }

    /** The default routing. */
    public HubConfig(String host, int port, Path dataDir, SipDomain sip, Duration heartbeat) {
        this(host, port, dataDir, sip, heartbeat, RoutingConfig.DEFAULT, DEFAULT_SESSIONS);
    }

    /** The embedded default the app starts: loopback only, any free port. */
    public static HubConfig embedded(Path dataDir) {
        return new HubConfig(DEFAULT_HOST, 0, dataDir);
    }

    /**
     * The same hub handing out SIP accounts on {@code domainHostPort} (e.g. {@code pbx.example.org:5061}):
     * every user's SIP user name is their login, their password {@link SipDomain#passwordFor}.
     */
    public HubConfig withSip(String domainHostPort, SipTransport transport) {
        return withSip(SipDomain.parse(domainHostPort, transport));
    }

    public HubConfig withSip(SipDomain domain) {
        return new HubConfig(host, port, dataDir, domain, heartbeat, routing, sessions);
    }

    public HubConfig withHeartbeat(Duration interval) {
        return new HubConfig(host, port, dataDir, sip, interval, routing, sessions);
    }

    public HubConfig withRouting(RoutingConfig config) {
        return new HubConfig(host, port, dataDir, sip, heartbeat, config, sessions);
    }

    public HubConfig withSessions(Duration lifetime) {
        return new HubConfig(host, port, dataDir, sip, heartbeat, routing, lifetime);
    }
}
