package org.pult.app.embedded;

import java.net.URI;
import java.nio.file.Path;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import org.pult.hub.HubConfig;
import org.pult.hub.HubServer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The hub started inside the app when no backend is configured: loopback only, a free port,
 * its data in the operator's data folder. Started off the FX thread so the window shows first.
 */
public final class EmbeddedHub implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(EmbeddedHub.class);

    private final Path dataDirectory;
    private volatile HubServer server;

    public EmbeddedHub(Path dataDirectory) {
        this.dataDirectory = dataDirectory;
    }

    public CompletableFuture<URI> start(Executor background) {
        return CompletableFuture.supplyAsync(() -> {
            long started = System.nanoTime();
            HubServer running = HubServer.start(new HubConfig("127.0.0.1", 0, dataDirectory));
            server = running;
            LOG.info("Embedded hub listening at {} after {} ms", running.baseUri(), (System.nanoTime() - started) / 1_000_000);
            return running.baseUri();
        }, background);
    }

    @Override
    public void close() {
        HubServer running = server;
        if (running != null) {
            running.close();
        }
    }
}
