package org.pult.hub;

import static org.assertj.core.api.Assertions.assertThat;
import static org.pult.hub.ApiAssertions.assertApiError;
import static org.pult.hub.ApiAssertions.assertJson;

import java.net.http.HttpResponse;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.pult.core.api.ApiError;
import org.pult.core.api.ApiErrorCodes;
import org.pult.core.api.ApiPaths;
import org.pult.core.api.LoginResponse;
import org.pult.core.model.OperatorState;
import org.pult.core.model.Role;

class LoginApiTest {

    @TempDir
    static Path dataDir;
    static HubServer hub;
    static ApiCalls api;

    @BeforeAll
    static void startHub() {
        hub = HubServer.start(HubConfig.embedded(dataDir));
        api = new ApiCalls(hub.baseUri());
    }

    @AfterAll
    static void stopHub() {
        hub.close();
    }

    @Test
    void healthNeedsNoSignIn() {
        HttpResponse<String> response = api.get(ApiPaths.HEALTH, null);

        assertThat(response.statusCode()).isEqualTo(200);
        assertJson(response);
        assertThat(response.body()).isEqualTo("{\"status\":\"ok\"}");
    }

    @Test
    void aDemoOperatorSignsInAndGetsAnOpaqueTokenAndTheirProfile() {
        HttpResponse<String> response = api.login("anna", "pult-demo");

        assertThat(response.statusCode()).isEqualTo(200);
        assertJson(response);
        LoginResponse login = api.read(response, LoginResponse.class);
        assertThat(login.token()).matches("[A-Za-z0-9_-]{43}");
        assertThat(login.operator().username()).isEqualTo("anna");
        assertThat(login.operator().displayName()).isEqualTo("Анна Петрова");
        assertThat(login.operator().role()).isEqualTo(Role.OPERATOR);
        assertThat(login.operator().state()).isEqualTo(OperatorState.NOT_READY);
    }

    @Test
    void eachSignInGetsItsOwnToken() {
        assertThat(api.tokenFor("james")).isNotEqualTo(api.tokenFor("james"));
    }

    @Test
    void theSupervisorSignsInWithTheirRole() {
        LoginResponse login = api.read(api.login("oleg", "pult-demo"), LoginResponse.class);

        assertThat(login.operator().role()).isEqualTo(Role.SUPERVISOR);
        assertThat(login.operator().displayName()).isEqualTo("Олег Смирнов");
    }

    @Test
    void aWrongPasswordIsRefused() {
        HttpResponse<String> response = api.login("anna", "pult-demo!");

        assertApiError(api, response, 401, ApiErrorCodes.INVALID_CREDENTIALS);
    }

    @Test
    void anUnknownUserGetsTheSameAnswerAsAWrongPassword() {
        ApiError unknownUser = assertApiError(api, api.login("nobody", "pult-demo"), 401, ApiErrorCodes.INVALID_CREDENTIALS);
        ApiError wrongPassword = assertApiError(api, api.login("anna", "nope"), 401, ApiErrorCodes.INVALID_CREDENTIALS);

        assertThat(unknownUser).isEqualTo(wrongPassword);
    }

    @Test
    void malformedJsonIsABadRequest() {
        HttpResponse<String> response = api.post(ApiPaths.LOGIN, "{\"username\": \"anna\", \"password\": ");

        ApiError error = assertApiError(api, response, 400, ApiErrorCodes.BAD_REQUEST);
        assertThat(error.message()).contains("not valid JSON");
    }

    @Test
    void missingFieldsAreABadRequestThatNamesThem() {
        ApiError error = assertApiError(api, api.post(ApiPaths.LOGIN, "{\"username\": \"anna\"}"), 400,
                ApiErrorCodes.BAD_REQUEST);

        assertThat(error.message()).contains("username").contains("password");
    }

    @Test
    void jsonOfTheWrongShapeIsABadRequest() {
        assertApiError(api, api.post(ApiPaths.LOGIN, "[\"anna\", \"pult-demo\"]"), 400, ApiErrorCodes.BAD_REQUEST);
        assertApiError(api, api.post(ApiPaths.LOGIN, "null"), 400, ApiErrorCodes.BAD_REQUEST);
        assertApiError(api, api.post(ApiPaths.LOGIN, ""), 400, ApiErrorCodes.BAD_REQUEST);
    }

    @Test
    void theBadRequestMessageNeverEchoesThePassword() {
        HttpResponse<String> response = api.post(ApiPaths.LOGIN, "{\"username\": \"anna\", \"password\": \"hunter2-secret\"");

        assertApiError(api, response, 400, ApiErrorCodes.BAD_REQUEST);
        assertThat(response.body()).doesNotContain("hunter2-secret");
    }

    @Test
    void aBodyOver64KiBIsRefused() {
        String huge = "{\"username\": \"anna\", \"password\": \"" + "x".repeat(65 * 1024) + "\"}";

        assertApiError(api, api.post(ApiPaths.LOGIN, huge), 413, ApiErrorCodes.BAD_REQUEST);
    }

    @Test
    void aClientStillSendingAHugeBodyGetsThe413RatherThanAResetConnection() {
        String huge = "{\"username\": \"anna\", \"password\": \"" + "x".repeat(900 * 1024) + "\"}";

        for (int attempt = 0; attempt < 20; attempt++) {
            assertApiError(api, api.post(ApiPaths.LOGIN, huge), 413, ApiErrorCodes.BAD_REQUEST);
        }
    }

    @Test
    void aBodyJustUnderTheLimitIsRead() {
        String large = "{\"username\": \"anna\", \"password\": \"" + "x".repeat(63 * 1024) + "\"}";

        assertApiError(api, api.post(ApiPaths.LOGIN, large), 401, ApiErrorCodes.INVALID_CREDENTIALS);
    }
}
