package org.pult.hub;

import static org.assertj.core.api.Assertions.assertThat;
import static org.pult.hub.ApiAssertions.assertApiError;
import static org.pult.hub.ApiAssertions.assertJson;

import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.pult.core.api.ApiErrorCodes;
import org.pult.core.api.ApiPaths;
import org.pult.core.model.OperatorProfile;
import org.pult.core.model.OperatorState;

class BearerTokenTest {

    @TempDir
    static Path dataDir;
    static MutableClock clock = new MutableClock(Instant.parse("2026-03-02T09:00:00Z"));
    static HubServer hub;
    static ApiCalls api;

    @BeforeAll
    static void startHub() {
        hub = HubServer.start(HubConfig.embedded(dataDir), clock);
        api = new ApiCalls(hub.baseUri());
    }

    @AfterAll
    static void stopHub() {
        hub.close();
    }

    @Test
    void meAnswersWhoTheTokenBelongsToAndTheyAreNotReadyAfterSignIn() {
        HttpResponse<String> response = api.get(ApiPaths.ME, api.tokenFor("james"));

        assertThat(response.statusCode()).isEqualTo(200);
        assertJson(response);
        OperatorProfile me = api.read(response, OperatorProfile.class);
        assertThat(me.username()).isEqualTo("james");
        assertThat(me.displayName()).isEqualTo("James Walker");
        assertThat(me.state()).isEqualTo(OperatorState.NOT_READY);
    }

    @Test
    void withoutATokenEveryProtectedEndpointIsUnauthorized() {
        for (String path : new String[] {ApiPaths.ME, ApiPaths.CONVERSATIONS, ApiPaths.messagesOf("any")}) {
            HttpResponse<String> response = api.get(path, null);

            assertApiError(api, response, 401, ApiErrorCodes.UNAUTHORIZED);
            assertThat(response.headers().firstValue("WWW-Authenticate")).hasValue("Bearer");
        }
    }

    @Test
    void aGarbageTokenIsUnauthorized() {
        assertApiError(api, api.get(ApiPaths.ME, "not-a-token"), 401, ApiErrorCodes.UNAUTHORIZED);
        assertApiError(api, api.get(ApiPaths.ME, "   "), 401, ApiErrorCodes.UNAUTHORIZED);
    }

    @Test
    void anotherAuthorizationSchemeIsUnauthorized() {
        String token = api.tokenFor("anna");
        HttpResponse<String> basic = api.getWithAuthorization(ApiPaths.ME, "Basic " + token);

        assertApiError(api, basic, 401, ApiErrorCodes.UNAUTHORIZED);
    }

    @Test
    void aTokenExpiresTwelveHoursAfterSignIn() {
        String token = api.tokenFor("oleg");

        clock.advance(Duration.ofHours(12).minusMinutes(1));
        assertThat(api.get(ApiPaths.ME, token).statusCode()).isEqualTo(200);

        clock.advance(Duration.ofMinutes(1));
        assertApiError(api, api.get(ApiPaths.ME, token), 401, ApiErrorCodes.UNAUTHORIZED);
    }
}
