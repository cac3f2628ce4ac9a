package org.pult.app.session;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Map;
import org.pult.cache.CacheDatabase;
import org.pult.cache.CacheOpenException;
import org.pult.cache.CacheRecovery;
import org.pult.cache.ConversationStore;
import org.pult.cache.DraftStore;
import org.pult.core.api.LoginResponse;
import org.pult.sync.HubClient;
import org.pult.sync.InboxSync;
import org.pult.sync.SyncException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Signs an operator in: authenticate with the backend, open their cache, fill it from the
 * backend. Blocking; view models call it on the background executor.
 */
public final class SignInService {

    private static final Logger LOG = LoggerFactory.getLogger(SignInService.class);

    private final CacheLocation cacheLocation;

    public SignInService(CacheLocation cacheLocation) {
        this.cacheLocation = cacheLocation;
    }

    public Session signIn(SignInRequest request) throws SyncException, CacheOpenException {
        HubClient client = HubClient.forUrl(request.backendUrl());
        LoginResponse login = client.login(request.username(), request.password());
        CacheDatabase cache = CacheDatabase.open(cacheFile(request));
        try {
            ConversationStore conversations = new ConversationStore(cache);
            InboxSync inboxSync = new InboxSync(client, conversations);
            var pulled = inboxSync.pullInbox(login.token());
            LOG.info("Signed in {} at {}; pulled {}", login.operator().username(), request.backendUrl(), pulled);
            return new Session(login.operator(), login.token(), request.backendUrl(), cache, conversations,
                    new DraftStore(cache), inboxSync);
        } catch (SyncException | RuntimeException failure) {
            cache.close();
            throw failure;
        }
    }

    /**
     * Moves a damaged or too-new cache file aside (never deletes it), starts a fresh one, and
     * carries over every draft that can still be read from the old file.
     */
    public Path rebuildCache(SignInRequest request) throws CacheOpenException, IOException {
        Path file = cacheFile(request);
        Map<String, String> drafts = CacheRecovery.salvageDrafts(file);
        Path keptAt = CacheRecovery.moveAside(file);
        try (CacheDatabase fresh = CacheDatabase.open(file)) {
            new DraftStore(fresh).saveAll(drafts);
        }
        LOG.warn("Cache {} rebuilt; the old file is kept at {}; {} drafts carried over", file, keptAt, drafts.size());
        return keptAt;
    }

    private Path cacheFile(SignInRequest request) {
        return cacheLocation.fileFor(request.backendIdentity(), request.username());
    }
}
