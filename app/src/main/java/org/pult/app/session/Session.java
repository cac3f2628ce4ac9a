package org.pult.app.session;

import org.pult.cache.CacheDatabase;
import org.pult.cache.ConversationStore;
import org.pult.cache.DraftStore;
import org.pult.core.model.OperatorProfile;
import org.pult.sync.InboxSync;

/**
 * A signed-in operator: who they are, their token, and their open cache. Lives until sign-out,
 * which closes the cache. The token is never logged ({@link #toString()} hides it).
 */
public record Session(
        OperatorProfile operator,
        String token,
        String backendUrl,
        CacheDatabase cache,
        ConversationStore conversations,
        DraftStore drafts,
        InboxSync inboxSync) implements AutoCloseable {

    @Override
    public void close() {
        cache.close();
    }

    @Override
    public String toString() {
        return "Session[operator=" + operator.username() + ", backend=" + backendUrl + "]";
    }
}
