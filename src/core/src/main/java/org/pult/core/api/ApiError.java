package org.pult.core.api;

/**
 * Every error the backend returns is this JSON body. {@code code} is stable and machine-readable
 * (see {@link ApiErrorCodes}); {@code message} is for logs and people, in English.
 */
public record ApiError(String code, String message) {
}
