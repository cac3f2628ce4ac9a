package org.pult.core.model;

import java.util.Objects;

/** The signed-in person as the backend knows them. */
public record OperatorProfile(String id, String username, String displayName, Role role, OperatorState state) {
    public OperatorProfile {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(username, "username");
        Objects.requireNonNull(displayName, "displayName");
        Objects.requireNonNull(role, "role");
        Objects.requireNonNull(state, "state");
    }
}
