package org.pult.core.api;

/** The error codes of the REST contract. Clients map them to localized text. */
public final class ApiErrorCodes {
    public static final String INVALID_CREDENTIALS = "invalid_credentials";
    public static final String UNAUTHORIZED = "unauthorized";
    public static final String FORBIDDEN = "forbidden";
    public static final String NOT_FOUND = "not_found";
    public static final String BAD_REQUEST = "bad_request";
    public static final String INTERNAL = "internal_error";

    private ApiErrorCodes() {
    }
}
