package org.pult.cache;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.StringJoiner;
import org.pult.cache.SearchHit.Snippet;
import org.pult.cache.SearchHit.Source;
import org.pult.cache.SearchHit.Span;
import org.pult.core.model.Conversation;
import org.pult.core.model.Customer;

/**
 * Full-text search over the cache: message texts, conversation subjects and customers (name,
 * e-mail, company, phone), answered as conversations ranked by bm25, each with a snippet of its
 * best match. Whatever the operator types is safe to pass: it is never FTS5 syntax (see
 * {@link SearchQuery}). ADR 0008 has the reasons for what follows.
 *
 * <p>FTS5 finds the matching rows of each index, newest first, at most {@link #RANK_WINDOW} of
 * them; those rows are scored here with FTS5's own bm25 formula ({@link Bm25}). FTS5's
 * {@code bm25()} would give the same order but costs, for a common word in a million messages,
 * a second pass over every match to count them (its IDF) and a lookup per row: 15-25 ms a
 * keystroke. Here the IDF comes from how densely the window matches.
 *
 * <p>A conversation's score is the weighted sum of its best row per index ({@link #CUSTOMER_WEIGHT},
 * {@link #SUBJECT_WEIGHT}, 1 for messages); lower is better, as in FTS5. Matching in several
 * places ranks higher than in one, and a customer named in the query ranks their conversations
 * above a passing mention in some message. Ties go to the most recent. All words must match
 * within one row (one message, one subject, one customer).
 */
public final class CacheSearch {

    /** How many rows of each index are grouped into conversations, per wanted result. */
    static final int CANDIDATES_PER_RESULT = 5;
    static final double CUSTOMER_WEIGHT = 2.0;
    static final double SUBJECT_WEIGHT = 1.5;

    /** How many of the newest matching rows of each index are ranked. */
    static final int RANK_WINDOW = 500;

    /** An FTS table, the columns it indexes (as the content table names them) and their bm25 weights. */
    private record Index(String fts, String table, List<String> columns, double[] weights, String key) {
    }

    private static final Index MESSAGES = new Index("messages_fts", "messages",
            List.of("search_subject", "search_body"), new double[] {2.0, 1.0}, "conversation_id");
    private static final Index SUBJECTS = new Index("conversations_fts", "conversations",
            List.of("search_subject"), new double[] {1.0}, "id");
    private static final Index CUSTOMERS = new Index("customers_fts", "customers",
            List.of("search_name", "search_email", "search_company", "phone_keys"),
            new double[] {3.0, 1.0, 1.0, 1.0}, "id");
    private static final int PHONE_KEYS_COLUMN = 3;

    private final CacheDatabase database;

    public CacheSearch(CacheDatabase database) {
        this.database = Objects.requireNonNull(database, "database");
    }

    /**
     * The conversations matching {@code userQuery}, best first, at most {@code limit}. A query with
     * no words in it (blank, only punctuation) finds nothing.
     */
    public List<SearchHit> search(String userQuery, int limit) {
        if (limit < 1) {
            throw new IllegalArgumentException("limit must be positive: " + limit);
        }
        SearchQuery query = SearchQuery.parse(userQuery);
        if (query.isEmpty()) {
            return List.of();
        }
        return database.read(connection -> search(connection, query, limit));
    }

    /** What one conversation matched, per source: the best score and the row it came from. */
    private static final class Candidate {
        final String conversationId;
        final double[] best = new double[Source.values().length];
        final long[] row = new long[Source.values().length];
        final boolean[] found = new boolean[Source.values().length];
        Conversation conversation;

        Candidate(String conversationId) {
            this.conversationId = conversationId;
        }

        void offer(Source source, double score, long rowid) {
            int i = source.ordinal();
            if (!found[i] || score < best[i]) {
                best[i] = score;
                row[i] = rowid;
                found[i] = true;
            }
        }

        double score() {
            double score = 0;
            for (Source source : Source.values()) {
                if (found[source.ordinal()]) {
                    score += weight(source) * best[source.ordinal()];
                }
            }
            return score;
        }

        Source bestSource() {
            Source chosen = null;
            for (Source source : Source.values()) {
                int i = source.ordinal();
                if (found[i] && (chosen == null || weight(source) * best[i] < weight(chosen) * best[chosen.ordinal()])) {
                    chosen = source;
                }
            }
            return chosen;
        }
    }

    /** A row of an index that matched, with its score and the key it leads to. */
    private record Scored(long rowid, String key, double score) {
    }

    private static double weight(Source source) {
        return switch (source) {
            case MESSAGE -> 1.0;
            case SUBJECT -> SUBJECT_WEIGHT;
            case CUSTOMER -> CUSTOMER_WEIGHT;
        };
    }

    private static List<SearchHit> search(Connection connection, SearchQuery query, int limit) throws SQLException {
        int candidates = limit * CANDIDATES_PER_RESULT;
        List<Phrase> phrases = Phrase.of(query);
        List<Phrase> customerPhrases = new ArrayList<>(phrases);
        if (query.phoneDigits() != null) {
            customerPhrases.add(new Phrase(List.of(query.phoneDigits()), true, PHONE_KEYS_COLUMN));
        }
        Map<String, Candidate> found = new LinkedHashMap<>();
        for (Scored row : best(connection, MESSAGES, query.textExpression(), phrases, candidates)) {
            found.computeIfAbsent(row.key(), Candidate::new).offer(Source.MESSAGE, row.score(), row.rowid());
        }
        for (Scored row : best(connection, SUBJECTS, query.textExpression(), phrases, candidates)) {
            found.computeIfAbsent(row.key(), Candidate::new).offer(Source.SUBJECT, row.score(), row.rowid());
        }
        List<Scored> customers = best(connection, CUSTOMERS, query.customerExpression(), customerPhrases, candidates);
        offerCustomers(connection, found, customers);
        if (found.isEmpty()) {
            return List.of();
        }
        List<Candidate> ranked = new ArrayList<>(found.values());
        load(connection, ranked);
        ranked.removeIf(candidate -> candidate.conversation == null);
        ranked.sort(Comparator.comparingDouble(Candidate::score)
                .thenComparing(c -> c.conversation.lastActivityAt(), Comparator.reverseOrder())
                .thenComparing(c -> c.conversationId));
        List<SearchHit> hits = new ArrayList<>();
        for (Candidate candidate : ranked.subList(0, Math.min(limit, ranked.size()))) {
            hits.add(hit(connection, query, candidate));
        }
        return List.copyOf(hits);
    }

    /**
     * The newest {@link #RANK_WINDOW} rows of {@code index} matching {@code expression}, scored by
     * {@link Bm25}, the best {@code count} of them best first.
     */
    private static List<Scored> best(Connection connection, Index index, String expression, List<Phrase> phrases,
                                     int count) throws SQLException {
        StringJoiner columns = new StringJoiner(", t.", "t.", "");
        index.columns().forEach(columns::add);
        String sql = "SELECT f.rowid, t." + index.key() + ", " + columns + " FROM (SELECT rowid FROM " + index.fts()
                + " WHERE " + index.fts() + " MATCH ? ORDER BY rowid DESC LIMIT " + RANK_WINDOW + ") f JOIN "
                + index.table() + " t ON t.rowid = f.rowid";
        List<long[]> rowids = new ArrayList<>();
        List<String> keys = new ArrayList<>();
        List<List<List<Words.Word>>> texts = new ArrayList<>();
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            statement.setString(1, expression);
            try (ResultSet rows = statement.executeQuery()) {
                while (rows.next()) {
                    rowids.add(new long[] {rows.getLong(1)});
                    keys.add(rows.getString(2));
                    List<List<Words.Word>> row = new ArrayList<>(index.columns().size());
                    for (int c = 0; c < index.columns().size(); c++) {
                        row.add(Words.of(rows.getString(3 + c)));
                    }
                    texts.add(row);
                }
            }
        }
        if (texts.isEmpty()) {
            return List.of();
        }
        Bm25 bm25 = Bm25.of(connection, index.fts(), index.weights(), phrases, texts, rowids.size() == RANK_WINDOW
                ? rowids.getFirst()[0] - rowids.getLast()[0] + 1 : 0);
        List<Scored> scored = new ArrayList<>(texts.size());
        for (int i = 0; i < texts.size(); i++) {
            scored.add(new Scored(rowids.get(i)[0], keys.get(i), bm25.score(i)));
        }
        scored.sort(Comparator.comparingDouble(Scored::score).thenComparing(Scored::rowid, Comparator.reverseOrder()));
        return scored.size() > count ? scored.subList(0, count) : scored;
    }

    /** A matching customer brings each of their conversations. */
    private static void offerCustomers(Connection connection, Map<String, Candidate> found, List<Scored> customers)
            throws SQLException {
        if (customers.isEmpty()) {
            return;
        }
        Map<String, Scored> byCustomer = new HashMap<>();
        customers.forEach(row -> byCustomer.putIfAbsent(row.key(), row));
        try (PreparedStatement statement = connection.prepareStatement(
                "SELECT customer_id, id FROM conversations WHERE customer_id IN " + marks(byCustomer.size()))) {
            int i = 1;
            for (String customerId : byCustomer.keySet()) {
                statement.setString(i++, customerId);
            }
            try (ResultSet rows = statement.executeQuery()) {
                while (rows.next()) {
                    Scored customer = byCustomer.get(rows.getString(1));
                    found.computeIfAbsent(rows.getString(2), Candidate::new)
                            .offer(Source.CUSTOMER, customer.score(), customer.rowid());
                }
            }
        }
    }

    private static String marks(int count) {
        StringJoiner marks = new StringJoiner(", ", "(", ")");
        for (int i = 0; i < count; i++) {
            marks.add("?");
        }
        return marks.toString();
    }

    private static void load(Connection connection, List<Candidate> candidates) throws SQLException {
        Map<String, Candidate> byId = new HashMap<>();
        for (Candidate candidate : candidates) {
            byId.put(candidate.conversationId, candidate);
        }
        try (PreparedStatement query = connection.prepareStatement(
                ConversationStore.SELECT_CONVERSATIONS + " WHERE v.id IN " + marks(candidates.size()))) {
            int i = 1;
            for (Candidate candidate : candidates) {
                query.setString(i++, candidate.conversationId);
            }
            try (ResultSet rows = query.executeQuery()) {
                while (rows.next()) {
                    Conversation conversation = ConversationStore.conversationOf(rows);
                    byId.get(conversation.id()).conversation = conversation;
                }
            }
        }
    }

    private static SearchHit hit(Connection connection, SearchQuery query, Candidate candidate) throws SQLException {
        Source source = candidate.bestSource();
        Conversation conversation = candidate.conversation;
        return switch (source) {
            case MESSAGE -> messageHit(connection, query, candidate);
            case SUBJECT -> new SearchHit(conversation, source, null, Snippets.of(conversation.subject(), query),
                    candidate.score());
            case CUSTOMER -> new SearchHit(conversation, source, null, customerSnippet(conversation.customer(), query),
                    candidate.score());
        };
    }

    private static SearchHit messageHit(Connection connection, SearchQuery query, Candidate candidate)
            throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(
                "SELECT id, subject, body FROM messages WHERE rowid = ?")) {
            statement.setLong(1, candidate.row[Source.MESSAGE.ordinal()]);
            try (ResultSet row = statement.executeQuery()) {
                if (!row.next()) {
                    return new SearchHit(candidate.conversation, Source.MESSAGE, null, new Snippet("", List.of()),
                            candidate.score());
                }
                String subject = row.getString(2);
                String body = row.getString(3);
                Snippet snippet = Snippets.matches(body, query) || !Snippets.matches(subject, query)
                        ? Snippets.of(body, query)
                        : Snippets.of(subject, query);
                return new SearchHit(candidate.conversation, Source.MESSAGE, row.getString(1), snippet,
                        candidate.score());
            }
        }
    }

    /** The customer's matching name, e-mail or company, marked; else the phone with the matched digits. */
    private static Snippet customerSnippet(Customer customer, SearchQuery query) {
        for (String field : new String[] {customer.displayName(), customer.email(), customer.company()}) {
            if (Snippets.matches(field, query)) {
                return Snippets.of(field, query);
            }
        }
        return phoneSnippet(customer.phone(), query);
    }

    /** The phone as written, with the digits the query matched highlighted. */
    static Snippet phoneSnippet(String phone, SearchQuery query) {
        if (phone == null) {
            return new Snippet("", List.of());
        }
        StringBuilder digits = new StringBuilder();
        List<Integer> positions = new ArrayList<>();
        for (int i = 0; i < phone.length(); i++) {
            char c = phone.charAt(i);
            if (c >= '0' && c <= '9') {
                digits.append(c);
                positions.add(i);
            }
        }
        String wanted = query.phoneDigits();
        int at = wanted == null ? -1 : digits.indexOf(wanted);
        if (at < 0) {
            return new Snippet(phone, List.of());
        }
        int start = positions.get(at);
        int end = positions.get(at + wanted.length() - 1) + 1;
        return new Snippet(phone, List.of(new Span(start, end)));
    }
}
