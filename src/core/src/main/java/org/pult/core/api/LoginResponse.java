package org.pult.core.api;

import java.time.Instant;
import org.pult.core.model.OperatorProfile;

/**
 * Answer to a successful sign-in: a bearer token, when it expires, and who it belongs to. A
 * client renews the token before {@code expiresAt} at {@link ApiPaths#TOKEN_REFRESH}; a backend
 * that does not say when it expires ({@code expiresAt} null) is never asked to.
 */
public record LoginResponse(String token, OperatorProfile operator, Instant expiresAt) {

    public LoginResponse(String token, OperatorProfile operator) {
        this(token, operator, null);
    }

    @Override
    public String toString() {
        return "LoginResponse[token=***, operator=" + operator + ", expiresAt=" + expiresAt + "]";
    }
}
