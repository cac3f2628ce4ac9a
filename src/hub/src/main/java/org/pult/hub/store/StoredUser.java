package org.pult.hub.store;

import org.pult.core.api.TeamMember;
import org.pult.core.model.OperatorProfile;
import org.pult.core.model.OperatorState;
import org.pult.core.model.Role;

/** A user row, including the password hash that never leaves the hub. */
public record StoredUser(
        String id, String username, String displayName, Role role, String passwordHash, OperatorState state,
        String reasonCode) {

    public StoredUser withState(OperatorState newState) {
        return new StoredUser(id, username, displayName, role, passwordHash, newState, null);
    }

    /** The profile without a SIP account; see {@link org.pult.hub.sip.SipProvisioning}. */
    public OperatorProfile profile() {
        return new OperatorProfile(id, username, displayName, role, state);
    }

    public TeamMember teamMember() {
        return new TeamMember(id, username, displayName, role, state, reasonCode);
    }

    @Override
    public String toString() {
        return "StoredUser[id=" + id + ", username=" + username + ", role=" + role + ", state=" + state + "]";
    }
}
