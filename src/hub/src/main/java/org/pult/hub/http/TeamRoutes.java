package org.pult.hub.http;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import org.pult.core.api.ApiPaths;
import org.pult.hub.store.StoredUser;
import org.pult.hub.store.UserStore;

/** Supervisor endpoints. */
final class TeamRoutes {

    private final BearerAuth bearerAuth;
    private final UserStore users;

    TeamRoutes(BearerAuth bearerAuth, UserStore users) {
        this.bearerAuth = bearerAuth;
        this.users = users;
    }

    void register(RoutesConfig routes) {
        routes.get(ApiPaths.TEAM, this::team);
    }

    private void team(Context ctx) throws Exception {
        RoleCheck.requireSupervisor(bearerAuth.caller(ctx));
        ctx.json(users.all().stream().map(StoredUser::teamMember).toList());
    }
}
