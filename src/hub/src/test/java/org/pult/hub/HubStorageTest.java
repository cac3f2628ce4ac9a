package org.pult.hub;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.core.type.TypeReference;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.pult.core.api.ApiPaths;
import org.pult.core.model.Conversation;
import org.pult.hub.auth.SessionTokens;

class HubStorageTest {

    private static final TypeReference<List<Conversation>> CONVERSATIONS = new TypeReference<>() { };

    @TempDir
    Path dataDir;

    @Test
    void aRestartOnTheSameDataKeepsEverythingAndDoesNotSeedAgain() throws SQLException {
        List<String> idsBefore;
        String token;
        try (HubServer hub = HubServer.start(HubConfig.embedded(dataDir))) {
            ApiCalls api = new ApiCalls(hub.baseUri());
            token = api.tokenFor("anna");
            idsBefore = ids(api.read(api.get(ApiPaths.CONVERSATIONS, token), CONVERSATIONS));
        }
        long usersBefore = count("users");
        long messagesBefore = count("messages");

        try (HubServer hub = HubServer.start(HubConfig.embedded(dataDir))) {
            ApiCalls api = new ApiCalls(hub.baseUri());
            List<Conversation> after = api.read(api.get(ApiPaths.CONVERSATIONS, token), CONVERSATIONS);

            assertThat(ids(after)).containsExactlyElementsOf(idsBefore);
        }
        assertThat(count("users")).isEqualTo(usersBefore).isEqualTo(3);
        assertThat(count("customers")).isEqualTo(count("conversations"));
        assertThat(count("messages")).isEqualTo(messagesBefore);
    }

    @Test
    void passwordsAreStoredAsSaltedPbkdf2HashesNeverInPlain() throws SQLException {
        HubServer.start(HubConfig.embedded(dataDir)).close();

        List<String> hashes = column("SELECT password_hash FROM users");

        assertThat(hashes).hasSize(3).doesNotHaveDuplicates();
        assertThat(hashes).allSatisfy(hash -> assertThat(hash)
                .startsWith("pbkdf2-sha256$600000$")
                .doesNotContain(ApiCalls.DEMO_PASSWORD));
    }

    @Test
    void sessionsKeepOnlyADigestOfTheToken() throws SQLException {
        String token;
        try (HubServer hub = HubServer.start(HubConfig.embedded(dataDir))) {
            token = new ApiCalls(hub.baseUri()).tokenFor("james");
        }

        assertThat(column("SELECT token_sha256 FROM sessions"))
                .containsExactly(SessionTokens.digest(token))
                .doesNotContain(token);
    }

    @Test
    void theDatabaseIsInWalModeAtTheLatestSchemaVersion() throws SQLException {
        HubServer.start(HubConfig.embedded(dataDir)).close();

        assertThat(column("PRAGMA journal_mode")).containsExactly("wal");
        assertThat(column("PRAGMA user_version")).containsExactly("3");
    }

    @Test
    void aDatabaseFromANewerHubIsRefusedUntouched() throws SQLException {
        HubServer.start(HubConfig.embedded(dataDir)).close();
        execute("PRAGMA user_version = 99");

        assertThatThrownBy(() -> HubServer.start(HubConfig.embedded(dataDir)))
                .isInstanceOf(HubStartException.class)
                .hasMessageContaining("99")
                .hasMessageContaining(dataDir.toString());
        assertThat(column("PRAGMA user_version")).containsExactly("99");
    }

    @Test
    void aDataDirectoryThatIsAFileIsAClearStartFailure() throws Exception {
        Path notADirectory = java.nio.file.Files.writeString(dataDir.resolve("plain-file"), "x");

        assertThatThrownBy(() -> HubServer.start(HubConfig.embedded(notADirectory)))
                .isInstanceOf(HubStartException.class)
                .hasMessageContaining(notADirectory.toString());
    }

    private long count(String table) throws SQLException {
        return Long.parseLong(column("SELECT count(*) FROM " + table).getFirst());
    }

    private List<String> column(String sql) throws SQLException {
        try (Connection connection = open();
             Statement statement = connection.createStatement();
             ResultSet rows = statement.executeQuery(sql)) {
            List<String> values = new ArrayList<>();
            while (rows.next()) {
                values.add(rows.getString(1));
            }
            return values;
        }
    }

    private void execute(String sql) throws SQLException {
        try (Connection connection = open(); Statement statement = connection.createStatement()) {
            statement.execute(sql);
        }
    }

    private Connection open() throws SQLException {
        return DriverManager.getConnection("jdbc:sqlite:" + dataDir.resolve("hub.db"));
    }

    private static List<String> ids(List<Conversation> conversations) {
        return conversations.stream().map(Conversation::id).toList();
    }
}
