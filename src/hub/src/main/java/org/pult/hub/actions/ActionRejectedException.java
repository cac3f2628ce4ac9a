package org.pult.hub.actions;

import org.pult.core.api.ApiError;
import org.pult.core.api.ApiErrorCodes;

/**
 * An action the hub will not apply, with the HTTP status and {@link ApiErrorCodes code} to answer.
 * Nothing of it was stored. An expected outcome, so it carries no stack trace.
 */
public final class ActionRejectedException extends RuntimeException {

    private final int status;
    private final String code;

    ActionRejectedException(int status, String code, String message) {
        super(message, null, false, false);
        this.status = status;
        this.code = code;
    }

    static ActionRejectedException malformed(String message) {
        return new ActionRejectedException(400, ApiErrorCodes.BAD_REQUEST, message);
    }

    static ActionRejectedException invalid(String message) {
        return new ActionRejectedException(422, ApiErrorCodes.INVALID_ACTION, message);
    }

    static ActionRejectedException noConversation(String conversationId) {
        return new ActionRejectedException(404, ApiErrorCodes.NOT_FOUND, "No conversation " + conversationId);
    }

    static ActionRejectedException keyReused() {
        return new ActionRejectedException(409, ApiErrorCodes.IDEMPOTENCY_KEY_REUSED,
                "This idempotency key was already used for a different action");
    }

    public int status() {
        return status;
    }

    public ApiError toApiError() {
        return new ApiError(code, getMessage());
    }
}
