package org.pult.hub;

import java.nio.file.Path;
import java.util.Objects;

/**
 * Where the hub listens and keeps its data.
 *
 * @param host    interface to bind, e.g. {@code 127.0.0.1}
 * @param port    TCP port; 0 picks a free one (see {@link HubServer#port()})
 * @param dataDir directory holding {@code hub.db}; created if missing
 */
public record HubConfig(String host, int port, Path dataDir) {

    public static final String DEFAULT_HOST = "127.0.0.1";

    public HubConfig {
        Objects.requireNonNull(host, "host");
        Objects.requireNonNull(dataDir, "dataDir");
        if (host.isBlank()) {
            throw new IllegalArgumentException("host must not be blank");
        }
        if (port < 0 || port > 65_535) {
            throw new IllegalArgumentException("port must be between 0 and 65535: " + port);
        }
    }

    /** The embedded default the app starts: loopback only, any free port. */
    public static HubConfig embedded(Path dataDir) {
        return new HubConfig(DEFAULT_HOST, 0, dataDir);
    }
}
