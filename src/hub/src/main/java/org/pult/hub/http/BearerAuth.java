package org.pult.hub.http;

import io.javalin.http.Context;
import java.sql.SQLException;
import org.pult.core.api.TokenResponse;
import org.pult.hub.auth.Authenticator;
import org.pult.hub.store.StoredUser;

/** Resolves the caller of a request from its {@code Authorization: Bearer} header. */
final class BearerAuth {

    private static final String SCHEME = "Bearer ";

    private final Authenticator authenticator;

    BearerAuth(Authenticator authenticator) {
        this.authenticator = authenticator;
    }

    /** The signed-in caller, or a 401 {@link ApiProblem}. */
    StoredUser caller(Context ctx) throws SQLException {
        return authenticator.userFor(token(ctx))
                .orElseThrow(() -> challenge(ctx, "Invalid or expired token"));
    }

    /** The caller's token renewed, or a 401 {@link ApiProblem}. */
    TokenResponse renew(Context ctx) throws SQLException {
        return authenticator.renew(token(ctx))
                .orElseThrow(() -> challenge(ctx, "Invalid or expired token"));
    }

    private static String token(Context ctx) {
        String header = ctx.header("Authorization");
        if (header == null || !header.regionMatches(true, 0, SCHEME, 0, SCHEME.length())) {
            throw challenge(ctx, "Missing bearer token");
        }
        String token = header.substring(SCHEME.length()).trim();
        if (token.isEmpty()) {
            throw challenge(ctx, "Missing bearer token");
        }
        return token;
    }

    private static ApiProblem challenge(Context ctx, String message) {
        ctx.header("WWW-Authenticate", "Bearer");
        return ApiProblem.unauthorized(message);
    }
}
