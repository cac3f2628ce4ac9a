package org.pult.app.session;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.DriverManager;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.pult.cache.CacheDatabase;
import org.pult.cache.CacheOpenException;
import org.pult.cache.DraftStore;
import org.pult.hub.HubConfig;
import org.pult.hub.HubServer;
import org.pult.sync.SyncException;

/** Sign-in against a real hub over HTTP into a real SQLite cache file. */
class SignInServiceTest {

    @TempDir
    Path home;
    @TempDir
    Path hubData;
    private HubServer hub;
    private SignInService service;
    private CacheLocation cacheLocation;

    @BeforeEach
    void startHub() {
        hub = HubServer.start(new HubConfig("127.0.0.1", 0, hubData));
        cacheLocation = new CacheLocation(home.resolve("cache"));
        service = new SignInService(cacheLocation);
    }

    @AfterEach
    void stopHub() {
        hub.close();
    }

    private SignInRequest anna(String password) {
        return new SignInRequest(hub.baseUri().toString(), CacheLocation.EMBEDDED_BACKEND, "anna", password);
    }

    @Test
    void signingInFillsTheOperatorsCacheFromTheBackend() throws Exception {
        try (Session session = service.signIn(anna("pult-demo"))) {
            assertThat(session.operator().username()).isEqualTo("anna");
            assertThat(session.conversations().conversationCount()).isGreaterThanOrEqualTo(5);
            String first = session.conversations().conversations().getFirst().id();
            assertThat(session.conversations().messages(first)).isNotEmpty();
        }
        assertThat(cacheLocation.fileFor(CacheLocation.EMBEDDED_BACKEND, "anna")).isNotEmptyFile();
    }

    @Test
    void aWrongPasswordLeavesNoCacheBehind() {
        assertThatExceptionOfType(SyncException.class).isThrownBy(() -> service.signIn(anna("wrong")))
                .satisfies(failure -> assertThat(failure.reason()).isEqualTo(SyncException.Reason.INVALID_CREDENTIALS));
        assertThat(home.resolve("cache")).doesNotExist();
    }

    @Test
    void rebuildingACacheFromANewerPultKeepsTheFileAndTheDrafts() throws Exception {
        Path file = cacheLocation.fileFor(CacheLocation.EMBEDDED_BACKEND, "anna");
        try (CacheDatabase cache = CacheDatabase.open(file)) {
            new DraftStore(cache).save("conv-x", "Здравствуйте! Проверяю ваш заказ…");
        }
        try (var connection = DriverManager.getConnection("jdbc:sqlite:" + file)) {
            connection.createStatement().execute("PRAGMA user_version = 999");
        }

        assertThatExceptionOfType(CacheOpenException.class).isThrownBy(() -> service.signIn(anna("pult-demo")))
                .satisfies(failure -> assertThat(failure.problem()).isEqualTo(CacheOpenException.Problem.NEWER_SCHEMA));

        Path keptAt = service.rebuildCache(anna("pult-demo"));
        assertThat(keptAt).exists().isNotEqualTo(file);
        try (Session session = service.signIn(anna("pult-demo"))) {
            assertThat(session.drafts().load("conv-x")).contains("Здравствуйте! Проверяю ваш заказ…");
        }
        assertThat(Files.exists(keptAt)).isTrue();
    }

    @Test
    void signingOutStopsTheSyncAndLeavesNoHttpThreadBehind() throws Exception {
        Session session = service.signIn(anna("pult-demo"));
        long deadline = System.nanoTime() + java.time.Duration.ofSeconds(15).toNanos();
        while (session.sync().status().connectivity() != org.pult.sync.Connectivity.ONLINE) {
            assertThat(System.nanoTime()).as("online in time").isLessThan(deadline);
            Thread.sleep(50);
        }

        session.close();

        deadline = System.nanoTime() + java.time.Duration.ofSeconds(5).toNanos();
        while (!okHttpWorkers().isEmpty() && System.nanoTime() < deadline) {
            Thread.sleep(50);
        }
        assertThat(okHttpWorkers()).as("OkHttp threads that would keep the JVM alive").isEmpty();
        assertThat(session.cache().file()).isNotEmptyFile();
    }

    /** Non-daemon OkHttp threads (its dispatcher's), which outlive a closed session unless shut down. */
    private static java.util.List<String> okHttpWorkers() {
        return Thread.getAllStackTraces().keySet().stream()
                .filter(thread -> thread.isAlive() && !thread.isDaemon() && thread.getName().startsWith("OkHttp"))
                .map(Thread::getName).toList();
    }
}
