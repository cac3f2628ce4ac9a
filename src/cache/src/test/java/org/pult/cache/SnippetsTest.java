package org.pult.cache;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.pult.cache.SearchHit.Snippet;

class SnippetsTest {

    @Test
    void aShortTextIsShownWholeWithItsMatchesMarked() {
        Snippet snippet = Snippets.of("Где мой ЗАКАЗ? Заказы не приходят.", SearchQuery.parse("заказа"));

        assertThat(snippet.marked("[", "]")).isEqualTo("Где мой [ЗАКАЗ]? [Заказы] не приходят.");
        assertThat(snippet.highlights()).extracting(SearchHit.Span::start).containsExactly(8, 15);
    }

    @Test
    void aLongTextIsCutAroundTheMatchWithEllipses() {
        String text = "one two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen "
                + "sixteen seventeen eighteen refund nineteen twenty twenty-one twenty-two twenty-three twenty-four "
                + "twenty-five twenty-six twenty-seven twenty-eight twenty-nine thirty";

        Snippet snippet = Snippets.of(text, SearchQuery.parse("refund"));

        assertThat(snippet.marked("[", "]"))
                .isEqualTo("…sixteen seventeen eighteen [refund] nineteen twenty twenty-one twenty-two twenty-three twenty-four "
                        + "twenty-five…");
        assertThat(snippet.text()).startsWith("…").endsWith("…");
    }

    @Test
    void theWindowWithTheMostMatchesWins() {
        String filler = "word ".repeat(40);
        String text = "alpha " + filler + "beta alpha beta " + filler + "end";

        Snippet snippet = Snippets.of(text, SearchQuery.parse("alpha beta"));

        assertThat(snippet.highlights()).hasSize(3);
        assertThat(snippet.marked("[", "]")).contains("[beta] [alpha] [beta]");
    }

    @Test
    void wordsAreComparedAsTheIndexComparesThem() {
        assertThat(Snippets.of("Ещё один платёж, café and Zoë", SearchQuery.parse("еще ПЛАТЕЖ cafe zoe")).marked("[", "]"))
                .isEqualTo("[Ещё] один [платёж], [café] and [Zoë]");
        // A one-letter word is matched whole, not as a prefix.
        assertThat(Snippets.of("я и ты", SearchQuery.parse("я")).marked("[", "]")).isEqualTo("[я] и ты");
        // й is a letter of its own for the index (it is not и with a mark), so it stays one here too.
        assertThat(Snippets.matches("йогурт", SearchQuery.parse("иогурт"))).isFalse();
    }

    @Test
    void noTextNoSnippet() {
        assertThat(Snippets.of(null, SearchQuery.parse("x")).text()).isEmpty();
    }
}
