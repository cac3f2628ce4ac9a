package org.pult.hub;

import static org.assertj.core.api.Assertions.assertThat;
import static org.pult.hub.ApiAssertions.assertApiError;

import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.pult.core.api.ApiErrorCodes;
import org.pult.core.api.ApiPaths;
import org.pult.core.api.LoginResponse;
import org.pult.core.api.TokenResponse;
import org.pult.core.model.OperatorProfile;
import org.pult.core.model.OperatorState;
import org.pult.hub.auth.Authenticator;

/**
 * Renewing a bearer token over the real API, with the test's clock: a shift longer than one
 * token's lifetime goes on without a new sign-in, the old token stops working soon after, and an
 * expired one cannot be renewed.
 */
class TokenRefreshApiTest {

    private static final Instant T0 = Instant.parse("2026-03-02T09:00:00Z");

    @TempDir
    Path dataDir;
    final MutableClock clock = new MutableClock(T0);
    HubServer hub;
    ApiCalls api;

    @BeforeEach
    void startHub() {
        hub = HubServer.start(HubConfig.embedded(dataDir), clock);
        api = new ApiCalls(hub.baseUri());
    }

    @AfterEach
    void stopHub() {
        hub.close();
    }

    @Test
    void signInSaysWhenTheTokenExpires() {
        LoginResponse login = api.read(api.login("anna", "pult-demo"), LoginResponse.class);

        assertThat(login.expiresAt()).isEqualTo(T0.plus(HubConfig.DEFAULT_SESSIONS));
    }

    @Test
    void aRenewedTokenCarriesAShiftPastTwelveHoursAndTheOldOneStopsSoonAfter() {
        String first = api.tokenFor("anna");
        new ApiActions(hub.baseUri(), api).post(first, ApiActions.state(OperatorState.READY, null));

        clock.advance(Duration.ofHours(8));
        TokenResponse renewed = renew(first);
        assertThat(renewed.token()).isNotEqualTo(first);
        assertThat(renewed.expiresAt()).isEqualTo(T0.plus(Duration.ofHours(8)).plus(HubConfig.DEFAULT_SESSIONS));

        // Requests already under way with the old token still pass for a moment...
        clock.advance(Authenticator.RENEWED_TOKEN_GRACE.minusSeconds(1));
        assertThat(api.get(ApiPaths.ME, first).statusCode()).isEqualTo(200);
        // ...then only the new one works.
        clock.advance(Duration.ofSeconds(2));
        assertApiError(api, api.get(ApiPaths.ME, first), 401, ApiErrorCodes.UNAUTHORIZED);
        assertApiError(api, api.post(ApiPaths.TOKEN_REFRESH, first, ""), 401, ApiErrorCodes.UNAUTHORIZED);

        // Fourteen hours after sign-in, past the first token's lifetime: still the same operator, still READY.
        clock.advance(Duration.ofHours(6));
        HttpResponse<String> me = api.get(ApiPaths.ME, renewed.token());
        assertThat(me.statusCode()).isEqualTo(200);
        OperatorProfile profile = api.read(me, OperatorProfile.class);
        assertThat(profile.username()).isEqualTo("anna");
        assertThat(profile.state()).isEqualTo(OperatorState.READY);

        // And it renews again.
        assertThat(renew(renewed.token()).expiresAt()).isAfter(renewed.expiresAt());
    }

    @Test
    void anExpiredOrUnknownTokenCannotBeRenewed() {
        String token = api.tokenFor("james");
        clock.advance(HubConfig.DEFAULT_SESSIONS.plusSeconds(1));

        assertApiError(api, api.post(ApiPaths.TOKEN_REFRESH, token, ""), 401, ApiErrorCodes.UNAUTHORIZED);
        assertApiError(api, api.post(ApiPaths.TOKEN_REFRESH, "not-a-token", ""), 401, ApiErrorCodes.UNAUTHORIZED);
        assertApiError(api, api.post(ApiPaths.TOKEN_REFRESH, null, ""), 401, ApiErrorCodes.UNAUTHORIZED);
    }

    @Test
    void renewingTwiceInARowLeavesTwoWorkingTokensAndNeitherOutlivesItsOwnExpiry() {
        String first = api.tokenFor("oleg");
        TokenResponse a = renew(first);
        TokenResponse b = renew(first); // a retry after a lost answer: the client may use either

        assertThat(api.get(ApiPaths.ME, a.token()).statusCode()).isEqualTo(200);
        assertThat(api.get(ApiPaths.ME, b.token()).statusCode()).isEqualTo(200);
        clock.advance(HubConfig.DEFAULT_SESSIONS.plusSeconds(1));
        assertApiError(api, api.get(ApiPaths.ME, a.token()), 401, ApiErrorCodes.UNAUTHORIZED);
    }

    private TokenResponse renew(String token) {
        HttpResponse<String> response = api.post(ApiPaths.TOKEN_REFRESH, token, "");
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return api.read(response, TokenResponse.class);
    }
}
