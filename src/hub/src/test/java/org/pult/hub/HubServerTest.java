package org.pult.hub;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.pult.core.api.ApiPaths;

class HubServerTest {

    @TempDir
    Path dataDir;
    @TempDir
    Path otherDataDir;

    @Test
    void theEmbeddedDefaultListensOnLoopbackOnAFreePort() {
        try (HubServer hub = HubServer.start(HubConfig.embedded(dataDir))) {
            assertThat(hub.port()).isPositive();
            assertThat(hub.baseUri()).isEqualTo(URI.create("http://127.0.0.1:" + hub.port()));
            assertThat(new ApiCalls(hub.baseUri()).get(ApiPaths.HEALTH, null).statusCode()).isEqualTo(200);
        }
    }

    @Test
    void aPortInUseIsAClearStartFailure() {
        try (HubServer first = HubServer.start(HubConfig.embedded(dataDir))) {
            HubConfig samePort = new HubConfig("127.0.0.1", first.port(), otherDataDir);

            assertThatThrownBy(() -> HubServer.start(samePort))
                    .isInstanceOf(HubStartException.class)
                    .hasMessageContaining("127.0.0.1:" + first.port());
        }
    }

    @Test
    void closingTwiceIsHarmlessAndFreesThePort() {
        HubServer hub = HubServer.start(HubConfig.embedded(dataDir));
        int port = hub.port();
        hub.close();
        hub.close();

        try (HubServer again = HubServer.start(new HubConfig("127.0.0.1", port, dataDir))) {
            assertThat(again.port()).isEqualTo(port);
        }
    }
}
