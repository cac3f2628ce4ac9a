package org.pult.hub;

import static org.assertj.core.api.Assertions.assertThat;
import static org.pult.hub.ApiAssertions.assertApiError;

import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.pult.core.api.ApiErrorCodes;
import org.pult.core.api.ApiPaths;

class InternalErrorTest {

    @TempDir
    Path dataDir;

    @Test
    void aFailureInsideTheHubIsA500WithoutInternals() throws Exception {
        try (HubServer hub = HubServer.start(HubConfig.embedded(dataDir))) {
            ApiCalls api = new ApiCalls(hub.baseUri());
            String token = api.tokenFor("anna");
            // Sabotage the storage under the running hub, so the next query fails for real.
            try (Connection connection = DriverManager.getConnection("jdbc:sqlite:" + dataDir.resolve("hub.db"));
                 Statement statement = connection.createStatement()) {
                statement.execute("DROP TABLE messages");
            }

            HttpResponse<String> response = api.get(ApiPaths.CONVERSATIONS, token);

            assertApiError(api, response, 500, ApiErrorCodes.INTERNAL);
            assertThat(response.body()).doesNotContain("SQL", "Exception", "at org.", "messages");
        }
    }
}
