package org.pult.sync;

import static org.assertj.core.api.Assertions.assertThat;
import static org.pult.sync.SyncFailures.failure;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import okhttp3.OkHttpClient;
import org.junit.jupiter.api.Test;
import org.pult.sync.SyncException.Reason;

class UnreachableBackendTest {

    @Test
    void aPortWithNothingListeningIsUnreachableAtOnceAndTheMessageNamesTheUrl() throws IOException, SyncException {
        int port = freePortNobodyListensOn();
        HubClient client = HubClient.forUrl("http://127.0.0.1:" + port);

        long started = System.nanoTime();
        SyncException e = failure(() -> client.login("anna", "s3cret-pw"));
        long millis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started);

        assertThat(e.reason()).isEqualTo(Reason.UNREACHABLE);
        assertThat(e.getMessage()).contains("http://127.0.0.1:" + port).doesNotContain("s3cret-pw");
        assertThat(e.httpStatus()).isEmpty();
        assertThat(millis).as("refused connections fail fast, well inside the 3 s connect timeout").isLessThan(3_000);
    }

    @Test
    void aBackendThatAcceptsButNeverAnswersIsUnreachableAfterTheReadTimeout() throws IOException {
        // Accepts the TCP connection (the backlog does that) but never reads or writes a byte.
        try (ServerSocket silent = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            OkHttpClient impatient = new OkHttpClient.Builder().readTimeout(Duration.ofMillis(300)).build();
            HubClient client = new HubClient(URI.create("http://127.0.0.1:" + silent.getLocalPort()), impatient);

            SyncException e = failure(() -> client.me("token-abc"));

            assertThat(e.reason()).isEqualTo(Reason.UNREACHABLE);
            assertThat(e.getMessage()).contains("no answer in time").doesNotContain("token-abc");
        }
    }

    @Test
    void theDefaultTimeoutsAreThreeSecondsToConnectAndTenToRead() {
        OkHttpClient http = HubClient.defaultHttpClient();

        assertThat(http.connectTimeoutMillis()).isEqualTo(3_000);
        assertThat(http.readTimeoutMillis()).isEqualTo(10_000);
    }

    private static int freePortNobodyListensOn() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }
}
