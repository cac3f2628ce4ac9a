package org.pult.core.api;

import org.pult.core.model.OperatorState;
import org.pult.core.model.Role;

/** One row of {@code GET /api/v1/team}: a person and their current state. */
public record TeamMember(String id, String username, String displayName, Role role, OperatorState state,
                         String reasonCode) {
}
