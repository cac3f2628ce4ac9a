package org.pult.cache;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.StringJoiner;

/**
 * What the operator typed, turned into FTS5 match expressions that cannot be a syntax error.
 *
 * <p>The text is cut into words the way the {@code unicode61} tokenizer cuts it (letters, digits
 * and private-use characters make words; everything else separates them), and every word goes to
 * FTS5 inside double quotes, which makes it a string and never an operator: {@code AND}, {@code OR},
 * {@code NOT}, {@code NEAR}, {@code *}, {@code ^}, {@code :}, {@code -}, parentheses and stray quotes
 * are all just separators or words. Words are ANDed. Text between a pair of double quotes is a
 * phrase (its words adjacent, in order); an unpaired quote is a separator.
 *
 * <p>SQLite has no Russian stemmer. Instead a word of five or more letters loses one common
 * inflectional ending and the rest is searched as a prefix: {@code доставки} → {@code доставк*}
 * finds доставка, доставку, доставкой. English words lose a plural or -ed/-ing ending the same
 * way. Every other word of three or more characters is a prefix too, which also serves
 * search-as-you-type. Shorter words are searched whole: a one- or two-letter prefix matches a
 * large part of the index, costs tens of milliseconds, and is rarely what was meant.
 */
final class SearchQuery {

    /** Endings stripped from a Cyrillic word, longest first; the stem keeps at least {@link #MIN_STEM} letters. */
    private static final List<String> RUSSIAN_ENDINGS = List.of(
            "иями", "ями", "ами", "ого", "его", "ому", "ему", "ыми", "ими", "иях", "ией",
            "ах", "ях", "ов", "ев", "ей", "ой", "ий", "ый", "ая", "яя", "ое", "ее", "ую", "юю", "ом", "ем",
            "ам", "ям", "ие", "ые", "ия", "ию",
            "а", "я", "ы", "и", "у", "ю", "е", "о", "ь", "й");
    private static final List<String> ENGLISH_ENDINGS = List.of("ies", "ing", "es", "ed", "s");
    private static final int MIN_STEM = 4;
    /**
     * Shorter words are searched whole. A prefix costs FTS5 a merge of every word that starts with
     * it, read in full: "по*" in a million Russian messages takes ~80 ms, "под*" ~5 ms.
     */
    static final int MIN_PREFIX = 3;
    private static final int MIN_STEMMED_WORD = 5;

    /** One word or phrase of the query. */
    record Term(List<String> words, boolean prefix) {

        String expression() {
            // The words hold no quotes (they are letters and digits only), so quoting them is exact.
            return "\"" + String.join(" ", words) + "\"" + (prefix ? "*" : "");
        }
    }

    private final List<Term> terms;
    private final String phoneDigits;

    private SearchQuery(List<Term> terms, String phoneDigits) {
        this.terms = List.copyOf(terms);
        this.phoneDigits = phoneDigits;
    }

    static SearchQuery parse(String userQuery) {
        String text = normalize(userQuery == null ? "" : userQuery);
        List<Term> terms = new ArrayList<>();
        int quotes = (int) text.chars().filter(c -> c == '"').count();
        int phraseQuotesLeft = quotes - quotes % 2; // an unpaired last quote is a separator
        boolean inPhrase = false;
        List<String> phrase = new ArrayList<>();
        int i = 0;
        while (i < text.length()) {
            int c = text.codePointAt(i);
            if (c == '"' && phraseQuotesLeft > 0) {
                phraseQuotesLeft--;
                if (inPhrase && !phrase.isEmpty()) {
                    terms.add(phrase.size() == 1 ? wordTerm(phrase.getFirst()) : new Term(phrase, false));
                }
                phrase = new ArrayList<>();
                inPhrase = !inPhrase;
                i++;
            } else if (isWordChar(c)) {
                int end = i;
                while (end < text.length() && isWordChar(text.codePointAt(end))) {
                    end += Character.charCount(text.codePointAt(end));
                }
                String word = text.substring(i, end);
                if (inPhrase) {
                    phrase.add(word);
                } else {
                    terms.add(wordTerm(word));
                }
                i = end;
            } else {
                i += Character.charCount(c);
            }
        }
        return new SearchQuery(terms, phoneDigits(text));
    }

    /** Case-folded, composed, with ё read as е: the same text the index holds (see {@link SearchSchema}). */
    static String normalize(String text) {
        return Normalizer.normalize(text, Normalizer.Form.NFC).toLowerCase(Locale.ROOT).replace('ё', 'е');
    }

    static boolean isWordChar(int c) {
        return Words.isWordChar(c);
    }

    private static Term wordTerm(String word) {
        if (word.codePointCount(0, word.length()) < MIN_PREFIX) {
            return new Term(List.of(word), false);
        }
        return new Term(List.of(stem(word)), true);
    }

    /** The word without one common inflectional ending, if what is left is long enough to mean something. */
    static String stem(String word) {
        if (word.length() < MIN_STEMMED_WORD) {
            return word;
        }
        List<String> endings = isCyrillic(word) ? RUSSIAN_ENDINGS : isLatin(word) ? ENGLISH_ENDINGS : List.of();
        for (String ending : endings) {
            if (word.endsWith(ending) && word.length() - ending.length() >= MIN_STEM
                    && !(ending.equals("s") && word.endsWith("ss"))) {
                return word.substring(0, word.length() - ending.length());
            }
        }
        return word;
    }

    private static boolean isCyrillic(String word) {
        return word.codePoints().allMatch(c -> Character.UnicodeScript.of(c) == Character.UnicodeScript.CYRILLIC);
    }

    private static boolean isLatin(String word) {
        return word.codePoints().allMatch(c -> c < 0x80 && Character.isLetter(c));
    }

    /**
     * The digits of a query that looks like (part of) a phone number: only digits and the
     * separators people write in numbers, with at least {@link SearchSchema#PHONE_FRAGMENT_MIN} digits.
     */
    private static String phoneDigits(String text) {
        StringBuilder digits = new StringBuilder();
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c >= '0' && c <= '9') {
                digits.append(c);
            } else if (" -+().\u00a0/".indexOf(c) < 0) {
                return null;
            }
        }
        return digits.length() >= SearchSchema.PHONE_FRAGMENT_MIN ? digits.toString() : null;
    }

    boolean isEmpty() {
        return terms.isEmpty();
    }

    List<Term> terms() {
        return terms;
    }

    /** The match expression for text columns: every term, ANDed. */
    String textExpression() {
        StringJoiner all = new StringJoiner(" AND ");
        for (Term term : terms) {
            all.add(term.expression());
        }
        return all.toString();
    }

    /**
     * The match expression for {@code customers_fts}: the text terms, or for a phone-like query
     * also its digits as one run anywhere in the number ({@code "+7 (912) 345"} finds
     * 79123456789 through the key 9123456789... and the key 79123456789).
     */
    String customerExpression() {
        if (phoneDigits == null) {
            return textExpression();
        }
        return "(" + textExpression() + ") OR phone_keys : \"" + phoneDigits + "\"*";
    }

    /** The query's digits when it looks like a phone number, else null. */
    String phoneDigits() {
        return phoneDigits;
    }
}
