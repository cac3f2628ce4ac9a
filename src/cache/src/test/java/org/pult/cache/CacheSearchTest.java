package org.pult.cache;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.pult.cache.SearchHit.Source;
import org.pult.core.api.ActionRequest;
import org.pult.core.model.Channel;
import org.pult.core.model.Conversation;
import org.pult.core.model.ConversationStatus;
import org.pult.core.model.Customer;
import org.pult.core.model.Direction;
import org.pult.core.model.Message;
import org.pult.core.model.MessageKind;

class CacheSearchTest {

    @TempDir
    Path dir;

    private CacheDatabase db;
    private ConversationStore store;
    private CacheSearch search;

    @BeforeEach
    void open() throws CacheOpenException {
        db = CacheDatabase.open(dir.resolve("cache.db"));
        store = new ConversationStore(db);
        search = new CacheSearch(db);
    }

    @AfterEach
    void close() {
        db.close();
    }

    // --- matching -------------------------------------------------------------------------

    @Test
    void aWordInAMessageFindsItsConversationWithAMarkedSnippet() {
        conversation("v1", customer("c1", "John Carter"), "Delivery", T(1));
        messages("v1", "m1 The courier left the parcel at the wrong door.");
        conversation("v2", customer("c2", "Mary Jones"), "Invoice", T(2));
        messages("v2", "m2 Please send the invoice again.");

        List<SearchHit> hits = search.search("parcel", 10);

        assertThat(hits).singleElement().satisfies(hit -> {
            assertThat(hit.conversation().id()).isEqualTo("v1");
            assertThat(hit.conversation().customer().displayName()).isEqualTo("John Carter");
            assertThat(hit.source()).isEqualTo(Source.MESSAGE);
            assertThat(hit.messageId()).isEqualTo("m1");
            assertThat(hit.snippet().marked("[", "]")).isEqualTo("The courier left the [parcel] at the wrong door.");
        });
        assertThat(search.search("nothing-like-this", 10)).isEmpty();
    }

    @Test
    void cyrillicIsFoundWhateverTheCase() {
        conversation("v1", customer("c1", "Ирина Соколова"), null, T(1));
        messages("v1", "m1 ДОСТАВКА заказа задерживается");

        for (String query : List.of("доставка", "Доставка", "ДОСТАВКА", "дОсТаВкА", "ЗАДЕРЖИВАЕТСЯ")) {
            assertThat(ids(search.search(query, 10))).as(query).containsExactly("v1");
        }
    }

    @Test
    void yoAndYeAreTheSameLetterAndTheSnippetKeepsWhatWasWritten() {
        conversation("v1", customer("c1", "Пётр Фёдоров"), "Счёт за ёлку", T(1));
        messages("v1", "m1 Ещё раз про платёж: ЁЛКА не доставлена");
        conversation("v2", customer("c2", "Петр Федоров"), null, T(2));
        messages("v2", "m2 Еще раз про платеж");

        assertThat(ids(search.search("платеж", 10))).containsExactlyInAnyOrder("v1", "v2");
        assertThat(ids(search.search("платёж", 10))).containsExactlyInAnyOrder("v1", "v2");
        assertThat(ids(search.search("ЕЛКА", 10))).containsExactly("v1");
        assertThat(ids(search.search("федоров", 10))).containsExactlyInAnyOrder("v1", "v2");

        SearchHit hit = search.search("ещё платеж", 10).stream()
                .filter(h -> h.conversation().id().equals("v1")).findFirst().orElseThrow();
        assertThat(hit.snippet().marked("[", "]")).isEqualTo("[Ещё] раз про [платёж]: ЁЛКА не доставлена");
        SearchHit subject = search.search("ёлку", 10).getFirst();
        assertThat(subject.snippet().text()).contains("Счёт за ёлку");
    }

    @Test
    void russianEndingsAreIgnoredInsteadOfAStemmer() {
        conversation("v1", customer("c1", "A"), null, T(1));
        messages("v1", "m1 Где мой заказ?");
        conversation("v2", customer("c2", "B"), null, T(2));
        messages("v2", "m2 Доставку перенесли на пятницу");
        conversation("v3", customer("c3", "C"), null, T(3));
        messages("v3", "m3 Доволен доставкой и заказами");

        assertThat(ids(search.search("заказа", 10))).containsExactlyInAnyOrder("v1", "v3");
        assertThat(ids(search.search("доставки", 10))).containsExactlyInAnyOrder("v2", "v3");
        assertThat(ids(search.search("заказами доставка", 10))).containsExactly("v3");
    }

    @Test
    void englishPluralsAndPrefixesMatch() {
        conversation("v1", customer("c1", "A"), null, T(1));
        messages("v1", "m1 One order was delivered twice");
        conversation("v2", customer("c2", "B"), null, T(2));
        messages("v2", "m2 Several orders are missing");

        assertThat(ids(search.search("orders", 10))).containsExactlyInAnyOrder("v1", "v2");
        assertThat(ids(search.search("deliv", 10))).containsExactly("v1");
        assertThat(ids(search.search("Miss", 10))).containsExactly("v2");
    }

    @Test
    void latinAccentsAreIgnored() {
        conversation("v1", customer("c1", "Zoë Müller"), null, T(1));
        messages("v1", "m1 Réclamation pour le café");

        assertThat(ids(search.search("cafe reclamation", 10))).containsExactly("v1");
        assertThat(ids(search.search("zoe muller", 10))).containsExactly("v1");
    }

    @Test
    void wordsInQuotesMustBeAdjacent() {
        conversation("v1", customer("c1", "A"), null, T(1));
        messages("v1", "m1 the card declined yesterday");
        conversation("v2", customer("c2", "B"), null, T(2));
        messages("v2", "m2 the card was fine, the transfer declined");

        assertThat(ids(search.search("card declined", 10))).containsExactlyInAnyOrder("v1", "v2");
        assertThat(ids(search.search("\"card declined\"", 10))).containsExactly("v1");
        assertThat(ids(search.search("\"the card\" \"transfer declined\"", 10))).containsExactly("v2");
    }

    // --- customers -------------------------------------------------------------------------

    @Test
    void customersAreFoundByNameEmailCompanyAndTheirSnippetShowsTheField() {
        conversation("v1", new Customer("c1", "Ирина Соколова", "+7 912 345-67-89", "irina@romashka.example",
                "ООО «Ромашка»"), "Возврат", T(1));
        conversation("v2", new Customer("c2", "John Carter", "+1 (415) 555-0142", "john@carter.example", "Carter & Sons"),
                null, T(2));

        assertThat(search.search("соколову", 10)).singleElement().satisfies(hit -> {
            assertThat(hit.conversation().id()).isEqualTo("v1");
            assertThat(hit.source()).isEqualTo(Source.CUSTOMER);
            assertThat(hit.snippet().marked("[", "]")).isEqualTo("Ирина [Соколова]");
        });
        assertThat(search.search("irina@romashka", 10)).singleElement()
                .satisfies(hit -> assertThat(hit.snippet().marked("[", "]")).isEqualTo("[irina]@[romashka].example"));
        assertThat(search.search("ромашки", 10)).singleElement()
                .satisfies(hit -> assertThat(hit.snippet().marked("[", "]")).isEqualTo("ООО «[Ромашка]»"));
        assertThat(ids(search.search("Carter", 10))).containsExactly("v2");
    }

    @Test
    void aPhoneIsFoundByAnyRunOfItsDigitsHoweverItIsTyped() {
        conversation("v1", new Customer("c1", "Ирина", "+7 912 345-67-89", null, null), null, T(1));
        conversation("v2", new Customer("c2", "John", "+1 (415) 555-0142", null, null), null, T(2));

        for (String query : List.of("9123456789", "+79123456789", "8 912 345 67 89".substring(2), "345-67",
                "3456789", "6789", "+7 (912) 345", "912-345")) {
            assertThat(ids(search.search(query, 10))).as(query).containsExactly("v1");
        }
        assertThat(ids(search.search("4155550142", 10))).containsExactly("v2");
        assertThat(ids(search.search("5550", 10))).containsExactly("v2");
        assertThat(search.search("999888", 10)).isEmpty();

        SearchHit hit = search.search("34567", 10).getFirst();
        assertThat(hit.source()).isEqualTo(Source.CUSTOMER);
        assertThat(hit.snippet().marked("[", "]")).isEqualTo("+7 912 [345-67]-89");
    }

    @Test
    void aCustomerHitShowsEveryConversationOfTheCustomer() {
        Customer irina = customer("c1", "Ирина Соколова");
        conversation("v1", irina, null, T(1));
        conversation("v2", irina, null, T(3));
        conversation("v3", customer("c2", "Someone Else"), null, T(2));

        // Same score: the most recent first.
        assertThat(ids(search.search("Соколова", 10))).containsExactly("v2", "v1");
    }

    // --- ranking -----------------------------------------------------------------------------

    @Test
    void aMessageAboutTheWordRanksAboveALongOneThatMentionsItOnce() {
        conversation("v1", customer("c1", "A"), null, T(2));
        messages("v1", "m1 Today we talked about many things: the weather, the new office, the football results, "
                + "the prices of coffee, the holidays and, at the very end, the refund for the broken kettle.");
        conversation("v2", customer("c2", "B"), null, T(1));
        messages("v2", "m2 Refund please, refund now");
        conversation("v3", customer("c3", "C"), null, T(3));
        messages("v3", "m3 Nothing relevant here at all");

        List<SearchHit> hits = search.search("refund", 10);

        assertThat(ids(hits)).containsExactly("v2", "v1");
        assertThat(hits.get(0).score()).isLessThan(hits.get(1).score());
    }

    @Test
    void theCustomerNamedRanksAboveAPassingMentionInSomeonesMessage() {
        conversation("v1", customer("c1", "Anna Smith"), null, T(3));
        messages("v1", "m1 I spoke to Petrova at the front desk about the bill yesterday afternoon");
        conversation("v2", customer("c2", "Olga Petrova"), "Bill", T(1));
        messages("v2", "m2 Hello, where is my bill?");

        assertThat(ids(search.search("petrova", 10))).containsExactly("v2", "v1");
    }

    @Test
    void matchingInSeveralPlacesRanksAboveMatchingInOne() {
        conversation("v1", customer("c1", "A"), "Broken screen", T(3));
        messages("v1", "m1 my phone screen cracked");
        conversation("v2", customer("c2", "B"), "Question", T(1));
        messages("v2", "m2 my phone screen cracked");

        List<SearchHit> hits = search.search("screen", 10);

        assertThat(ids(hits)).containsExactly("v1", "v2");
        assertThat(hits.getFirst().source()).isIn(Source.SUBJECT, Source.MESSAGE);
    }

    @Test
    void oneHitPerConversationAndNoMoreThanTheLimit() {
        for (int i = 0; i < 30; i++) {
            conversation("v" + i, customer("c" + i, "Customer " + i), null, T(i));
            messages("v" + i, "a" + i + " the modem blinks red", "b" + i + " modem still blinks", "c" + i + " new modem?");
        }

        List<SearchHit> hits = search.search("modem", 12);

        assertThat(hits).hasSize(12);
        assertThat(ids(hits)).doesNotHaveDuplicates();
        assertThat(search.search("modem", 100)).hasSize(30);
        assertThatIllegalArgumentException().isThrownBy(() -> search.search("modem", 0));
    }

    // --- input that must not break the query -------------------------------------------------

    @Test
    void operatorWordsAreWordsNotOperators() {
        conversation("v1", customer("c1", "A"), null, T(1));
        messages("v1", "m1 cats OR dogs");
        conversation("v2", customer("c2", "B"), null, T(2));
        messages("v2", "m2 cats only");

        // As FTS5 syntax "cats OR dogs" would find both; as words, only the message with all three.
        assertThat(ids(search.search("cats OR dogs", 10))).containsExactly("v1");
        assertThat(ids(search.search("cats NOT dogs", 10))).isEmpty();
    }

    @Test
    void aLongQueryIsHandled() {
        conversation("v1", customer("c1", "A"), null, T(1));
        messages("v1", "m1 word");
        String query = String.join(" ", IntStream.range(0, 500).mapToObj(i -> "w" + i + "\"(*").toList());

        assertThat(search.search(query, 10)).isEmpty();
        assertThat(ids(search.search("word " + "\" ( ) * ".repeat(2000), 10))).containsExactly("v1");
    }

    // --- the index follows every write path --------------------------------------------------

    @Test
    void theIndexFollowsEditsDeletesAndTheOperatorsOwnActions() throws Exception {
        conversation("v1", customer("c1", "Ирина Соколова"), "Старая тема", T(1));
        messages("v1", "m1 первый вариант текста");

        store.upsertMessages("v1", List.of(message("m1 второй вариант текста", "v1", T(1))));
        store.upsertConversations(List.of(new Conversation("v1", customer("c1", "Ирина Смирнова"),
                ConversationStatus.OPEN, Channel.CHAT, MessageKind.TEXT, "Новая тема", null, T(1), 0)));

        assertThat(search.search("первый", 10)).isEmpty();
        assertThat(ids(search.search("второй", 10))).containsExactly("v1");
        assertThat(search.search("Соколова", 10)).isEmpty();
        assertThat(ids(search.search("Смирнова", 10))).containsExactly("v1");
        assertThat(search.search("старая", 10)).isEmpty();
        assertThat(ids(search.search("новая тема", 10))).containsExactly("v1");

        // A reply written offline is searchable at once; rejected by the backend, it is gone.
        List<String> keys = new ArrayList<>(List.of("key-1"));
        Supplier<String> nextKey = () -> keys.removeFirst();
        OperatorActions operator = new OperatorActions(db, Clock.fixed(T(5), ZoneOffset.UTC), "Анна", nextKey);
        ActionRequest reply = operator.reply("v1", "Отправили курьером сегодня");
        assertThat(search.search("курьером", 10)).singleElement()
                .satisfies(hit -> assertThat(hit.messageId()).isEqualTo("key-1"));
        OutboxStore outbox = new OutboxStore(db, Clock.fixed(T(6), ZoneOffset.UTC));
        outbox.reject(outbox.head().orElseThrow().sequence(), "conversation reassigned");
        assertThat(search.search("курьером", 10)).isEmpty();
        assertThat(reply.text()).isEqualTo("Отправили курьером сегодня");

        assertIndexesMatchTheirTables();
    }

    @Test
    void resyncingUnchangedRowsLeavesTheIndexAlone() throws Exception {
        conversation("v1", customer("c1", "A"), "subject", T(1));
        messages("v1", "m1 hello there");
        String before = ftsPages();

        conversation("v1", customer("c1", "A"), "subject", T(2));
        messages("v1", "m1 hello there");

        assertThat(ftsPages()).isEqualTo(before);
        assertThat(ids(search.search("hello", 10))).containsExactly("v1");
        assertIndexesMatchTheirTables();
    }

    // --- helpers ---------------------------------------------------------------------------------

    private static Instant T(int seconds) {
        return Samples.T0.plusSeconds(seconds);
    }

    private static Customer customer(String id, String name) {
        return new Customer(id, name, null, null, null);
    }

    private void conversation(String id, Customer customer, String subject, Instant at) {
        store.upsertConversations(List.of(new Conversation(id, customer, ConversationStatus.OPEN, Channel.CHAT,
                MessageKind.TEXT, subject, null, at, 0)));
    }

    /** Each entry is "id text". */
    private void messages(String conversationId, String... idAndTexts) {
        List<Message> messages = new ArrayList<>();
        for (int i = 0; i < idAndTexts.length; i++) {
            messages.add(message(idAndTexts[i], conversationId, Samples.T0.plusMillis(i)));
        }
        store.upsertMessages(conversationId, messages);
    }

    private static Message message(String idAndText, String conversationId, Instant at) {
        int space = idAndText.indexOf(' ');
        return new Message(idAndText.substring(0, space), conversationId, Channel.CHAT, MessageKind.TEXT,
                Direction.INBOUND, null, null, idAndText.substring(space + 1), at);
    }

    private static List<String> ids(List<SearchHit> hits) {
        return hits.stream().map(hit -> hit.conversation().id()).toList();
    }

    /** FTS5's own check that each index holds exactly what its content table says; throws if not. */
    private void assertIndexesMatchTheirTables() throws SQLException {
        try (Connection connection = CacheFiles.rawConnection(db.file()); Statement statement = connection.createStatement()) {
            for (String fts : List.of("messages_fts", "conversations_fts", "customers_fts")) {
                statement.execute("INSERT INTO " + fts + " (" + fts + ", rank) VALUES ('integrity-check', 1)");
            }
        }
    }

    /** Every data page of the three indexes: any write to an index changes this. */
    private String ftsPages() throws SQLException {
        StringBuilder pages = new StringBuilder();
        try (Connection connection = CacheFiles.rawConnection(db.file()); Statement statement = connection.createStatement()) {
            for (String fts : List.of("messages_fts", "conversations_fts", "customers_fts")) {
                try (var rows = statement.executeQuery("SELECT id, hex(block) FROM " + fts + "_data ORDER BY id")) {
                    while (rows.next()) {
                        pages.append(fts).append(rows.getLong(1)).append('=').append(rows.getString(2)).append('\n');
                    }
                }
            }
        }
        return pages.toString();
    }
}
