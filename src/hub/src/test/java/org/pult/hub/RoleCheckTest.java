package org.pult.hub;

import static org.assertj.core.api.Assertions.assertThat;
import static org.pult.hub.ApiAssertions.assertApiError;

import com.fasterxml.jackson.core.type.TypeReference;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.pult.core.api.ApiErrorCodes;
import org.pult.core.api.ApiPaths;
import org.pult.core.api.TeamMember;
import org.pult.core.model.OperatorState;
import org.pult.core.model.Role;

/** Supervisor endpoints are refused to operators by the hub itself. */
class RoleCheckTest {

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
    void anOperatorIsForbiddenTheTeamWithAJsonError() {
        HttpResponse<String> response = api.get(ApiPaths.TEAM, api.tokenFor("anna"));

        assertApiError(api, response, 403, ApiErrorCodes.FORBIDDEN);
        assertThat(response.body()).contains("SUPERVISOR").doesNotContain("Анна");
    }

    @Test
    void aSupervisorSeesEveryOperatorAndTheirState() {
        String james = api.tokenFor("james");
        new ApiActions(hub.baseUri(), api).post(james, ApiActions.state(OperatorState.NOT_READY, "TRAINING"));

        HttpResponse<String> response = api.get(ApiPaths.TEAM, api.tokenFor("oleg"));

        assertThat(response.statusCode()).isEqualTo(200);
        List<TeamMember> team = api.read(response, new TypeReference<>() { });
        assertThat(team).extracting(TeamMember::username).containsExactlyInAnyOrder("anna", "james", "oleg");
        assertThat(team).filteredOn(m -> m.username().equals("james")).singleElement().satisfies(m -> {
            assertThat(m.state()).isEqualTo(OperatorState.NOT_READY);
            assertThat(m.reasonCode()).isEqualTo("TRAINING");
            assertThat(m.role()).isEqualTo(Role.OPERATOR);
        });
        assertThat(response.body()).doesNotContain("pbkdf2", "password");
    }

    @Test
    void withoutATokenTheTeamIsUnauthorizedNotForbidden() {
        assertApiError(api, api.get(ApiPaths.TEAM, null), 401, ApiErrorCodes.UNAUTHORIZED);
    }

    @Test
    void onlySupervisorsAndAdminsSupervise() {
        assertThat(Role.OPERATOR.supervises()).isFalse();
        assertThat(Role.SUPERVISOR.supervises()).isTrue();
        assertThat(Role.ADMIN.supervises()).isTrue();
    }
}
