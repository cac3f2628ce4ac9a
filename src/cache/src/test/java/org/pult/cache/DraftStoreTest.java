package org.pult.cache;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DraftStoreTest {

    @TempDir
    Path dir;

    private CacheDatabase db;
    private DraftStore drafts;

    @BeforeEach
    void open() throws CacheOpenException {
        db = CacheDatabase.open(dir.resolve("cache.db"));
        drafts = new DraftStore(db);
    }

    @AfterEach
    void close() {
        db.close();
    }

    @Test
    void aDraftIsKeptExactlyAsTypedAcrossAReopen() throws CacheOpenException {
        String typed = "  Здравствуйте, Ирина! 👋\n\nПроверю и вернусь.  ";
        drafts.save("v1", typed);
        db.close();
        db = CacheDatabase.open(dir.resolve("cache.db"));
        drafts = new DraftStore(db);

        assertThat(drafts.load("v1")).contains(typed);
        assertThat(drafts.load("v2")).isEmpty();
    }

    @Test
    void savingAgainReplacesTheDraft() {
        drafts.save("v1", "first");
        drafts.save("v1", "second");

        assertThat(drafts.all()).containsExactly(Map.entry("v1", "second"));
    }

    @Test
    void blankEmptyOrNullTextDeletesTheDraft() {
        for (String nothing : new String[] {" \n\t ", "", null}) {
            drafts.save("v1", "something");
            drafts.save("v1", nothing);

            assertThat(drafts.load("v1")).isEmpty();
        }
    }

    @Test
    void draftsNeedNoConversationRow() {
        new ConversationStore(db).upsertConversations(List.of(Samples.conversation("known", Samples.T0)));

        drafts.save("not-synced-yet", "typed offline");

        assertThat(drafts.all()).containsExactly(Map.entry("not-synced-yet", "typed offline"));
    }

    @Test
    void allListsEveryDraftByConversation() {
        drafts.save("b", "two");
        drafts.save("a", "one");
        drafts.save("c", "three");
        drafts.save("c", "");

        assertThat(drafts.all()).containsExactly(Map.entry("a", "one"), Map.entry("b", "two"));
    }

    @Test
    void saveAllStoresEachAsSaveWould() {
        drafts.save("gone", "old");
        Map<String, String> salvaged = new LinkedHashMap<>();
        salvaged.put("v1", "restored");
        salvaged.put("gone", " ");

        drafts.saveAll(salvaged);

        assertThat(drafts.all()).containsExactly(Map.entry("v1", "restored"));
    }
}
