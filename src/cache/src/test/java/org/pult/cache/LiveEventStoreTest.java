package org.pult.cache;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Clock;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.pult.core.api.ActionRequest;
import org.pult.core.api.EventType;
import org.pult.core.api.LiveEvent;
import org.pult.core.model.Channel;
import org.pult.core.model.Direction;
import org.pult.core.model.Message;
import org.pult.core.model.MessageKind;
import org.pult.core.model.Note;
import org.pult.core.model.OperatorState;
import org.pult.core.model.OperatorStatus;

class LiveEventStoreTest {

    private static final Clock CLOCK = Clock.fixed(Samples.T0, ZoneOffset.UTC);

    @TempDir
    Path dir;

    private CacheDatabase db;
    private ConversationStore conversations;
    private LiveEventStore events;

    @BeforeEach
    void open() throws CacheOpenException {
        db = CacheDatabase.open(dir.resolve("cache.db"));
        conversations = new ConversationStore(db);
        events = new LiveEventStore(db, "me");
        conversations.upsertConversations(List.of(Samples.conversation("v1", Samples.T0.minusSeconds(60))));
    }

    @AfterEach
    void close() {
        db.close();
    }

    @Test
    void anEventIsAppliedOnceAndItsCursorKeptAcrossAReopen() throws CacheOpenException {
        LiveEvent added = messageAdded(5, "m-srv", null, "from the customer");

        assertThat(events.apply(added)).isTrue();
        assertThat(events.apply(added)).isFalse();
        assertThat(events.apply(messageAdded(4, "m-old", null, "older than the cursor"))).isFalse();
        db.close();
        db = CacheDatabase.open(dir.resolve("cache.db"));
        events = new LiveEventStore(db, "me");

        assertThat(events.eventCursor()).isEqualTo(5);
        assertThat(new ConversationStore(db).messages("v1")).extracting(Message::body).containsExactly("from the customer");
    }

    @Test
    void theBackendsCopyOfAnActionReplacesThePendingOne() {
        ActionRequest reply = new OperatorActions(db, CLOCK, "Anna").reply("v1", "mine");

        events.apply(messageAdded(9, "m-srv", reply.idempotencyKey(), "mine"));

        assertThat(conversations.messages("v1")).extracting(Message::id).containsExactly("m-srv");
        assertThat(conversations.pendingMessageIds("v1")).isEmpty();
    }

    @Test
    void aNoteFromTheBackendReplacesThePendingNoteOfTheSameAction() {
        ActionRequest note = new OperatorActions(db, CLOCK, "Anna").addNote("v1", "n");

        events.apply(new LiveEvent(3, EventType.NOTE_ADDED, Samples.T0, note.idempotencyKey(), null, null,
                new Note("n-srv", "v1", "Anna", "n", Samples.T0), null, null));

        assertThat(new NoteStore(db).notes("v1")).extracting(Note::id).containsExactly("n-srv");
    }

    @Test
    void theBackendsStateWinsUnlessTheOperatorsOwnChangeStillWaits() {
        OperatorStateStore state = new OperatorStateStore(db, "me");
        events.apply(stateChanged(1, "me", OperatorState.READY));
        assertThat(state.current()).get().extracting(OperatorStatus::state).isEqualTo(OperatorState.READY);

        new OperatorActions(db, CLOCK, "Anna").changeState(OperatorState.NOT_READY, "LUNCH");
        events.apply(stateChanged(2, "me", OperatorState.AFTER_CALL_WORK));
        assertThat(state.current()).get().extracting(OperatorStatus::state).isEqualTo(OperatorState.NOT_READY);

        OutboxStore outbox = new OutboxStore(db, CLOCK);
        outbox.reject(outbox.head().orElseThrow().sequence(), "invalid_action");
        assertThat(state.current()).get().extracting(OperatorStatus::state).isEqualTo(OperatorState.AFTER_CALL_WORK);
    }

    @Test
    void anotherOperatorsStateAndUnknownTypesOnlyMoveTheCursor() {
        events.apply(stateChanged(1, "me", OperatorState.READY));

        assertThat(events.apply(stateChanged(2, "someone-else", OperatorState.NOT_READY))).isTrue();
        assertThat(events.apply(new LiveEvent(3, null, Samples.T0, null, null, null, null, null, null))).isTrue();

        assertThat(new OperatorStateStore(db, "me").current()).get().extracting(OperatorStatus::state)
                .isEqualTo(OperatorState.READY);
        assertThat(events.eventCursor()).isEqualTo(3);
    }

    @Test
    void aMessageOfAConversationNotInTheCacheIsSkippedWithoutFailing() {
        LiveEvent elsewhere = new LiveEvent(7, EventType.MESSAGE_ADDED, Samples.T0, null,
                new Message("mx", "not-cached", Channel.CHAT, MessageKind.TEXT, Direction.INBOUND, "x", null, "hi", Samples.T0),
                null, null, null, null);

        assertThat(events.apply(elsewhere)).isTrue();
        assertThat(events.eventCursor()).isEqualTo(7);
    }

    @Test
    void forgettingTheCursorStartsOver() {
        events.apply(stateChanged(4, "me", OperatorState.READY));

        events.resetEventCursor();

        assertThat(events.eventCursor()).isZero();
    }

    private static LiveEvent messageAdded(long cursor, String id, String key, String body) {
        return new LiveEvent(cursor, EventType.MESSAGE_ADDED, Samples.T0, key,
                new Message(id, "v1", Channel.CHAT, MessageKind.TEXT, Direction.OUTBOUND, "Anna", null, body, Samples.T0),
                null, null, null, null);
    }

    private static LiveEvent stateChanged(long cursor, String operator, OperatorState state) {
        return new LiveEvent(cursor, EventType.STATE_CHANGED, Samples.T0, null, null,
                new OperatorStatus(operator, state, null, Samples.T0), null, null, null);
    }
}
