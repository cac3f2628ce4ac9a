package org.pult.cache;

import java.util.ArrayList;
import java.util.List;

/**
 * One phrase of a match expression as FTS5 reads it (a quoted string, the last word a prefix if
 * starred), with its words folded like the index's, to find its occurrences in a row's text.
 *
 * @param column the only column it may match in (FTS5's {@code column : phrase}), or -1 for any
 */
record Phrase(List<String> words, boolean prefix, int column) {

    Phrase {
        words = List.copyOf(words);
    }

    static List<Phrase> of(SearchQuery query) {
        List<Phrase> phrases = new ArrayList<>();
        for (SearchQuery.Term term : query.terms()) {
            phrases.add(new Phrase(term.words().stream().map(Words::fold).toList(), term.prefix(), -1));
        }
        return phrases;
    }

    /** How often it occurs in {@code text}. */
    int count(List<Words.Word> text) {
        int count = 0;
        for (int i = 0; i + words.size() <= text.size(); i++) {
            if (at(text, i)) {
                count++;
            }
        }
        return count;
    }

    /** Sets {@code matched} for every word of every occurrence. */
    void mark(List<Words.Word> text, boolean[] matched) {
        for (int i = 0; i + words.size() <= text.size(); i++) {
            if (at(text, i)) {
                for (int j = 0; j < words.size(); j++) {
                    matched[i + j] = true;
                }
            }
        }
    }

    private boolean at(List<Words.Word> text, int start) {
        for (int j = 0; j < words.size(); j++) {
            String word = text.get(start + j).folded();
            String wanted = words.get(j);
            boolean last = j == words.size() - 1;
            if (!(last && prefix ? word.startsWith(wanted) : word.equals(wanted))) {
                return false;
            }
        }
        return true;
    }
}
