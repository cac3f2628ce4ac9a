package org.pult.core.model;

import java.util.Objects;

/**
 * The signed-in person as the backend knows them.
 *
 * @param sip the SIP account to register the softphone with; null when the backend has no SIP
 *            domain configured
 */
public record OperatorProfile(String id, String username, String displayName, Role role, OperatorState state,
                              SipProfile sip) {
    public OperatorProfile {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(username, "username");
        Objects.requireNonNull(displayName, "displayName");
        Objects.requireNonNull(role, "role");
        Objects.requireNonNull(state, "state");
    }

    /** A profile without a SIP account. */
    public OperatorProfile(String id, String username, String displayName, Role role, OperatorState state) {
        this(id, username, displayName, role, state, null);
    }

    public OperatorProfile withSip(SipProfile account) {
        return new OperatorProfile(id, username, displayName, role, state, account);
    }

    public OperatorProfile withState(OperatorState newState) {
        return new OperatorProfile(id, username, displayName, role, newState, sip);
    }
}
