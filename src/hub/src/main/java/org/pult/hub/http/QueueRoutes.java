package org.pult.hub.http;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import org.pult.core.api.ApiPaths;
import org.pult.core.api.EnqueueRequest;
import org.pult.hub.routing.Intake;
import org.pult.hub.routing.QueueStore;

/**
 * Routing queues: {@code GET /api/v1/queues} for supervisors and admins, and
 * {@code POST /api/v1/queues/{queueId}/items} (201 with the new item, 200 when the message joined
 * the customer's item that was already open) for admins.
 */
final class QueueRoutes {

    private static final String QUEUE_ID = "queueId";

    private final BearerAuth bearerAuth;
    private final QueueStore queues;
    private final Intake intake;
    private final JsonRequests requests;

    QueueRoutes(BearerAuth bearerAuth, QueueStore queues, Intake intake, JsonRequests requests) {
        this.bearerAuth = bearerAuth;
        this.queues = queues;
        this.intake = intake;
        this.requests = requests;
    }

    void register(RoutesConfig routes) {
        routes.get(ApiPaths.QUEUES, this::list);
        routes.post(ApiPaths.itemsOf("{" + QUEUE_ID + "}"), this::enqueue);
    }

    private void list(Context ctx) throws Exception {
        RoleCheck.requireSupervisor(bearerAuth.caller(ctx));
        ctx.json(queues.summaries());
    }

    private void enqueue(Context ctx) throws Exception {
        RoleCheck.requireAdmin(bearerAuth.caller(ctx));
        EnqueueRequest request = requests.read(ctx, EnqueueRequest.class);
        Intake.Enqueued enqueued = intake.enqueue(ctx.pathParam(QUEUE_ID), request);
        ctx.status(enqueued.created() ? 201 : 200).json(enqueued.item());
    }
}
