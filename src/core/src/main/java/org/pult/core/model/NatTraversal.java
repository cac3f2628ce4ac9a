package org.pult.core.model;

import java.util.Objects;

/**
 * How an operator's softphone gets its media through NAT (home operators behind a router), as the
 * backend provisions it. The TURN server is the STUN server (coturn serves both). The TURN
 * password never appears in {@link #toString()}.
 *
 * @param stunServer   {@code host[:port]} of the STUN/TURN server; empty for none
 * @param ice          whether calls gather and check ICE candidates
 * @param turnUsername empty when TURN is not used
 * @param turnPassword its password (time-limited credentials in the coturn REST scheme)
 */
public record NatTraversal(String stunServer, boolean ice, String turnUsername, String turnPassword) {

    public static final NatTraversal NONE = new NatTraversal("", false, "", "");

    public NatTraversal {
        stunServer = stunServer == null ? "" : stunServer.strip();
        turnUsername = turnUsername == null ? "" : turnUsername;
        turnPassword = turnPassword == null ? "" : turnPassword;
        if (!turnUsername.isEmpty() && stunServer.isEmpty()) {
            throw new IllegalArgumentException("TURN credentials need the TURN server (stunServer)");
        }
    }

    public boolean turn() {
        return !turnUsername.isEmpty();
    }

    @Override
    public String toString() {
        return "NatTraversal[stunServer=" + stunServer + ", ice=" + ice + ", turnUsername=" + turnUsername
                + ", turnPassword=" + (turnPassword.isEmpty() ? "<none>" : "***") + "]";
    }
}
