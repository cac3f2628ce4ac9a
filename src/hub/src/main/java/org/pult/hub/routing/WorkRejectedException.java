package org.pult.hub.routing;

import org.pult.core.api.ApiError;
import org.pult.core.api.ApiErrorCodes;

/** Work the hub will not enqueue, with the HTTP status to answer. Nothing of it was stored. */
public final class WorkRejectedException extends RuntimeException {

    private final int status;
    private final String code;

    private WorkRejectedException(int status, String code, String message) {
        super(message, null, false, false);
        this.status = status;
        this.code = code;
    }

    static WorkRejectedException invalid(String message) {
        return new WorkRejectedException(400, ApiErrorCodes.BAD_REQUEST, message);
    }

    static WorkRejectedException noQueue(String queueId) {
        return new WorkRejectedException(404, ApiErrorCodes.NOT_FOUND, "No queue " + queueId);
    }

    public int status() {
        return status;
    }

    public ApiError toApiError() {
        return new ApiError(code, getMessage());
    }
}
