package org.pult.hub.http;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import org.pult.core.api.ActionBatch;
import org.pult.core.api.ActionRequest;
import org.pult.core.api.ApiPaths;
import org.pult.hub.actions.ActionService;
import org.pult.hub.store.StoredUser;

/**
 * {@code POST /api/v1/actions}: 200 with the result, the same result with a header when replayed.
 * {@code POST /api/v1/actions/batch}: up to {@link ActionBatch#MAX_ACTIONS} in order, 200 with an
 * answer for each (applied, replayed, or rejected with the status a single request would get).
 */
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
        routes.post(ApiPaths.ACTION_BATCHES, this::applyAll);
    }

    private void applyAll(Context ctx) throws Exception {
        StoredUser caller = bearerAuth.caller(ctx);
        ActionBatch batch = requests.read(ctx, ActionBatch.class);
        if (batch.actions().isEmpty() || batch.actions().size() > ActionBatch.MAX_ACTIONS) {
            throw ApiProblem.badRequest("A batch holds 1 to " + ActionBatch.MAX_ACTIONS + " actions, not "
                    + batch.actions().size());
        }
        ctx.json(actions.applyAll(caller, batch));
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
