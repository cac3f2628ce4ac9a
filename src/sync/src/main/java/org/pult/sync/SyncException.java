package org.pult.sync;

import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * Talking to the backend failed. {@link #reason()} is what the app turns into localized text; the
 * message is an English detail for logs and never contains a password or token.
 */
public final class SyncException extends Exception {

    /** Why the call failed, coarse enough for the app to explain it to an operator. */
    public enum Reason {
        /** The configured backend address is not a usable http(s) URL. */
        BAD_URL,
        /** No answer: connection refused, timed out, or the host name does not resolve. */
        UNREACHABLE,
        /** The backend refused the user name or password. */
        INVALID_CREDENTIALS,
        /** The token is missing, unknown or expired; sign in again. */
        UNAUTHORIZED,
        /** The backend answered with another error status. */
        SERVER_ERROR,
        /** The answer is not what a Pult backend sends: not JSON, or JSON of the wrong shape. */
        MALFORMED_RESPONSE
    }

    private final Reason reason;
    private final int httpStatus;
    private final String apiErrorCode;

    public SyncException(Reason reason, String message) {
        this(reason, message, null);
    }

    public SyncException(Reason reason, String message, Throwable cause) {
        this(reason, message, cause, 0, null);
    }

    SyncException(Reason reason, String message, Throwable cause, int httpStatus, String apiErrorCode) {
        super(message, cause);
        this.reason = Objects.requireNonNull(reason, "reason");
        this.httpStatus = httpStatus;
        this.apiErrorCode = apiErrorCode;
    }

    public Reason reason() {
        return reason;
    }

    /** The HTTP status of the backend's answer, if there was one. */
    public OptionalInt httpStatus() {
        return httpStatus == 0 ? OptionalInt.empty() : OptionalInt.of(httpStatus);
    }

    /**
     * Whether the backend refused the request for good (HTTP 400, 403, 404, 409, 413, 422 with a
     * Pult error body): sending it again will fail the same way. Everything else, including
     * answers that are not Pult's (an HTML error page from a proxy), may pass.
     */
    public boolean isPermanent() {
        return reason == Reason.SERVER_ERROR && apiErrorCode != null
                && org.pult.core.api.ApiErrorCodes.isPermanent(httpStatus);
    }

    /** The {@code ApiError} code from the answer's body, if it had one. */
    public Optional<String> apiErrorCode() {
        return Optional.ofNullable(apiErrorCode);
    }
}
