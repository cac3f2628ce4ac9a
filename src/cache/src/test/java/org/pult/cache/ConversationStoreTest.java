package org.pult.cache;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.pult.core.model.Channel;
import org.pult.core.model.Conversation;
import org.pult.core.model.ConversationStatus;
import org.pult.core.model.Customer;
import org.pult.core.model.Direction;
import org.pult.core.model.Message;
import org.pult.core.model.MessageKind;

class ConversationStoreTest {

    @TempDir
    Path dir;

    private CacheDatabase db;
    private ConversationStore store;

    @BeforeEach
    void open() throws CacheOpenException {
        db = CacheDatabase.open(dir.resolve("cache.db"));
        store = new ConversationStore(db);
    }

    @AfterEach
    void close() {
        db.close();
    }

    @Test
    void conversationsRoundTripWithCyrillicEmojiAndNulls() throws CacheOpenException {
        Conversation full = new Conversation("v1",
                new Customer("c1", "Ирина Соколова 👩🏽‍💼", "+7 912 345-67-89", "irina@пример.рф", "ООО «Ромашка»"),
                ConversationStatus.WAITING, Channel.EMAIL, MessageKind.TEXT, "Счёт №42 🧾", "Добрый день! 👋", Samples.T0, 3);
        Conversation sparse = new Conversation("v2", new Customer("c2", "Anon", null, null, null),
                ConversationStatus.CLOSED, Channel.SMS, MessageKind.TEXT, null, null, Samples.T0.minusMillis(1), 0);
        Conversation missedCall = new Conversation("v3", new Customer("c3", "John Carter", "+14155550142", null, null),
                ConversationStatus.OPEN, Channel.VOICE, MessageKind.CALL_MISSED, null, "+14155550142",
                Samples.T0.minusMillis(2), 1);

        store.upsertConversations(List.of(full, sparse, missedCall));
        db.close();
        db = CacheDatabase.open(dir.resolve("cache.db"));
        store = new ConversationStore(db);

        assertThat(store.conversation("v1")).contains(full);
        assertThat(store.conversation("v2")).contains(sparse);
        assertThat(store.conversation("v3")).contains(missedCall);
        assertThat(store.conversations()).extracting(Conversation::lastKind)
                .containsExactly(MessageKind.TEXT, MessageKind.TEXT, MessageKind.CALL_MISSED);
        assertThat(store.conversation("missing")).isEmpty();
    }

    @Test
    void messagesRoundTripWithNullsExactToTheMillisecond() {
        store.upsertConversations(List.of(Samples.conversation("v1", Samples.T0)));
        Message call = new Message("m1", "v1", Channel.VOICE, MessageKind.CALL_MISSED, Direction.INBOUND,
                null, null, null, Instant.parse("2025-03-14T09:26:53.001Z"));
        Message mail = new Message("m2", "v1", Channel.EMAIL, MessageKind.TEXT, Direction.OUTBOUND,
                "Оператор Пётр", "Re: Счёт 🧾", "Здравствуйте!\nВаш счёт во вложении. 😊", Instant.parse("2025-03-14T09:26:53.002Z"));

        store.upsertMessages("v1", List.of(mail, call));

        assertThat(store.messages("v1")).containsExactly(call, mail);
    }

    @Test
    void conversationsComeNewestFirstAndMessagesOldestFirst() {
        store.upsertConversations(List.of(
                Samples.conversation("old", Samples.T0.minusSeconds(60)),
                Samples.conversation("new", Samples.T0.plusSeconds(60)),
                Samples.conversation("mid", Samples.T0)));
        store.upsertMessages("mid", List.of(
                Samples.message("b", "mid", Samples.T0.plusMillis(2), "second"),
                Samples.message("c", "mid", Samples.T0.plusMillis(3), "third"),
                Samples.message("a", "mid", Samples.T0.plusMillis(1), "first")));

        assertThat(store.conversations()).extracting(Conversation::id).containsExactly("new", "mid", "old");
        assertThat(store.messages("mid")).extracting(Message::body).containsExactly("first", "second", "third");
        assertThat(store.messages("old")).isEmpty();
    }

    @Test
    void upsertingAgainUpdatesInsteadOfDuplicating() {
        store.upsertConversations(List.of(Samples.conversation("v1", Samples.T0)));
        store.upsertMessages("v1", List.of(Samples.message("m1", "v1", Samples.T0, "draft of a reply")));
        Conversation changed = new Conversation("v1", new Customer("c-v1", "Renamed", null, null, null),
                ConversationStatus.CLOSED, Channel.VOICE, MessageKind.CALL_ANSWERED, null, "Call ended",
                Samples.T0.plusSeconds(5), 0);
        Message edited = Samples.message("m1", "v1", Samples.T0, "edited");

        store.upsertConversations(List.of(changed));
        store.upsertMessages("v1", List.of(edited));

        assertThat(store.conversationCount()).isEqualTo(1);
        assertThat(store.conversations()).containsExactly(changed);
        assertThat(store.messages("v1")).containsExactly(edited);
    }

    @Test
    void updatingAConversationKeepsItsMessages() {
        store.upsertConversations(List.of(Samples.conversation("v1", Samples.T0)));
        store.upsertMessages("v1", List.of(Samples.message("m1", "v1", Samples.T0, "hello")));

        store.upsertConversations(List.of(Samples.conversation("v1", Samples.T0.plusSeconds(1))));

        assertThat(store.messages("v1")).hasSize(1);
    }

    @Test
    void aMessageOfAnotherConversationIsRejected() {
        store.upsertConversations(List.of(Samples.conversation("v1", Samples.T0)));

        assertThatIllegalArgumentException()
                .isThrownBy(() -> store.upsertMessages("v1", List.of(Samples.message("m1", "v2", Samples.T0, "x"))))
                .withMessageContaining("v2");
    }

    @Test
    void aBatchThatFailsStoresNothingOfIt() {
        store.upsertConversations(List.of(Samples.conversation("v1", Samples.T0)));
        List<Message> batch = List.of(
                Samples.message("m1", "unknown", Samples.T0, "fine on its own"),
                Samples.message("m2", "unknown", Samples.T0, "also fine"));

        assertThatThrownBy(() -> store.upsertMessages("unknown", batch))
                .isInstanceOf(CacheAccessException.class)
                .hasMessageContaining("FOREIGN KEY");

        assertThat(store.messages("unknown")).isEmpty();
        store.upsertMessages("v1", List.of(Samples.message("m3", "v1", Samples.T0, "the cache still works")));
        assertThat(store.messages("v1")).hasSize(1);
    }
}
