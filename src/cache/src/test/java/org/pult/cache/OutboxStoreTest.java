package org.pult.cache;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Iterator;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.pult.core.api.ActionRequest;
import org.pult.core.api.ActionResult;
import org.pult.core.api.ActionType;
import org.pult.core.model.ConversationStatus;
import org.pult.core.model.Direction;
import org.pult.core.model.Message;
import org.pult.core.model.OperatorState;
import org.pult.core.port.OutboxEntry;
import org.pult.core.port.OutboxStatus;

class OutboxStoreTest {

    private static final Clock CLOCK = Clock.fixed(Samples.T0, ZoneOffset.UTC);

    @TempDir
    Path dir;

    private CacheDatabase db;
    private ConversationStore conversations;
    private OutboxStore outbox;
    private OperatorActions actions;

    @BeforeEach
    void open() throws CacheOpenException {
        db = CacheDatabase.open(dir.resolve("cache.db"));
        wire();
        conversations.upsertConversations(List.of(Samples.conversation("v1", Samples.T0.minusSeconds(60))));
        conversations.upsertMessages("v1", List.of(Samples.message("m1", "v1", Samples.T0.minusSeconds(60), "hi")));
    }

    private void wire() {
        conversations = new ConversationStore(db);
        outbox = new OutboxStore(db, CLOCK);
        actions = new OperatorActions(db, CLOCK, "Анна Петрова");
    }

    @AfterEach
    void close() {
        db.close();
    }

    @Test
    void aReplyIsShownAtOnceAsPendingAndWaitsInTheOutboxWithItsKey() {
        ActionRequest reply = actions.reply("v1", "Сейчас проверю");

        List<Message> timeline = conversations.messages("v1");
        assertThat(timeline.getLast()).satisfies(m -> {
            assertThat(m.id()).isEqualTo(reply.idempotencyKey());
            assertThat(m.body()).isEqualTo("Сейчас проверю");
            assertThat(m.direction()).isEqualTo(Direction.OUTBOUND);
            assertThat(m.author()).isEqualTo("Анна Петрова");
        });
        assertThat(conversations.pendingMessageIds("v1")).containsExactly(reply.idempotencyKey());
        assertThat(conversations.conversation("v1")).get().extracting(c -> c.preview()).isEqualTo("Сейчас проверю");
        assertThat(outbox.head()).get().satisfies(entry -> {
            assertThat(entry.request()).isEqualTo(reply);
            assertThat(entry.status()).isEqualTo(OutboxStatus.PENDING);
            assertThat(entry.attempts()).isZero();
            assertThat(entry.nextAttemptAt()).isEqualTo(Samples.T0);
        });
        assertThat(outbox.pendingCount()).isEqualTo(1);
    }

    @Test
    void theLocalEffectAndTheOutboxEntryAreStoredTogetherOrNotAtAll() {
        Iterator<String> keys = List.of("11111111-1111-1111-1111-111111111111", "11111111-1111-1111-1111-111111111111").iterator();
        OperatorActions sameKeyTwice = new OperatorActions(db, CLOCK, "Anna", keys::next);
        sameKeyTwice.addNote("v1", "first");

        assertThatThrownBy(() -> sameKeyTwice.addNote("v1", "second, whose outbox row cannot be written"))
                .isInstanceOf(CacheAccessException.class).hasMessageContaining("UNIQUE");

        assertThat(new NoteStore(db).notes("v1")).extracting(n -> n.text()).containsExactly("first");
        assertThat(outbox.all()).hasSize(1);
    }

    @Test
    void anActionOnAConversationTheCacheDoesNotHaveStoresNothing() {
        assertThatThrownBy(() -> actions.reply("unknown", "hello")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> actions.addNote("unknown", "hello")).isInstanceOf(IllegalArgumentException.class);

        assertThat(outbox.all()).isEmpty();
    }

    @Test
    void everyKindOfActionHasItsLocalEffect() {
        actions.changeState(OperatorState.NOT_READY, "BREAK");
        actions.addNote("v1", "перезвонить");
        actions.setDisposition("v1", "RESOLVED", "готово");

        assertThat(new OperatorStateStore(db, "u1").current()).get().satisfies(s -> {
            assertThat(s.state()).isEqualTo(OperatorState.NOT_READY);
            assertThat(s.reasonCode()).isEqualTo("BREAK");
        });
        assertThat(new NoteStore(db).notes("v1")).extracting(n -> n.text()).containsExactly("перезвонить");
        assertThat(new NoteStore(db).disposition("v1")).get().extracting(d -> d.code()).isEqualTo("RESOLVED");
        assertThat(conversations.conversation("v1")).get().extracting(c -> c.status()).isEqualTo(ConversationStatus.CLOSED);
        assertThat(outbox.all()).extracting(e -> e.request().type())
                .containsExactly(ActionType.STATE_CHANGE, ActionType.NOTE, ActionType.DISPOSITION);
    }

    @Test
    void theHeadIsTheOldestPendingEntryEvenWhileItWaitsForItsRetry() {
        ActionRequest first = actions.addNote("v1", "one");
        actions.addNote("v1", "two");
        long sequence = outbox.head().orElseThrow().sequence();

        outbox.retryLater(sequence, Samples.T0.plusSeconds(30), "connection refused");

        assertThat(outbox.head()).get().satisfies(entry -> {
            assertThat(entry.request()).isEqualTo(first);
            assertThat(entry.attempts()).isEqualTo(1);
            assertThat(entry.nextAttemptAt()).isEqualTo(Samples.T0.plusSeconds(30));
            assertThat(entry.lastError()).isEqualTo("connection refused");
        });
    }

    @Test
    void anAcknowledgedReplyTakesTheBackendsIdAndTheNextEntryBecomesTheHead() {
        ActionRequest reply = actions.reply("v1", "answer");
        ActionRequest note = actions.addNote("v1", "after the answer");
        OutboxEntry head = outbox.head().orElseThrow();

        outbox.acknowledge(head.sequence(), new ActionResult(reply.idempotencyKey(), ActionType.REPLY, "srv-m-1", 7, Samples.T0));

        assertThat(conversations.messages("v1")).extracting(Message::id).contains("srv-m-1").doesNotContain(reply.idempotencyKey());
        assertThat(conversations.pendingMessageIds("v1")).isEmpty();
        assertThat(outbox.head()).get().extracting(OutboxEntry::request).isEqualTo(note);
        assertThat(outbox.pendingCount()).isEqualTo(1);
        assertThat(outbox.all().getFirst().status()).isEqualTo(OutboxStatus.SENT);
    }

    @Test
    void aRejectedReplyBecomesPoisonWithItsReasonLeavesTheTimelineAndKeepsItsText() {
        ActionRequest reply = actions.reply("v1", "text the operator must not lose");
        actions.addNote("v1", "next");

        outbox.reject(outbox.head().orElseThrow().sequence(), "invalid_action: conversation was reassigned");

        assertThat(outbox.poisoned()).singleElement().satisfies(entry -> {
            assertThat(entry.request().text()).isEqualTo("text the operator must not lose");
            assertThat(entry.lastError()).contains("reassigned");
            assertThat(entry.status()).isEqualTo(OutboxStatus.POISON);
        });
        assertThat(conversations.messages("v1")).extracting(Message::id).doesNotContain(reply.idempotencyKey());
        assertThat(outbox.head()).get().extracting(e -> e.request().text()).isEqualTo("next");
    }

    @Test
    void aBatchsAnswersAreSettledTogetherEachAsItsOwnAnswerSays() {
        ActionRequest first = actions.reply("v1", "first");
        ActionRequest refused = actions.reply("v1", "refused, and kept");
        ActionRequest third = actions.addNote("v1", "third");
        List<OutboxEntry> due = outbox.pending(10);

        outbox.settle(List.of(
                org.pult.core.port.ActionOutbox.Answer.applied(due.get(0).sequence(),
                        new ActionResult(first.idempotencyKey(), ActionType.REPLY, "srv-m-1", 7, Samples.T0)),
                org.pult.core.port.ActionOutbox.Answer.rejected(due.get(1).sequence(), "invalid_action: closed"),
                org.pult.core.port.ActionOutbox.Answer.applied(due.get(2).sequence(),
                        new ActionResult(third.idempotencyKey(), ActionType.NOTE, "srv-n-1", 8, Samples.T0))));

        assertThat(outbox.all()).extracting(OutboxEntry::status)
                .containsExactly(OutboxStatus.SENT, OutboxStatus.POISON, OutboxStatus.SENT);
        assertThat(outbox.pendingCount()).isZero();
        assertThat(conversations.messages("v1")).extracting(Message::id).contains("srv-m-1")
                .doesNotContain(first.idempotencyKey(), refused.idempotencyKey());
        assertThat(outbox.poisoned()).singleElement().satisfies(entry -> {
            assertThat(entry.request().text()).isEqualTo("refused, and kept");
            assertThat(entry.lastError()).contains("closed");
        });
    }

    @Test
    void theOutboxSurvivesAReopenInOrder() throws CacheOpenException {
        actions.changeState(OperatorState.READY, null);
        actions.reply("v1", "a");
        actions.addNote("v1", "b");
        List<OutboxEntry> before = outbox.all();
        db.close();

        db = CacheDatabase.open(dir.resolve("cache.db"));
        wire();

        assertThat(outbox.all()).isEqualTo(before);
        assertThat(outbox.all()).extracting(OutboxEntry::sequence).isSorted();
    }

    @Test
    void acknowledgingOrRejectingTwiceChangesNothingMore() {
        ActionRequest reply = actions.reply("v1", "once");
        long sequence = outbox.head().orElseThrow().sequence();
        outbox.acknowledge(sequence, new ActionResult(reply.idempotencyKey(), ActionType.REPLY, "srv-1", 3, Instant.EPOCH));

        outbox.reject(sequence, "late rejection");
        outbox.acknowledge(sequence, new ActionResult(reply.idempotencyKey(), ActionType.REPLY, "srv-2", 3, Instant.EPOCH));

        assertThat(outbox.all()).singleElement().extracting(OutboxEntry::status).isEqualTo(OutboxStatus.SENT);
        assertThat(conversations.messages("v1")).extracting(Message::id).contains("srv-1").doesNotContain("srv-2");
    }

    @Test
    void aDismissedRejectionLeavesTheListButStaysInTheOutboxWithItsText() throws CacheOpenException {
        actions.reply("v1", "rejected text");
        actions.reply("v1", "also rejected");
        outbox.reject(outbox.head().orElseThrow().sequence(), "not_found: No conversation v1");
        outbox.reject(outbox.head().orElseThrow().sequence(), "not_found: No conversation v1");
        long first = outbox.poisoned().getFirst().sequence();

        assertThat(outbox.dismiss(first)).isTrue();
        assertThat(outbox.dismiss(first)).isFalse();

        assertThat(outbox.poisoned()).extracting(e -> e.request().text()).containsExactly("also rejected");
        db.close();
        db = CacheDatabase.open(dir.resolve("cache.db"));
        wire();
        assertThat(outbox.poisoned()).hasSize(1);
        assertThat(outbox.all()).filteredOn(e -> e.sequence() == first).singleElement().satisfies(entry -> {
            assertThat(entry.status()).isEqualTo(OutboxStatus.POISON);
            assertThat(entry.request().text()).isEqualTo("rejected text");
        });
    }

    @Test
    void onlyARejectionCanBeDismissed() {
        actions.reply("v1", "still waiting");
        long pending = outbox.head().orElseThrow().sequence();

        assertThat(outbox.dismiss(pending)).isFalse();

        assertThat(outbox.head()).get().extracting(OutboxEntry::sequence).isEqualTo(pending);
    }

    @Test
    void pendingNotesAndDispositionsAreToldApartFromAcknowledgedOnes() {
        ActionRequest note = actions.addNote("v1", "called back");
        actions.setDisposition("v1", "RESOLVED", null);
        NoteStore notes = new NoteStore(db);

        assertThat(notes.pendingNoteIds("v1")).containsExactly(note.idempotencyKey());
        assertThat(notes.dispositionPending("v1")).isTrue();

        outbox.acknowledge(outbox.head().orElseThrow().sequence(),
                new ActionResult(note.idempotencyKey(), ActionType.NOTE, "note-1", 5, Instant.EPOCH));
        ActionRequest disposition = outbox.head().orElseThrow().request();
        outbox.acknowledge(outbox.head().orElseThrow().sequence(),
                new ActionResult(disposition.idempotencyKey(), ActionType.DISPOSITION, "disp-1", 6, Instant.EPOCH));

        assertThat(notes.pendingNoteIds("v1")).isEmpty();
        assertThat(notes.dispositionPending("v1")).isFalse();
        assertThat(notes.notes("v1")).extracting(n -> n.id()).containsExactly("note-1");
    }
}
