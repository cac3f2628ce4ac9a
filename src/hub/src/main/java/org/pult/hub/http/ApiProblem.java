package org.pult.hub.http;

import org.pult.core.api.ApiError;
import org.pult.core.api.ApiErrorCodes;

/**
 * A request the hub answers with an error. Thrown by handlers and turned into an {@link ApiError}
 * body by {@link ErrorResponses}; an expected outcome, so it carries no stack trace.
 */
final class ApiProblem extends RuntimeException {

    private final int status;
    private final String code;

    ApiProblem(int status, String code, String message) {
        super(message, null, false, false);
        this.status = status;
        this.code = code;
    }

    static ApiProblem badRequest(String message) {
        return new ApiProblem(400, ApiErrorCodes.BAD_REQUEST, message);
    }

    static ApiProblem unauthorized(String message) {
        return new ApiProblem(401, ApiErrorCodes.UNAUTHORIZED, message);
    }

    static ApiProblem invalidCredentials() {
        return new ApiProblem(401, ApiErrorCodes.INVALID_CREDENTIALS, "Unknown user or wrong password");
    }

    static ApiProblem notFound(String message) {
        return new ApiProblem(404, ApiErrorCodes.NOT_FOUND, message);
    }

    static ApiProblem tooLarge(int limitBytes) {
        return new ApiProblem(413, ApiErrorCodes.BAD_REQUEST, "Request body is larger than " + limitBytes + " bytes");
    }

    int status() {
        return status;
    }

    ApiError toApiError() {
        return new ApiError(code, getMessage());
    }
}
