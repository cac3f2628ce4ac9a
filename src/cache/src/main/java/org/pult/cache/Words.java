package org.pult.cache;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;

/**
 * Words of a text as the index's tokenizer ({@code unicode61 remove_diacritics 2}) sees them:
 * runs of letters, digits and private-use characters, case-folded, Latin letters without their
 * accents; and, as the indexed text has it (see {@link SearchSchema}), ё read as е. Used to score
 * and mark the rows FTS5 matched, so it must cut and fold the way the index does.
 */
final class Words {

    /** A word: characters {@code [start, end)} of the text, and its folded form. */
    record Word(int start, int end, String folded) {
    }

    /** Lower case and accent-free forms of U+0000..U+024F (Latin), computed once. */
    private static final char[] LATIN = new char[0x250];

    static {
        for (char c = 0; c < LATIN.length; c++) {
            String lower = String.valueOf(Character.toLowerCase(c));
            String bare = Normalizer.normalize(lower, Normalizer.Form.NFD).replaceAll("\\p{Mn}", "");
            LATIN[c] = bare.length() == 1 ? bare.charAt(0) : lower.charAt(0);
        }
    }

    private Words() {
    }

    static boolean isWordChar(int c) {
        return Character.isLetterOrDigit(c) || Character.getType(c) == Character.PRIVATE_USE
                || Character.getType(c) == Character.NON_SPACING_MARK;
    }

    static List<Word> of(String text) {
        List<Word> words = new ArrayList<>();
        if (text == null) {
            return words;
        }
        StringBuilder folded = new StringBuilder();
        int i = 0;
        int length = text.length();
        while (i < length) {
            int c = text.codePointAt(i);
            if (!isWordChar(c)) {
                i += Character.charCount(c);
                continue;
            }
            int start = i;
            folded.setLength(0);
            while (i < length) {
                c = text.codePointAt(i);
                if (!isWordChar(c)) {
                    break;
                }
                fold(c, folded);
                i += Character.charCount(c);
            }
            words.add(new Word(start, i, folded.toString()));
        }
        return words;
    }

    /** One word, folded. */
    static String fold(String word) {
        StringBuilder folded = new StringBuilder(word.length());
        word.codePoints().forEach(c -> fold(c, folded));
        return folded.toString();
    }

    private static void fold(int c, StringBuilder out) {
        if (c < LATIN.length) {
            out.append(LATIN[c]);
        } else if (c == 'ё' || c == 'Ё') {
            out.append('е');
        } else if (Character.getType(c) == Character.NON_SPACING_MARK) {
            // A combining accent: the tokenizer drops it with remove_diacritics.
        } else {
            out.appendCodePoint(Character.toLowerCase(c));
        }
    }
}
