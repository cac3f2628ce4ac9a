package org.pult.cache;

import java.util.ArrayList;
import java.util.List;
import java.util.StringJoiner;

/**
 * The full-text search schema (migration 6, ADR 0008): three external-content FTS5 tables over
 * the rows the stores already keep, kept in step by triggers, so every write path (sync upserts,
 * live events, local effects, rejected actions, cascading deletes) updates the index in the same
 * transaction without knowing about it.
 *
 * <ul>
 *   <li>{@code messages_fts}: a message's subject and body.</li>
 *   <li>{@code conversations_fts}: a conversation's subject.</li>
 *   <li>{@code customers_fts}: a customer's name, e-mail, company and phone.</li>
 * </ul>
 *
 * <p>The tokenizer is {@code unicode61 remove_diacritics 2}: it folds case for Cyrillic and Latin
 * alike and strips Latin accents (café = cafe), but it leaves ё alone (ё is not a diacritic to
 * it). Russian writes е for ё most of the time, so the indexed text is the row's text with ё/Ё
 * replaced by е/Е, and the query gets the same replacement. That text lives in VIRTUAL generated
 * columns ({@code search_*}): they cost no storage, and because the FTS columns are real columns of
 * the content table, FTS5's own {@code 'rebuild'} and {@code 'integrity-check'} keep working.
 *
 * <p>SQLite has no Russian stemmer; {@link SearchQuery} instead strips a common inflectional
 * ending and searches the rest as a prefix ({@code заказа} → {@code заказ*}).
 *
 * <p>Phones are tokenized as their digit groups by unicode61, which finds "912" in
 * "+7 912 345-67-89" but not "9123456". {@code customers.phone_keys} is therefore the phone's
 * digits and every suffix of them of at least {@link #PHONE_FRAGMENT_MIN} digits, so a prefix
 * query on any contiguous run of digits finds the number wherever the run sits in it.
 *
 * <p>The FTS tables map to their content by {@code rowid}, which these tables have implicitly
 * (their keys are TEXT). A {@code VACUUM} may renumber implicit rowids: if the cache is ever
 * vacuumed, run {@code INSERT INTO x_fts(x_fts) VALUES ('rebuild')} for each table afterwards.
 */
final class SearchSchema {

    static final String TOKENIZER = "unicode61 remove_diacritics 2";

    /** The shortest run of a phone's digits found anywhere in the number. */
    static final int PHONE_FRAGMENT_MIN = 3;

    /** Phone numbers longer than this (in digits) are found by their first digits only. */
    private static final int PHONE_DIGITS_MAX = 20;

    static final List<String> STATEMENTS = statements();

    private SearchSchema() {
    }

    /** The SQL form of {@link SearchQuery#normalize}'s ё → е. */
    private static String normalized(String column) {
        return "replace(replace(" + column + ", 'ё', 'е'), 'Ё', 'Е')";
    }

    private static List<String> statements() {
        List<String> sql = new ArrayList<>();
        // Messages.
        sql.add(generated("messages", "search_subject", normalized("subject")));
        sql.add(generated("messages", "search_body", normalized("body")));
        sql.addAll(ftsTable("messages", List.of("search_subject", "search_body"),
                List.of("subject", "body"), "bm25(2.0, 1.0)"));
        // Conversations.
        sql.add(generated("conversations", "search_subject", normalized("subject")));
        sql.addAll(ftsTable("conversations", List.of("search_subject"), List.of("subject"), "bm25(1.0)"));
        // A customer hit shows every conversation of that customer.
        sql.add("CREATE INDEX conversations_by_customer ON conversations(customer_id)");
        // Customers.
        sql.add(generated("customers", "search_name", normalized("display_name")));
        sql.add(generated("customers", "search_email", normalized("email")));
        sql.add(generated("customers", "search_company", normalized("company")));
        sql.add(generated("customers", "phone_digits", phoneDigits()));
        sql.add(generated("customers", "phone_keys", phoneKeys()));
        sql.addAll(ftsTable("customers", List.of("search_name", "search_email", "search_company", "phone_keys"),
                List.of("display_name", "email", "company", "phone"), "bm25(3.0, 1.0, 1.0, 1.0)"));
        return List.copyOf(sql);
    }

    private static String generated(String table, String column, String expression) {
        return "ALTER TABLE " + table + " ADD COLUMN " + column + " TEXT GENERATED ALWAYS AS (" + expression
                + ") VIRTUAL";
    }

    /**
     * The FTS table {@code <table>_fts} over {@code columns} of {@code table}, its three triggers,
     * its ranking, and the indexing of the rows already there.
     *
     * @param sources the stored columns the generated ones are made from; an update that leaves
     *                them alone (a re-sync of the same message, a settled pending reply) does not
     *                touch the index
     */
    private static List<String> ftsTable(String table, List<String> columns, List<String> sources, String rank) {
        String fts = table + "_fts";
        String columnList = String.join(", ", columns);
        String newValues = prefixed("new.", columns);
        String oldValues = prefixed("old.", columns);
        String delete = "INSERT INTO " + fts + " (" + fts + ", rowid, " + columnList + ") VALUES ('delete', old.rowid, "
                + oldValues + ");";
        String insert = "INSERT INTO " + fts + " (rowid, " + columnList + ") VALUES (new.rowid, " + newValues + ");";
        StringJoiner changed = new StringJoiner(" OR ");
        for (String source : sources) {
            changed.add("old." + source + " IS NOT new." + source);
        }
        return List.of(
                "CREATE VIRTUAL TABLE " + fts + " USING fts5(" + columnList + ", content = '" + table
                        + "', content_rowid = 'rowid', tokenize = '" + TOKENIZER + "')",
                "INSERT INTO " + fts + " (" + fts + ", rank) VALUES ('rank', '" + rank + "')",
                "CREATE TRIGGER " + fts + "_after_insert AFTER INSERT ON " + table + " BEGIN " + insert + " END",
                "CREATE TRIGGER " + fts + "_after_delete AFTER DELETE ON " + table + " BEGIN " + delete + " END",
                "CREATE TRIGGER " + fts + "_after_update AFTER UPDATE OF " + String.join(", ", sources) + " ON "
                        + table + " WHEN " + changed + " BEGIN " + delete + " " + insert + " END",
                // Rows cached before this version are indexed here, in the migration's transaction.
                "INSERT INTO " + fts + " (" + fts + ") VALUES ('rebuild')");
    }

    private static String prefixed(String prefix, List<String> columns) {
        StringJoiner values = new StringJoiner(", ");
        for (String column : columns) {
            values.add(prefix + column);
        }
        return values.toString();
    }

    /** The phone without the separators people write in it; NULL stays NULL. */
    private static String phoneDigits() {
        String expression = "phone";
        for (String separator : List.of(" ", "-", "(", ")", "+", ".", "/", "\u00a0")) {
            expression = "replace(" + expression + ", '" + separator + "', '')";
        }
        return "nullif(" + expression + ", '')";
    }

    /** {@code phone_digits} and each of its suffixes that is at least {@link #PHONE_FRAGMENT_MIN} long. */
    private static String phoneKeys() {
        StringBuilder keys = new StringBuilder("phone_digits");
        for (int skip = 1; skip <= PHONE_DIGITS_MAX - PHONE_FRAGMENT_MIN; skip++) {
            keys.append(" || CASE WHEN length(phone_digits) >= ").append(skip + PHONE_FRAGMENT_MIN)
                    .append(" THEN ' ' || substr(phone_digits, ").append(skip + 1).append(") ELSE '' END");
        }
        return keys.toString();
    }
}
