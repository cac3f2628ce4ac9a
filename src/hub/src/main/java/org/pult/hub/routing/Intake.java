package org.pult.hub.routing;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import org.pult.core.api.EnqueueRequest;
import org.pult.core.api.EnqueueRequest.Contact;
import org.pult.core.api.EventType;
import org.pult.core.api.LiveEvent;
import org.pult.core.api.WorkItem;
import org.pult.core.model.Channel;
import org.pult.core.model.Direction;
import org.pult.core.model.Message;
import org.pult.core.model.MessageKind;
import org.pult.hub.events.EventSignal;
import org.pult.hub.routing.IntakeStore.KnownConversation;
import org.pult.hub.routing.IntakeStore.KnownCustomer;
import org.pult.hub.store.ConversationStore;
import org.pult.hub.store.EventLog;
import org.pult.hub.store.HubDatabase;

/**
 * Puts new work into a queue: finds or creates the customer and their one conversation, adds
 * the customer's message to its timeline and enqueues a work item, all in one transaction, then
 * wakes the router. While the conversation already has an item waiting or in progress, the new
 * message joins it instead (and its operator, if any, hears of it on their event stream).
 */
public final class Intake {

    static final int MAX_NAME_CHARS = 200;
    static final int MAX_SUBJECT_CHARS = 500;
    static final int MAX_BODY_CHARS = 10_000;

    /** The item the message went to, and whether it is new (201) or an open one it joined (200). */
    public record Enqueued(WorkItem item, boolean created) {
    }

    private final HubDatabase database;
    private final QueueStore queues;
    private final ConversationStore conversations;
    private final EventLog events;
    private final EventSignal signal;
    private final Runnable wakeRouter;
    private final Clock clock;

    public Intake(HubDatabase database, QueueStore queues, ConversationStore conversations, EventLog events,
                  EventSignal signal, Runnable wakeRouter, Clock clock) {
        this.database = database;
        this.queues = queues;
        this.conversations = conversations;
        this.events = events;
        this.signal = signal;
        this.wakeRouter = wakeRouter;
        this.clock = clock;
    }

    /**
     * @throws WorkRejectedException 404 for an unknown queue, 400 for a request that is incomplete,
     *                               names an unknown customer, or a channel the queue does not take
     */
    public Enqueued enqueue(String queueId, EnqueueRequest request) throws SQLException {
        check(request);
        Instant now = clock.instant();
        boolean[] notified = {false};
        Enqueued enqueued = database.inTransaction(connection -> {
            QueueStore.Queue queue = queues.find(connection, queueId)
                    .orElseThrow(() -> WorkRejectedException.noQueue(queueId));
            if (!queue.channels().contains(request.channel())) {
                throw WorkRejectedException.invalid("Queue " + queueId + " does not take " + request.channel()
                        + " (it takes " + queue.channels().stream().sorted().toList() + ")");
            }
            KnownCustomer customer = customer(connection, request);
            Optional<KnownConversation> known = IntakeStore.conversationOf(connection, customer.id());
            Optional<WorkItem> open = known.isEmpty()
                    ? Optional.empty()
                    : WorkItemStore.openOf(connection, known.get().id());
            if (open.isPresent()) {
                WorkItem item = open.get();
                IntakeStore.reopen(connection, item.conversationId(), request.subject(), false);
                Message message = addMessage(connection, item.conversationId(), customer, request, now);
                if (item.assigneeId() != null) {
                    tellAssignee(connection, item.assigneeId(), message, now);
                    notified[0] = true;
                }
                return new Enqueued(item, false);
            }
            String conversationId;
            if (known.isPresent()) {
                conversationId = known.get().id();
                IntakeStore.reopen(connection, conversationId, request.subject(), true);
            } else {
                conversationId = IntakeStore.insertConversation(connection, customer.id(), request.subject());
            }
            addMessage(connection, conversationId, customer, request, now);
            WorkItem item = new WorkItem(UUID.randomUUID().toString(), queue.id(), conversationId, customer.id(),
                    request.channel(), now, null, null);
            WorkItemStore.insert(connection, item);
            return new Enqueued(item, true);
        });
        if (notified[0]) {
            signal.appended();
        }
        if (enqueued.created()) {
            wakeRouter.run();
        }
        return enqueued;
    }

    private static void check(EnqueueRequest request) {
        if (request.channel() == null) {
            throw WorkRejectedException.invalid("Work needs a channel");
        }
        if ((request.customerId() == null) == (request.customer() == null)) {
            throw WorkRejectedException.invalid("Name the customer by either customerId or customer, not both or neither");
        }
        Contact contact = request.customer();
        if (contact != null) {
            if (contact.displayName() == null || contact.displayName().isBlank()) {
                throw WorkRejectedException.invalid("customer.displayName is required");
            }
            for (String value : new String[] {contact.displayName(), contact.phone(), contact.email(), contact.company()}) {
                if (value != null && value.length() > MAX_NAME_CHARS) {
                    throw WorkRejectedException.invalid("customer fields are at most " + MAX_NAME_CHARS + " characters");
                }
            }
        }
        if (!isCall(request.channel()) && (request.body() == null || request.body().isBlank())) {
            throw WorkRejectedException.invalid(request.channel() + " work needs a body (the customer's message)");
        }
        if (request.body() != null && request.body().length() > MAX_BODY_CHARS) {
            throw WorkRejectedException.invalid("body is longer than " + MAX_BODY_CHARS + " characters");
        }
        if (request.subject() != null && request.subject().length() > MAX_SUBJECT_CHARS) {
            throw WorkRejectedException.invalid("subject is longer than " + MAX_SUBJECT_CHARS + " characters");
        }
    }

    private static KnownCustomer customer(Connection connection, EnqueueRequest request) throws SQLException {
        if (request.customerId() != null) {
            return IntakeStore.customer(connection, request.customerId())
                    .orElseThrow(() -> WorkRejectedException.invalid("No customer " + request.customerId()));
        }
        Optional<KnownCustomer> known = IntakeStore.customerByContact(connection, request.customer());
        return known.isPresent() ? known.get() : IntakeStore.insertCustomer(connection, request.customer());
    }

    private Message addMessage(Connection connection, String conversationId, KnownCustomer customer,
                               EnqueueRequest request, Instant now) throws SQLException {
        Instant sentAt = conversations.newestMessage(connection, conversationId)
                .map(newest -> newest.sentAt().plusMillis(1)).filter(t -> t.isAfter(now)).orElse(now);
        MessageKind kind = isCall(request.channel()) ? MessageKind.CALL_ANSWERED : MessageKind.TEXT;
        String subject = request.channel() == Channel.EMAIL ? request.subject() : null;
        Message message = new Message(UUID.randomUUID().toString(), conversationId, request.channel(), kind,
                Direction.INBOUND, customer.displayName(), subject, request.body(), sentAt);
        conversations.insertMessage(connection, message);
        return message;
    }

    private void tellAssignee(Connection connection, String assigneeId, Message message, Instant now)
            throws SQLException {
        events.append(connection, assigneeId, new LiveEvent(0, EventType.MESSAGE_ADDED, now, null, message, null,
                null, null, null));
        var conversation = conversations.conversation(connection, message.conversationId());
        if (conversation.isPresent()) {
            events.append(connection, assigneeId, new LiveEvent(0, EventType.CONVERSATION_UPDATED, now, null, null,
                    null, null, null, conversation.get()));
        }
    }

    private static boolean isCall(Channel channel) {
        return WorkClass.of(channel) == WorkClass.CALL;
    }
}
