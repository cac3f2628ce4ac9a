package org.pult.sync;

import java.util.List;
import java.util.Objects;
import org.pult.core.model.Conversation;
import org.pult.core.model.Message;
import org.pult.core.port.InboxCache;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Pulls the signed-in operator's inbox from the backend into the local cache: conversations
 * first, so the inbox list fills before the timelines arrive, then each conversation's messages.
 */
public final class InboxSync {

    private static final Logger LOG = LoggerFactory.getLogger(InboxSync.class);

    private final HubClient client;
    private final InboxCache cache;

    public InboxSync(HubClient client, InboxCache cache) {
        this.client = Objects.requireNonNull(client, "client");
        this.cache = Objects.requireNonNull(cache, "cache");
    }

    /**
     * One full pull. A failure stops it with what was already written left in the cache; the next
     * pull upserts over it, so nothing is duplicated.
     */
    public SyncResult pullInbox(String token) throws SyncException {
        List<Conversation> conversations = client.conversations(token);
        cache.upsertConversations(conversations);
        int messageCount = 0;
        for (Conversation conversation : conversations) {
            List<Message> messages = client.messages(token, conversation.id());
            cache.upsertMessages(conversation.id(), messages);
            messageCount += messages.size();
        }
        LOG.info("Pulled {} conversations with {} messages from {}", conversations.size(), messageCount, client);
        return new SyncResult(conversations.size(), messageCount);
    }
}
