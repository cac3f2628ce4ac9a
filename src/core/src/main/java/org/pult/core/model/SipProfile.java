package org.pult.core.model;

import java.util.Objects;

/**
 * The SIP account the backend provisions for an operator, for the softphone to register with.
 * The password never appears in {@link #toString()}.
 *
 * @param identity  address of record, e.g. {@code sip:anna@pbx.example.org}
 * @param registrar where to register, e.g. {@code sip:pbx.example.org:5061}
 * @param transport how to reach the registrar
 * @param username  digest user name
 * @param password  digest password
 * @param nat       STUN/TURN/ICE for the media; {@link NatTraversal#NONE} when the backend sends none
 */
public record SipProfile(String identity, String registrar, SipTransport transport, String username, String password,
                         NatTraversal nat) {
    public SipProfile {
        nat = nat == null ? NatTraversal.NONE : nat;
        Objects.requireNonNull(identity, "identity");
        Objects.requireNonNull(registrar, "registrar");
        Objects.requireNonNull(transport, "transport");
        Objects.requireNonNull(username, "username");
        Objects.requireNonNull(password, "password");
    }

    /** Without NAT traversal: media goes straight between the two ends. */
    public SipProfile(String identity, String registrar, SipTransport transport, String username, String password) {
        this(identity, registrar, transport, username, password, NatTraversal.NONE);
    }

    @Override
    public String toString() {
        return "SipProfile[identity=" + identity + ", registrar=" + registrar + ", transport=" + transport
                + ", username=" + username + ", password=***, nat=" + nat + "]";
    }
}
