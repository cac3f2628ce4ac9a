package org.pult.core.port;

import java.util.List;
import org.pult.core.model.Conversation;
import org.pult.core.model.Message;

/**
 * Where synchronised inbox data lands. The network only fills this; the UI reads the cache.
 * Implemented by the SQLite cache; written to by the sync client.
 */
public interface InboxCache {

    /** Inserts or updates these conversations (and their customers), keyed by id. */
    void upsertConversations(List<Conversation> conversations);

    /** Inserts or updates these messages of one conversation, keyed by message id. */
    void upsertMessages(String conversationId, List<Message> messages);
}
