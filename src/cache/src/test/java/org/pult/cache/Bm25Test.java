package org.pult.cache;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.pult.core.model.Channel;
import org.pult.core.model.Direction;
import org.pult.core.model.Message;
import org.pult.core.model.MessageKind;

/**
 * The bm25 computed in Java is FTS5's: same scores, row for row, when it sees every match of a
 * one-phrase query. (With several phrases ANDed, FTS5 counts each phrase's own matches for its
 * IDF; the Java side only sees rows that match them all, so there the scores differ by design.)
 */
class Bm25Test {

    @TempDir
    Path dir;

    @Test
    void scoresEqualFts5sBm25ForEveryMatchingRow() throws Exception {
        try (CacheDatabase db = CacheDatabase.open(dir.resolve("cache.db"))) {
            ConversationStore store = new ConversationStore(db);
            store.upsertConversations(List.of(Samples.conversation("v1", Samples.T0)));
            String[][] texts = {
                    {"Заказ", "Где мой заказ? Заказ №42 не пришёл"},
                    {null, "заказы приходят быстро, спасибо"},
                    {"Re: доставка", "Доставка заказа перенесена на пятницу, курьер позвонит заранее"},
                    {null, "Ничего общего"},
                    {"Café", "Order café naïve Zoë — order number 42 and the ORDER of things"},
                    {null, "a much longer message about an order that goes on and on and on, with many words in it,"
                            + " so that its length pulls the score down compared with the short ones"},
                    {"ЁЛКА", "Ещё про ёлку и заказ"}};
            List<Message> messages = new ArrayList<>();
            for (int i = 0; i < texts.length; i++) {
                messages.add(new Message("m" + i, "v1", Channel.EMAIL, MessageKind.TEXT, Direction.INBOUND, null,
                        texts[i][0], texts[i][1], Samples.T0.plusSeconds(i)));
            }
            store.upsertMessages("v1", messages);

            for (String userQuery : List.of("заказ", "order", "cafe", "42", "елку", "доставка", "\"order of\"", "\"где мой заказ\"")) {
                SearchQuery query = SearchQuery.parse(userQuery);
                Map<Long, Double> fts5 = new LinkedHashMap<>();
                List<List<List<Words.Word>>> rows = new ArrayList<>();
                try (Connection connection = CacheFiles.rawConnection(db.file());
                        PreparedStatement statement = connection.prepareStatement("""
                                SELECT f.rowid, bm25(messages_fts, 2.0, 1.0), m.search_subject, m.search_body
                                FROM messages_fts f JOIN messages m ON m.rowid = f.rowid
                                WHERE messages_fts MATCH ? ORDER BY f.rowid""")) {
                    statement.setString(1, query.textExpression());
                    try (ResultSet result = statement.executeQuery()) {
                        while (result.next()) {
                            fts5.put(result.getLong(1), result.getDouble(2));
                            rows.add(List.of(Words.of(result.getString(3)), Words.of(result.getString(4))));
                        }
                    }
                    Bm25 bm25 = Bm25.of(connection, "messages_fts", new double[] {2.0, 1.0}, Phrase.of(query), rows, 0);

                    assertThat(fts5).as(userQuery).isNotEmpty();
                    int i = 0;
                    for (Map.Entry<Long, Double> row : fts5.entrySet()) {
                        assertThat(bm25.score(i++)).as(userQuery + ", row " + row.getKey())
                                .isCloseTo(row.getValue(), within(1e-9));
                    }
                }
            }
        }
    }
}
