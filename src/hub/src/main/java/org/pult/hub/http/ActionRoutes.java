package org.pult.hub.http;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import org.pult.core.api.ActionRequest;
import org.pult.core.api.ApiPaths;
import org.pult.hub.actions.ActionService;
import org.pult.hub.store.StoredUser;

/** {@code POST /api/v1/actions}: 200 with the result, the same result with a header when replayed. */
final class ActionRoutes {

    private final BearerAuth bearerAuth;
    private final ActionService actions;
    private final JsonRequests requests;

    ActionRoutes(BearerAuth bearerAuth, ActionService actions, JsonRequests requests) {
        this.bearerAuth = bearerAuth;
        this.actions = actions;
        this.requests = requests;
    }

    void register(RoutesConfig routes) {
        routes.post(ApiPaths.ACTIONS, this::apply);
    }

    private void apply(Context ctx) throws Exception {
        StoredUser caller = bearerAuth.caller(ctx);
        ActionRequest request = requests.read(ctx, ActionRequest.class);
        ActionService.Outcome outcome = actions.apply(caller, request);
        if (outcome.replayed()) {
            ctx.header(ApiPaths.REPLAYED_HEADER, "true");
        }
        ctx.json(outcome.result());
    }
}
