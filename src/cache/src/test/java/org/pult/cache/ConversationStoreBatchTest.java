package org.pult.cache;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.pult.core.model.Message;

/** Several timelines in one transaction: stored and indexed like one at a time, or not at all. */
class ConversationStoreBatchTest {

    @TempDir
    Path dir;

    @Test
    void aBatchOfTimelinesIsStoredAndSearchableOrNothingOfIt() throws Exception {
        try (CacheDatabase db = CacheDatabase.open(dir.resolve("cache.db"))) {
            ConversationStore store = new ConversationStore(db);
            store.upsertConversations(List.of(Samples.conversation("v1", Samples.T0), Samples.conversation("v2", Samples.T0)));
            Map<String, List<Message>> batch = new LinkedHashMap<>();
            batch.put("v1", List.of(Samples.message("m1", "v1", Samples.T0, "первое сообщение")));
            batch.put("v2", List.of(Samples.message("m2", "v2", Samples.T0, "второе сообщение"),
                    Samples.message("m3", "v2", Samples.T0.plusMillis(1), "третье")));

            store.upsertMessages(batch);

            assertThat(store.messages("v1")).extracting(Message::body).containsExactly("первое сообщение");
            assertThat(store.messages("v2")).extracting(Message::body).containsExactly("второе сообщение", "третье");
            assertThat(new CacheSearch(db).search("сообщение", 10)).extracting(h -> h.conversation().id())
                    .containsExactlyInAnyOrder("v1", "v2");

            Map<String, List<Message>> broken = new LinkedHashMap<>();
            broken.put("v1", List.of(Samples.message("m4", "v1", Samples.T0, "четвёртое")));
            broken.put("missing", List.of(Samples.message("m5", "missing", Samples.T0, "пятое")));
            assertThatThrownBy(() -> store.upsertMessages(broken)).isInstanceOf(CacheAccessException.class);
            assertThat(store.messages("v1")).hasSize(1);
            assertThat(new CacheSearch(db).search("четвертое", 10)).isEmpty();

            assertThatIllegalArgumentException().isThrownBy(() -> store.upsertMessages(
                    Map.of("v1", List.of(Samples.message("m6", "v2", Samples.T0, "x")))));
        }
    }
}
