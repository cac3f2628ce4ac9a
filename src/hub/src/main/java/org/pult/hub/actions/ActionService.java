package org.pult.hub.actions;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Savepoint;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.pult.core.api.ActionBatch;
import org.pult.core.api.ActionBatchResult;
import org.pult.core.api.ActionRequest;
import org.pult.core.api.ActionResult;
import org.pult.core.api.ActionType;
import org.pult.core.api.EventType;
import org.pult.core.api.LiveEvent;
import org.pult.core.model.Channel;
import org.pult.core.model.ConversationStatus;
import org.pult.core.model.Direction;
import org.pult.core.model.Disposition;
import org.pult.core.model.Message;
import org.pult.core.model.MessageKind;
import org.pult.core.model.Note;
import org.pult.core.model.OperatorState;
import org.pult.core.model.OperatorStatus;
import org.pult.hub.events.EventSignal;
import org.pult.hub.routing.WorkItemStore;
import org.pult.hub.store.ActionLog;
import org.pult.hub.store.CodeLists;
import org.pult.hub.store.ConversationStore;
import org.pult.hub.store.DispositionStore;
import org.pult.hub.store.EventLog;
import org.pult.hub.store.HubDatabase;
import org.pult.hub.store.NoteStore;
import org.pult.hub.store.StoredUser;
import org.pult.hub.store.UserStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Applies operator actions exactly once per idempotency key. The key, a fingerprint of the
 * request and the answer are stored in the same transaction as the effect and its events, so a
 * crash leaves either all of them or none; a replayed key gets the stored answer and changes
 * nothing. Transactions take the write lock at BEGIN, so two requests with one key run one
 * after the other and the second sees the first.
 */
public final class ActionService {

    private static final Logger LOG = LoggerFactory.getLogger(ActionService.class);

    /** The answer to an action, and whether it is a replay of an earlier one. */
    public record Outcome(ActionResult result, boolean replayed) {
    }

    private final HubDatabase database;
    private final UserStore users;
    private final ConversationStore conversations;
    private final NoteStore notes;
    private final DispositionStore dispositions = new DispositionStore();
    private final CodeLists codes;
    private final ActionLog actions = new ActionLog();
    private final EventLog events;
    private final EventSignal signal;
    private final ObjectMapper json;
    private final Clock clock;
    private final Runnable wakeRouter;

    /**
     * @param wakeRouter asks for a routing pass; called after an action that may let waiting work
     *                   through (READY, or a DISPOSITION that closes a routed item) has committed
     */
    public ActionService(HubDatabase database, UserStore users, ConversationStore conversations, NoteStore notes,
                         CodeLists codes, EventLog events, EventSignal signal, ObjectMapper json, Clock clock,
                         Runnable wakeRouter) {
        this.wakeRouter = wakeRouter;
        this.database = database;
        this.users = users;
        this.conversations = conversations;
        this.notes = notes;
        this.codes = codes;
        this.events = events;
        this.signal = signal;
        this.json = json;
        this.clock = clock;
    }

    /**
     * Applies {@code request} for {@code caller}, or answers it again if its key was applied.
     *
     * @throws ActionRejectedException if it is malformed, breaks a rule, names a conversation that
     *                                 is not the caller's, or reuses a key for something else
     */
    public Outcome apply(StoredUser caller, ActionRequest request) throws SQLException {
        ActionChecks.check(request);
        Outcome outcome = database.inTransaction(connection -> applyIn(connection, caller, request));
        if (!outcome.replayed()) {
            signal.appended();
            LOG.debug("Applied {} {} for {}", request.type(), request.idempotencyKey(), caller.username());
            if (mayLetWorkThrough(request)) {
                wakeRouter.run();
            }
        }
        return outcome;
    }

    /**
     * Applies a batch in order, in one transaction: each action in its own savepoint, so one that is
     * rejected leaves nothing behind and the ones after it are still applied. A database failure
     * rolls back the whole batch; the client sends it again and the keys keep that safe.
     */
    public ActionBatchResult applyAll(StoredUser caller, ActionBatch batch) throws SQLException {
        List<ActionBatchResult.Item> items = database.inTransaction(connection -> {
            List<ActionBatchResult.Item> answers = new ArrayList<>(batch.actions().size());
            for (ActionRequest request : batch.actions()) {
                answers.add(applyOneOf(connection, caller, request));
            }
            return answers;
        });
        boolean wake = false;
        for (int i = 0; i < items.size(); i++) {
            if (items.get(i).status() == ActionBatchResult.Status.APPLIED) {
                wake |= mayLetWorkThrough(batch.actions().get(i));
            }
        }
        if (items.stream().anyMatch(item -> item.status() == ActionBatchResult.Status.APPLIED)) {
            signal.appended();
        }
        if (wake) {
            wakeRouter.run();
        }
        LOG.debug("Applied a batch of {} for {}", items.size(), caller.username());
        return new ActionBatchResult(items);
    }

    /** READY, or a DISPOSITION that closes a routed item, may free an operator for waiting work. */
    private static boolean mayLetWorkThrough(ActionRequest request) {
        return request.type() == ActionType.DISPOSITION || request.state() == OperatorState.READY;
    }

    private ActionBatchResult.Item applyOneOf(Connection connection, StoredUser caller, ActionRequest request)
            throws SQLException {
        String key = request.idempotencyKey() == null ? "" : request.idempotencyKey();
        Savepoint savepoint = connection.setSavepoint();
        try {
            ActionChecks.check(request);
            Outcome outcome = applyIn(connection, caller, request);
            connection.releaseSavepoint(savepoint);
            return new ActionBatchResult.Item(key, outcome.replayed() ? ActionBatchResult.Status.REPLAYED
                    : ActionBatchResult.Status.APPLIED, outcome.result(), 200, null);
        } catch (ActionRejectedException rejected) {
            connection.rollback(savepoint);
            return new ActionBatchResult.Item(key, ActionBatchResult.Status.REJECTED, null, rejected.status(),
                    rejected.toApiError());
        }
    }

    private Outcome applyIn(Connection connection, StoredUser caller, ActionRequest request) throws SQLException {
        String fingerprint = fingerprint(request);
        Optional<ActionLog.Applied> earlier = actions.find(connection, request.idempotencyKey());
        if (earlier.isPresent()) {
            if (!earlier.get().userId().equals(caller.id()) || !earlier.get().fingerprint().equals(fingerprint)) {
                throw ActionRejectedException.keyReused();
            }
            return new Outcome(read(earlier.get().resultJson()), true);
        }
        Instant now = clock.instant();
        ActionResult result = switch (request.type()) {
            case STATE_CHANGE -> changeState(connection, caller, request, now);
            case NOTE -> addNote(connection, caller, request, now);
            case DISPOSITION -> dispose(connection, caller, request, now);
            case REPLY -> reply(connection, caller, request, now);
        };
        actions.record(connection, request.idempotencyKey(), caller.id(), fingerprint, write(result), now);
        return new Outcome(result, false);
    }

    private ActionResult changeState(Connection connection, StoredUser caller, ActionRequest request, Instant now)
            throws SQLException {
        if (request.state() == OperatorState.NOT_READY
                && !codes.contains(connection, CodeLists.Kind.REASONS, request.reasonCode())) {
            throw ActionRejectedException.invalid("Unknown reason code " + request.reasonCode());
        }
        users.setState(connection, caller.id(), request.state(), request.reasonCode(), now);
        OperatorStatus status = new OperatorStatus(caller.id(), request.state(), request.reasonCode(), now);
        LiveEvent event = events.append(connection, caller.id(), new LiveEvent(0, EventType.STATE_CHANGED, now,
                request.idempotencyKey(), null, status, null, null, null));
        return result(request, caller.id(), event, now);
    }

    private ActionResult addNote(Connection connection, StoredUser caller, ActionRequest request, Instant now)
            throws SQLException {
        requireOwnConversation(connection, caller, request);
        Note note = new Note(newId(), request.conversationId(), caller.displayName(), request.text(), now);
        notes.insert(connection, note, caller.id());
        LiveEvent event = events.append(connection, caller.id(), new LiveEvent(0, EventType.NOTE_ADDED, now,
                request.idempotencyKey(), null, null, note, null, null));
        return result(request, note.id(), event, now);
    }

    private ActionResult dispose(Connection connection, StoredUser caller, ActionRequest request, Instant now)
            throws SQLException {
        requireOwnConversation(connection, caller, request);
        if (!codes.contains(connection, CodeLists.Kind.DISPOSITIONS, request.dispositionCode())) {
            throw ActionRejectedException.invalid("Unknown disposition code " + request.dispositionCode());
        }
        String note = request.text() == null || request.text().isBlank() ? null : request.text();
        Disposition disposition = new Disposition(newId(), request.conversationId(), request.dispositionCode(), note,
                caller.displayName(), now);
        dispositions.insert(connection, disposition, caller.id());
        conversations.setStatus(connection, request.conversationId(), ConversationStatus.CLOSED);
        WorkItemStore.closeAssigned(connection, request.conversationId(), now); // frees the operator's capacity
        events.append(connection, caller.id(), new LiveEvent(0, EventType.DISPOSITION_SET, now,
                request.idempotencyKey(), null, null, null, disposition, null));
        LiveEvent updated = conversationUpdated(connection, caller, request, now);
        return result(request, disposition.id(), updated, now);
    }

    private ActionResult reply(Connection connection, StoredUser caller, ActionRequest request, Instant now)
            throws SQLException {
        requireOwnConversation(connection, caller, request);
        Optional<Message> newest = conversations.newestMessage(connection, request.conversationId());
        // Replies replayed within one millisecond must still sort in the order they were made.
        Instant sentAt = newest.map(m -> m.sentAt().plusMillis(1)).filter(t -> t.isAfter(now)).orElse(now);
        Channel channel = conversations.lastTextChannel(connection, request.conversationId()).orElse(Channel.CHAT);
        String subject = channel == Channel.EMAIL
                ? conversations.conversation(connection, request.conversationId())
                        .map(c -> c.subject() == null ? null : "Re: " + c.subject()).orElse(null)
                : null;
        Message message = new Message(newId(), request.conversationId(), channel, MessageKind.TEXT, Direction.OUTBOUND,
                caller.displayName(), subject, request.text(), sentAt);
        conversations.insertMessage(connection, message);
        events.append(connection, caller.id(), new LiveEvent(0, EventType.MESSAGE_ADDED, now,
                request.idempotencyKey(), message, null, null, null, null));
        LiveEvent updated = conversationUpdated(connection, caller, request, now);
        return result(request, message.id(), updated, now);
    }

    private LiveEvent conversationUpdated(Connection connection, StoredUser caller, ActionRequest request, Instant now)
            throws SQLException {
        var conversation = conversations.conversation(connection, request.conversationId())
                .orElseThrow(() -> ActionRejectedException.noConversation(request.conversationId()));
        return events.append(connection, caller.id(), new LiveEvent(0, EventType.CONVERSATION_UPDATED, now,
                request.idempotencyKey(), null, null, null, null, conversation));
    }

    private static void requireOwnConversation(Connection connection, StoredUser caller, ActionRequest request)
            throws SQLException {
        if (!ConversationStore.isAssigned(connection, request.conversationId(), caller.id())) {
            throw ActionRejectedException.noConversation(request.conversationId());
        }
    }

    private static ActionResult result(ActionRequest request, String entityId, LiveEvent last, Instant now) {
        return new ActionResult(request.idempotencyKey(), request.type(), entityId, last.cursor(), now);
    }

    private String fingerprint(ActionRequest request) {
        try {
            byte[] canonical = json.writeValueAsBytes(request);
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(canonical));
        } catch (JsonProcessingException | NoSuchAlgorithmException e) {
            throw new IllegalStateException("cannot fingerprint an action", e);
        }
    }

    private String write(ActionResult result) throws SQLException {
        try {
            return json.writeValueAsString(result);
        } catch (JsonProcessingException e) {
            throw new SQLException("cannot store an action result", e);
        }
    }

    private ActionResult read(String stored) throws SQLException {
        try {
            return json.readValue(stored, ActionResult.class);
        } catch (JsonProcessingException e) {
            throw new SQLException("a stored action result is not valid JSON", e);
        }
    }

    private static String newId() {
        return UUID.randomUUID().toString();
    }

}
