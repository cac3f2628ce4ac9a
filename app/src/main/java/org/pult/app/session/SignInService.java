package org.pult.app.session;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Map;
import org.pult.app.sync.CodeLists;
import org.pult.app.sync.ObservedEventCache;
import org.pult.cache.CacheDatabase;
import org.pult.cache.CacheOpenException;
import org.pult.cache.CacheRecovery;
import org.pult.cache.ConversationStore;
import org.pult.cache.DraftStore;
import org.pult.cache.LiveEventStore;
import org.pult.cache.NoteStore;
import org.pult.cache.OperatorActions;
import org.pult.cache.OperatorStateStore;
import org.pult.cache.OutboxStore;
import org.pult.core.api.LoginResponse;
import org.pult.core.model.OperatorProfile;
import org.pult.sync.HubClient;
import org.pult.sync.InboxSync;
import org.pult.sync.OfflineSync;
import org.pult.sync.SessionToken;
import org.pult.sync.SyncException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Signs an operator in: authenticate with the backend, open their cache, fill it from the
 * backend, and start keeping the two in step. Blocking; view models call it on the background
 * executor.
 */
public final class SignInService {

    private static final Logger LOG = LoggerFactory.getLogger(SignInService.class);

    private final CacheLocation cacheLocation;
    private final Clock clock;

    public SignInService(CacheLocation cacheLocation) {
        this(cacheLocation, Clock.systemUTC());
    }

    public SignInService(CacheLocation cacheLocation, Clock clock) {
        this.cacheLocation = cacheLocation;
        this.clock = clock;
    }

    /**
     * Signs in and returns a session whose sync is already running: the outbox replays what an
     * earlier session left unsent, and the event stream follows the backend.
     */
    public Session signIn(SignInRequest request) throws SyncException, CacheOpenException {
        HubClient client = HubClient.forUrl(request.backendUrl());
        CacheDatabase cache = null;
        try {
            LoginResponse login = client.login(request.username(), request.password());
            cache = CacheDatabase.open(cacheFile(request));
            Session session = openSession(request, client, login, cache);
            session.sync().start();
            return session;
        } catch (SyncException | CacheOpenException | RuntimeException failure) {
            if (cache != null) {
                cache.close();
            }
            client.close();
            throw failure;
        }
    }

    private Session openSession(SignInRequest request, HubClient client, LoginResponse login, CacheDatabase cache)
            throws SyncException {
        OperatorProfile operator = login.operator();
        SessionToken token = SessionToken.of(login);
        ConversationStore conversations = new ConversationStore(cache);
        InboxSync inboxSync = new InboxSync(client, conversations);
        var pulled = inboxSync.pullInbox(token.get());
        OperatorStateStore operatorState = new OperatorStateStore(cache, operator.id());
        operatorState.received(operator.state(), null, clock.instant());
        CodeLists codes = new CodeLists(client, token);
        codes.refresh();
        OutboxStore outbox = new OutboxStore(cache, clock);
        ObservedEventCache events = new ObservedEventCache(new LiveEventStore(cache, operator.id()));
        OfflineSync sync = new OfflineSync(client, outbox, events, token);
        LOG.info("Signed in {} at {}; pulled {}; {} actions from earlier waiting", operator.username(),
                request.backendUrl(), pulled, outbox.pendingCount());
        return new Session(operator, token, request.backendUrl(), cache, conversations, new DraftStore(cache),
                inboxSync, client, new OperatorActions(cache, clock, operator.displayName()), outbox, operatorState,
                new NoteStore(cache), codes, events, sync);
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
