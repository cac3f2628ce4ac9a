package org.pult.hub.http;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.javalin.http.HttpResponseException;
import org.pult.core.api.ApiError;
import org.pult.core.api.ApiErrorCodes;
import org.pult.hub.actions.ActionRejectedException;
import org.pult.hub.routing.WorkRejectedException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Turns every failure into a JSON {@link ApiError}; clients never see HTML or a stack trace. */
final class ErrorResponses {

    private static final Logger LOG = LoggerFactory.getLogger(ErrorResponses.class);

    private ErrorResponses() {
    }

    static void register(RoutesConfig routes) {
        routes.exception(ApiProblem.class, (problem, ctx) -> write(ctx, problem.status(), problem.toApiError()));
        routes.exception(ActionRejectedException.class,
                (rejection, ctx) -> write(ctx, rejection.status(), rejection.toApiError()));
        routes.exception(WorkRejectedException.class,
                (rejection, ctx) -> write(ctx, rejection.status(), rejection.toApiError()));
        routes.exception(HttpResponseException.class, ErrorResponses::fromJavalin);
        routes.exception(Exception.class, (e, ctx) -> {
            if (requestGone(ctx)) {
                // An event stream still running while the hub stops: Jetty has recycled its request.
                // Touching it throws again, and Javalin would hand that back here without end.
                LOG.debug("Error after the request was recycled (hub stopping): {}", e.toString());
                return;
            }
            LOG.error("Unhandled error on {} {}", ctx.method(), ctx.path(), e);
            write(ctx, 500, new ApiError(ApiErrorCodes.INTERNAL, "Internal server error"));
        });
    }

    private static boolean requestGone(Context ctx) {
        try {
            ctx.path();
            return false;
        } catch (RuntimeException recycled) {
            return true;
        }
    }

    /** Javalin's own refusals: no matching endpoint, body over its limit, and the like. */
    private static void fromJavalin(HttpResponseException e, Context ctx) {
        int status = e.getStatus();
        String message = status == 404
                ? "No endpoint " + ctx.method() + " " + ctx.path()
                : e.getMessage();
        write(ctx, status, new ApiError(codeFor(status), message));
    }

    static String codeFor(int status) {
        return switch (status) {
            case 401 -> ApiErrorCodes.UNAUTHORIZED;
            case 403 -> ApiErrorCodes.FORBIDDEN;
            case 404 -> ApiErrorCodes.NOT_FOUND;
            default -> status >= 500 ? ApiErrorCodes.INTERNAL : ApiErrorCodes.BAD_REQUEST;
        };
    }

    private static void write(Context ctx, int status, ApiError error) {
        try {
            ctx.status(status).json(error);
        } catch (RuntimeException recycled) {
            // The connection or request is gone (client hung up, hub stopping): nobody to answer.
            LOG.debug("Could not answer {} {}: {}", status, error.code(), recycled.toString());
        }
    }
}
