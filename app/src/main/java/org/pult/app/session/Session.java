package org.pult.app.session;

import org.pult.app.sync.CodeLists;
import org.pult.app.sync.ObservedEventCache;
import org.pult.cache.CacheDatabase;
import org.pult.cache.ConversationStore;
import org.pult.cache.DraftStore;
import org.pult.cache.NoteStore;
import org.pult.cache.OperatorActions;
import org.pult.cache.OperatorStateStore;
import org.pult.cache.OutboxStore;
import org.pult.core.model.OperatorProfile;
import org.pult.sync.HubClient;
import org.pult.sync.InboxSync;
import org.pult.sync.OfflineSync;
import org.pult.sync.SessionToken;

/**
 * A signed-in operator: who they are, their token (renewed by the sync), their open cache, and the sync that keeps the
 * cache and the backend in step. Lives until sign-out, which stops the sync and then closes the
 * cache. The token is never logged ({@link #toString()} hides it).
 *
 * @param actions what the operator does, written to the cache and the outbox together
 * @param events  the live events the sync applies to the cache; the console listens to it
 */
public record Session(
        OperatorProfile operator,
        SessionToken token,
        String backendUrl,
        CacheDatabase cache,
        ConversationStore conversations,
        DraftStore drafts,
        InboxSync inboxSync,
        HubClient client,
        OperatorActions actions,
        OutboxStore outbox,
        OperatorStateStore operatorState,
        NoteStore notes,
        CodeLists codes,
        ObservedEventCache events,
        OfflineSync sync) implements AutoCloseable {

    /** Stops the sync first (it waits for a pass under way), so nothing writes to a closed cache. */
    @Override
    public void close() {
        sync.close();
        events.close();
        client.close();
        cache.close();
    }

    @Override
    public String toString() {
        return "Session[operator=" + operator.username() + ", backend=" + backendUrl + "]";
    }
}
