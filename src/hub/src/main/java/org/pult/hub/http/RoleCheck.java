package org.pult.hub.http;

import org.pult.core.api.ApiErrorCodes;
import org.pult.core.model.Role;
import org.pult.hub.store.StoredUser;

/**
 * Which roles may call what. Operator endpoints (profile, inbox, actions, events) are open to
 * every role, since supervisors and admins also handle conversations; supervisor endpoints need
 * SUPERVISOR or ADMIN; feeding work into queues needs ADMIN. The backend decides, never only the client's UI.
 */
final class RoleCheck {

    private RoleCheck() {
    }

    /** The caller if they supervise; a 403 {@link ApiProblem} otherwise. */
    static StoredUser requireSupervisor(StoredUser caller) {
        if (!caller.role().supervises()) {
            throw new ApiProblem(403, ApiErrorCodes.FORBIDDEN, "This needs the SUPERVISOR or ADMIN role");
        }
        return caller;
    }

    /** The caller if they are an ADMIN (integrations that feed work in sign in as one); a 403 otherwise. */
    static StoredUser requireAdmin(StoredUser caller) {
        if (caller.role() != Role.ADMIN) {
            throw new ApiProblem(403, ApiErrorCodes.FORBIDDEN, "This needs the ADMIN role");
        }
        return caller;
    }
}
