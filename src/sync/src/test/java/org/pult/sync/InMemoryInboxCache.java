package org.pult.sync;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.pult.core.model.Conversation;
import org.pult.core.model.Message;
import org.pult.core.port.InboxCache;

/** Our own port, kept in maps keyed by id the way the SQLite cache keys its rows. */
final class InMemoryInboxCache implements InboxCache {

    final Map<String, Conversation> conversations = new LinkedHashMap<>();
    final Map<String, Map<String, Message>> messagesByConversation = new LinkedHashMap<>();
    int upsertCalls;

    @Override
    public synchronized void upsertConversations(List<Conversation> batch) {
        upsertCalls++;
        batch.forEach(conversation -> conversations.put(conversation.id(), conversation));
    }

    @Override
    public synchronized void upsertMessages(String conversationId, List<Message> batch) {
        upsertCalls++;
        Map<String, Message> timeline = messagesByConversation.computeIfAbsent(conversationId, id -> new LinkedHashMap<>());
        batch.forEach(message -> timeline.put(message.id(), message));
    }

    synchronized List<Message> timeline(String conversationId) {
        return new ArrayList<>(messagesByConversation.getOrDefault(conversationId, Map.of()).values());
    }

    synchronized int messageCount() {
        return messagesByConversation.values().stream().mapToInt(Map::size).sum();
    }
}
