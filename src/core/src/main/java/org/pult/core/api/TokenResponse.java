package org.pult.core.api;

import java.time.Instant;

/** A renewed bearer token and when it expires; the token it replaces stops working shortly after. */
public record TokenResponse(String token, Instant expiresAt) {
    @Override
    public String toString() {
        return "TokenResponse[token=***, expiresAt=" + expiresAt + "]";
    }
}
