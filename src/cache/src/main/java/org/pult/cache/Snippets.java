package org.pult.cache;

import java.util.ArrayList;
import java.util.List;
import org.pult.cache.SearchHit.Snippet;
import org.pult.cache.SearchHit.Span;

/**
 * Cuts a snippet out of a matching text and marks the words the query matched, in Java rather
 * than with FTS5's {@code snippet()}: the text is already at hand (it was read to rank the
 * conversation), and a {@code snippet()} per hit costs a second FTS5 query each, which at a
 * million messages is most of a search's time. Words are cut and compared the way the index does
 * it (see {@link SearchQuery}): case-folded, ё read as е, Latin accents dropped.
 */
final class Snippets {

    /** How many words a snippet shows at most. */
    static final int WORDS = 16;
    /** How many words before the first match a cut snippet starts. */
    private static final int LEAD = 3;

    private Snippets() {
    }

    private record Word(int start, int end, boolean matched) {
    }

    /** The whole of a short text, or the {@link #WORDS} words around its best match, marked. */
    static Snippet of(String text, SearchQuery query) {
        if (text == null) {
            return new Snippet("", List.of());
        }
        List<Word> words = words(text, query);
        if (words.size() <= WORDS) {
            return marked(text, 0, text.length(), words, "", "");
        }
        int first = bestWindow(words);
        int last = Math.min(words.size(), first + WORDS) - 1;
        int start = first == 0 ? 0 : words.get(first).start();
        int end = last == words.size() - 1 ? text.length() : words.get(last).end();
        return marked(text, start, end, words.subList(first, last + 1), start > 0 ? "…" : "",
                end < text.length() ? "…" : "");
    }

    /** Whether any word of {@code text} matches the query. */
    static boolean matches(String text, SearchQuery query) {
        return text != null && words(text, query).stream().anyMatch(Word::matched);
    }

    /** The first word of the window of {@link #WORDS} words holding the most matches, a little before them. */
    private static int bestWindow(List<Word> words) {
        int best = 0;
        int bestCount = -1;
        int count = 0;
        for (int i = 0; i < words.size(); i++) {
            count += words.get(i).matched() ? 1 : 0;
            if (i >= WORDS) {
                count -= words.get(i - WORDS).matched() ? 1 : 0;
            }
            int windowStart = Math.max(0, i - WORDS + 1);
            if (count > bestCount) {
                bestCount = count;
                best = windowStart;
            }
        }
        // Start at the first match of the window, with a few words of lead-in.
        int firstMatch = best;
        while (firstMatch < words.size() && !words.get(firstMatch).matched()) {
            firstMatch++;
        }
        if (firstMatch == words.size()) {
            return 0;
        }
        return Math.max(0, Math.min(firstMatch - LEAD, words.size() - WORDS));
    }

    private static Snippet marked(String text, int start, int end, List<Word> words, String before, String after) {
        List<Span> spans = new ArrayList<>();
        for (Word word : words) {
            if (word.matched() && word.start() >= start && word.end() <= end) {
                int offset = before.length() - start;
                spans.add(new Span(word.start() + offset, word.end() + offset));
            }
        }
        return new Snippet(before + text.substring(start, end) + after, spans);
    }

    private static List<Word> words(String text, SearchQuery query) {
        List<Phrase> phrases = Phrase.of(query);
        List<Words.Word> all = Words.of(text);
        boolean[] matched = new boolean[all.size()];
        for (Phrase phrase : phrases) {
            phrase.mark(all, matched);
        }
        List<Word> words = new ArrayList<>(all.size());
        for (int i = 0; i < all.size(); i++) {
            words.add(new Word(all.get(i).start(), all.get(i).end(), matched[i]));
        }
        return words;
    }
}
