package org.pult.core.api;

/**
 * The error codes of the REST contract. Clients map them to localized text.
 *
 * <p>For operator actions the HTTP status tells a permanent rejection from a transient failure:
 * 400, 403, 404, 409, 413 and 422 will fail the same way however often the action is sent (the
 * client shows it to the operator as rejected); 401 means sign in again; 408, 429 and 5xx, like
 * no answer at all, are worth retrying later.
 */
public final class ApiErrorCodes {
    public static final String INVALID_CREDENTIALS = "invalid_credentials";
    public static final String UNAUTHORIZED = "unauthorized";
    public static final String FORBIDDEN = "forbidden";
    public static final String NOT_FOUND = "not_found";
    public static final String BAD_REQUEST = "bad_request";
    /** Well-formed, but the action breaks a rule: unknown reason or disposition code, empty text (HTTP 422). */
    public static final String INVALID_ACTION = "invalid_action";
    /** The idempotency key was already used for a different action (HTTP 409). */
    public static final String IDEMPOTENCY_KEY_REUSED = "idempotency_key_reused";
    /** The request asks for a representation the endpoint does not serve (HTTP 406). */
    public static final String NOT_ACCEPTABLE = "not_acceptable";
    public static final String INTERNAL = "internal_error";

    private ApiErrorCodes() {
    }

    /**
     * Whether an error answer with this HTTP status means the request will never succeed as it
     * is, so retrying it is pointless (see the class comment).
     */
    public static boolean isPermanent(int httpStatus) {
        return switch (httpStatus) {
            case 400, 403, 404, 405, 409, 410, 413, 415, 422 -> true;
            default -> false;
        };
    }
}
