package org.pult.cache;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.pult.core.model.Channel;
import org.pult.core.model.Conversation;
import org.pult.core.model.ConversationStatus;
import org.pult.core.model.Customer;
import org.pult.core.model.Direction;
import org.pult.core.model.Message;
import org.pult.core.model.MessageKind;

/**
 * Whatever the operator types reaches FTS5 as words, never as syntax: no input is a syntax error,
 * and the words in it are still searched. One cache for all inputs; the searches only read.
 */
class SearchEscapingTest {

    @org.junit.jupiter.api.io.TempDir
    static Path dir;

    private static CacheDatabase db;
    private static CacheSearch search;

    @BeforeAll
    static void fill() throws CacheOpenException {
        db = CacheDatabase.open(dir.resolve("cache.db"));
        search = new CacheSearch(db);
        ConversationStore store = new ConversationStore(db);
        store.upsertConversations(List.of(
                new Conversation("v1", new Customer("c1", "Carter", null, null, null), ConversationStatus.OPEN,
                        Channel.CHAT, MessageKind.TEXT, null, null, Samples.T0, 0),
                new Conversation("v2", new Customer("c2", "Other", null, null, null), ConversationStatus.OPEN,
                        Channel.CHAT, MessageKind.TEXT, null, null, Samples.T0, 0)));
        store.upsertMessages("v1", List.of(new Message("m1", "v1", Channel.CHAT, MessageKind.TEXT, Direction.INBOUND,
                null, null, "Tom's body AND Jerry OR NOT NEAR the order-123 at the café (search_body)", Samples.T0)));
        store.upsertMessages("v2", List.of(new Message("m2", "v2", Channel.CHAT, MessageKind.TEXT, Direction.INBOUND,
                null, null, "something else entirely", Samples.T0)));
    }

    @AfterAll
    static void close() {
        db.close();
    }

    @ParameterizedTest(name = "[{index}] {0}")
    @ValueSource(strings = {
            "\"Jerry", "Jerry\"", "\"Tom\" \"Jerry", "AND", "OR", "NOT", "NEAR",
            "Tom AND", "AND Tom", "Tom OR", "OR Jerry", "Tom NOT", "NOT Tom", "NEAR(Tom Jerry)", "NEAR(Tom",
            "Tom*", "*Tom", "Tom -", "-Tom", "Tom -Jerry", "^Tom", "Tom^", "body:Tom", "search_body:Tom",
            "{search_body}: Tom", "(Tom", "Tom)", "((Tom))", "Tom + Jerry", "Tom's", "'Tom'", "Tom\\", "Tom;",
            "Tom -- Jerry", "Tom /* Jerry */", "Tom %", "Tom_", "Tom\u0000Jerry", "Tom\tJerry\n", "Tom 🐭",
            "order-123", "café TOM", "TOM   jerry", "Tom, Jerry!"})
    void anyInputIsSafeAndItsWordsAreSearchedAsWords(String query) {
        assertThat(ids(search.search(query, 10))).as(query).containsExactly("v1");
    }

    @ParameterizedTest(name = "[{index}] {0}")
    @ValueSource(strings = {"", " ", "\"", "\"\"", "\"\"\"", "*", "**", "-", "()", "^", ":", "+-*/", "🙂", "\u0000", "…", "«»"})
    void aQueryWithoutWordsFindsNothingAndDoesNotFail(String query) {
        assertThat(search.search(query, 10)).isEmpty();
    }

    private static List<String> ids(List<SearchHit> hits) {
        return hits.stream().map(hit -> hit.conversation().id()).toList();
    }
}
