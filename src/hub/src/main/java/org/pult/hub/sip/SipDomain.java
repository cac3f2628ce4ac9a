package org.pult.hub.sip;

import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import org.pult.core.model.SipTransport;

/**
 * The SIP registrar the hub's operators register with. Each user's SIP user name is their login;
 * the password is the one set for them here, or else the public demo password
 * {@code <login>-sip-demo} that the lab registrar is provisioned with.
 *
 * @param host      domain or address of the registrar, also the domain of identities
 * @param port      its port
 * @param transport how clients reach it
 * @param passwords SIP passwords by login that override the demo ones
 * @param relay     the STUN/TURN server for operators' media; null when media needs no NAT help
 */
public record SipDomain(String host, int port, SipTransport transport, Map<String, String> passwords, MediaRelay relay) {

    /** The demo SIP password of {@code login}, public like the demo sign-in password. */
    public static String demoPassword(String login) {
        return login + "-sip-demo";
    }

    public SipDomain(String host, int port, SipTransport transport, Map<String, String> passwords) {
        this(host, port, transport, passwords, null);
    }

    public SipDomain {
        Objects.requireNonNull(host, "host");
        Objects.requireNonNull(transport, "transport");
        passwords = Map.copyOf(passwords);
        if (host.isBlank() || host.contains(" ") || host.contains("@")) {
            throw new IllegalArgumentException("not a SIP domain: '" + host + "'");
        }
        if (port < 1 || port > 65_535) {
            throw new IllegalArgumentException("SIP port must be between 1 and 65535: " + port);
        }
    }

    /**
     * {@code host:port}, {@code host} (port 5060, or 5061 for TLS), or {@code [v6]:port}.
     *
     * @throws IllegalArgumentException saying what is wrong
     */
    public static SipDomain parse(String hostPort, SipTransport transport) {
        Objects.requireNonNull(hostPort, "hostPort");
        Objects.requireNonNull(transport, "transport");
        String text = hostPort.strip();
        int defaultPort = transport == SipTransport.TLS ? 5061 : 5060;
        String host;
        String port = null;
        if (text.startsWith("[")) {
            int close = text.indexOf(']');
            if (close < 0) {
                throw new IllegalArgumentException("not a SIP domain: '" + hostPort + "'");
            }
            host = text.substring(0, close + 1);
            if (close + 1 < text.length()) {
                if (text.charAt(close + 1) != ':') {
                    throw new IllegalArgumentException("not a SIP domain: '" + hostPort + "'");
                }
                port = text.substring(close + 2);
            }
        } else {
            int colon = text.lastIndexOf(':');
            host = colon < 0 ? text : text.substring(0, colon);
            port = colon < 0 ? null : text.substring(colon + 1);
        }
        int portNumber;
        try {
            portNumber = port == null ? defaultPort : Integer.parseInt(port);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("SIP port must be a number, got '" + port + "'");
        }
        return new SipDomain(host.toLowerCase(Locale.ROOT), portNumber, transport, Map.of());
    }

    public SipDomain withPassword(String login, String password) {
        Map<String, String> more = new TreeMap<>(passwords);
        more.put(Objects.requireNonNull(login, "login"), Objects.requireNonNull(password, "password"));
        return new SipDomain(host, port, transport, more, relay);
    }

    public SipDomain withRelay(MediaRelay newRelay) {
        return new SipDomain(host, port, transport, passwords, newRelay);
    }

    public String passwordFor(String login) {
        return passwords.getOrDefault(login, demoPassword(login));
    }

    @Override
    public String toString() {
        return "SipDomain[" + host + ":" + port + ", " + transport + ", " + passwords.size() + " passwords set"
                + (relay == null ? "" : ", " + relay) + "]";
    }
}
