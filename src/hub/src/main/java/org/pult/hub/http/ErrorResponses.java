package org.pult.hub.http;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.javalin.http.HttpResponseException;
import org.pult.core.api.ApiError;
import org.pult.core.api.ApiErrorCodes;
import org.pult.hub.actions.ActionRejectedException;
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
        routes.exception(HttpResponseException.class, ErrorResponses::fromJavalin);
        routes.exception(Exception.class, (e, ctx) -> {
            LOG.error("Unhandled error on {} {}", ctx.method(), ctx.path(), e);
            write(ctx, 500, new ApiError(ApiErrorCodes.INTERNAL, "Internal server error"));
        });
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
        ctx.status(status).json(error);
    }
}
