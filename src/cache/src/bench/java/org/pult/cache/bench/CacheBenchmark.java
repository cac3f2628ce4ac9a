package org.pult.cache.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.stream.Stream;
import org.pult.cache.CacheDatabase;
import org.pult.cache.CacheSearch;
import org.pult.cache.ConversationStore;
import org.pult.cache.OperatorActions;
import org.pult.cache.OutboxStore;
import org.pult.cache.SearchHit;
import org.pult.core.api.ActionRequest;
import org.pult.core.api.ActionType;
import org.pult.core.api.EventPage;
import org.pult.core.api.EventType;
import org.pult.core.api.LiveEvent;
import org.pult.core.api.LoginResponse;
import org.pult.core.model.Conversation;
import org.pult.core.model.Customer;
import org.pult.core.model.OperatorState;
import org.pult.core.port.OutboxEntry;
import org.pult.core.port.OutboxStatus;
import org.pult.hub.HubConfig;
import org.pult.hub.HubServer;
import org.pult.sync.ConnectionMonitor;
import org.pult.sync.HubClient;
import org.pult.sync.InboxSync;
import org.pult.sync.OutboxReplayer;
import org.pult.sync.RetryBackoff;

/**
 * The cache benchmark of the issue (run by {@code bench/cache.sh}, never by {@code mvn verify}):
 * ingest of N messages through {@link ConversationStore}'s sync upserts, full-text search
 * latency, opening a conversation, and outbox replay against a real hub over loopback HTTP.
 *
 * <p>Options: {@code --messages 1000000 --conversations 100000 --queries 300 --opens 500
 * --actions 5000 --dir DIR --reuse} (reuse keeps an already built cache in DIR instead of
 * ingesting again; the ingest figure is then not measured). {@code --actions 0} skips the replay;
 * {@code --ingest-only} stops after the ingest; {@code --without-search-index} drops the FTS
 * triggers before the ingest, to see what the index costs; {@code --conversations-per-transaction N}
 * stores N timelines per transaction ({@link ConversationStore#upsertMessages(Map)}) instead of one,
 * as InboxSync does today; {@code --fts-config automerge=8} tries FTS5 settings; {@code --file-opens N}
 * and {@code --search-rounds N} repeat those measurements.
 */
public final class CacheBenchmark {

    private static final int PAGE = 500;
    private static final int SEARCH_LIMIT = 20;

    public static void main(String[] args) throws Exception {
        Map<String, String> options = options(args);
        int messageCount = Integer.parseInt(options.getOrDefault("messages", "1000000"));
        int conversationCount = Integer.parseInt(options.getOrDefault("conversations", "100000"));
        int queryCount = Integer.parseInt(options.getOrDefault("queries", "300"));
        int openCount = Integer.parseInt(options.getOrDefault("opens", "500"));
        int actionCount = Integer.parseInt(options.getOrDefault("actions", "5000"));
        Path dir = options.containsKey("dir") ? Path.of(options.get("dir")) : Files.createTempDirectory("pult-cache-bench");
        boolean reuse = options.containsKey("reuse");
        Files.createDirectories(dir);
        Path file = dir.resolve("bench-cache.db");

        System.out.printf(Locale.ROOT, "Pult cache benchmark: %,d messages in %,d conversations, file %s%n",
                messageCount, conversationCount, file);
        System.out.printf(Locale.ROOT, "Java %s, %d CPUs, SQLite via sqlite-jdbc%n",
                System.getProperty("java.version"), Runtime.getRuntime().availableProcessors());

        if (!reuse || !Files.exists(file)) {
            deleteCache(file);
            if (options.containsKey("fts-config")) {
                // Experiments: --fts-config automerge=8,crisismerge=32 sets FTS5 options before the ingest.
                CacheDatabase.open(file).close();
                try (Connection connection = DriverManager.getConnection("jdbc:sqlite:" + file);
                        Statement statement = connection.createStatement()) {
                    for (String setting : options.get("fts-config").split(",")) {
                        String[] kv = setting.split("=");
                        for (String fts : List.of("messages_fts", "conversations_fts", "customers_fts")) {
                            statement.execute("INSERT INTO " + fts + " (" + fts + ", rank) VALUES ('" + kv[0] + "', "
                                    + Integer.parseInt(kv[1]) + ")");
                        }
                    }
                }
                System.out.println("FTS5 settings: " + options.get("fts-config"));
            }
            ingest(file, messageCount, conversationCount, options.containsKey("without-search-index"),
                    Integer.parseInt(options.getOrDefault("conversations-per-transaction", "1")));
        }
        if (options.containsKey("ingest-only")) {
            return;
        }
        long bytes = Files.size(file);
        System.out.printf(Locale.ROOT, "cache file: %.0f MB%n", bytes / 1e6);

        List<Long> opens = new ArrayList<>();
        int fileOpens = Integer.parseInt(options.getOrDefault("file-opens", "3"));
        for (int i = 0; i < fileOpens; i++) {
            long start = System.nanoTime();
            CacheDatabase.open(file).close();
            opens.add(System.nanoTime() - start);
        }
        System.out.printf(Locale.ROOT, "OPEN FILE CacheDatabase.open (quick_check, WAL, migrations check): median %.0f ms of %d%n",
                ms(median(opens)), fileOpens);
        try (Connection connection = DriverManager.getConnection("jdbc:sqlite:" + file);
                Statement statement = connection.createStatement()) {
            long start = System.nanoTime();
            statement.executeQuery("PRAGMA quick_check(5)").close();
            System.out.printf(Locale.ROOT, "OPEN FILE of which PRAGMA quick_check alone: %.0f ms (ADR 0004)%n",
                    ms(System.nanoTime() - start));
        }

        try (CacheDatabase db = CacheDatabase.open(file)) {
            int rounds = Integer.parseInt(options.getOrDefault("search-rounds", "1"));
            for (int round = 1; round <= rounds; round++) {
                if (rounds > 1) {
                    System.out.println("search round " + round + " of " + rounds + ":");
                }
                search(db, conversationCount, queryCount);
            }
            openConversations(db, conversationCount, openCount);
            if (actionCount == 0) {
                return;
            }
            replay(db, dir.resolve("hub"), actionCount, false);
            // The same again with one idle connection held open to the hub's database: shows what
            // the hub's connection-per-request costs (see docs/benchmarks/cache.md).
            replay(db, dir.resolve("hub-held"), actionCount, true);
        }
    }

    // --- ingest -------------------------------------------------------------------------------------

    private static void ingest(Path file, int messageCount, int conversationCount, boolean withoutSearchIndex,
                               int conversationsPerTransaction) throws Exception {
        Corpus corpus = new Corpus(1);
        Random sizes = new Random(2);
        // Message counts per conversation: 1..(2*average-1), then scaled to hit messageCount exactly.
        int[] perConversation = new int[conversationCount];
        int average = Math.max(1, messageCount / conversationCount);
        long total = 0;
        for (int i = 0; i < conversationCount; i++) {
            perConversation[i] = 1 + sizes.nextInt(2 * average - 1);
            total += perConversation[i];
        }
        for (int i = 0; total != messageCount; i = (i + 1) % conversationCount) {
            if (total < messageCount) {
                perConversation[i]++;
                total++;
            } else if (perConversation[i] > 1) {
                perConversation[i]--;
                total--;
            }
        }
        Instant epoch = Instant.parse("2026-01-01T00:00:00Z");
        if (withoutSearchIndex) {
            // For comparison only: what ingest costs without the FTS triggers (search then finds nothing new).
            CacheDatabase.open(file).close();
            try (Connection connection = DriverManager.getConnection("jdbc:sqlite:" + file);
                    Statement statement = connection.createStatement()) {
                for (String table : List.of("messages", "conversations", "customers")) {
                    for (String when : List.of("insert", "delete", "update")) {
                        statement.execute("DROP TRIGGER " + table + "_fts_after_" + when);
                    }
                }
            }
            System.out.println("INGEST without the search index's triggers (comparison run)");
        }
        try (CacheDatabase db = CacheDatabase.open(file)) {
            ConversationStore store = new ConversationStore(db);
            long conversationNanos = 0;
            long messageNanos = 0;
            long wallStart = System.nanoTime();
            int written = 0;
            long reportAt = System.nanoTime();
            // As InboxSync does: a page of conversations in one transaction, then each conversation's
            // messages in one transaction.
            for (int first = 0; first < conversationCount; first += PAGE) {
                int last = Math.min(conversationCount, first + PAGE);
                List<Conversation> page = new ArrayList<>(last - first);
                for (int i = first; i < last; i++) {
                    page.add(corpus.conversation(i, epoch.plusSeconds(i * 60L)));
                }
                long start = System.nanoTime();
                store.upsertConversations(page);
                conversationNanos += System.nanoTime() - start;
                Map<String, List<org.pult.core.model.Message>> batch = new LinkedHashMap<>();
                for (int i = first; i < last; i++) {
                    var messages = corpus.messages(i, perConversation[i], epoch.plusSeconds(i * 60L));
                    written += messages.size();
                    if (conversationsPerTransaction <= 1) {
                        start = System.nanoTime();
                        store.upsertMessages("conv-" + i, messages);
                        messageNanos += System.nanoTime() - start;
                        continue;
                    }
                    batch.put("conv-" + i, messages);
                    if (batch.size() == conversationsPerTransaction || i == last - 1) {
                        start = System.nanoTime();
                        store.upsertMessages(batch);
                        messageNanos += System.nanoTime() - start;
                        batch = new LinkedHashMap<>();
                    }
                }
                if (System.nanoTime() - reportAt > 15_000_000_000L) {
                    reportAt = System.nanoTime();
                    System.out.printf(Locale.ROOT, "  ... %,d messages, %.0f messages/s so far%n", written,
                            written / (messageNanos / 1e9));
                }
            }
            long wall = System.nanoTime() - wallStart;
            System.out.printf(Locale.ROOT,
                    "INGEST conversations: %,d in %.1f s of upserts = %,.0f conversations/s (pages of %d)%n",
                    conversationCount, conversationNanos / 1e9, conversationCount / (conversationNanos / 1e9), PAGE);
            System.out.printf(Locale.ROOT,
                    "INGEST messages: %,d in %.1f s of upserts = %,.0f messages/s (%s)%n",
                    written, messageNanos / 1e9, written / (messageNanos / 1e9), conversationsPerTransaction <= 1
                            ? "one transaction per conversation, as InboxSync"
                            : conversationsPerTransaction + " conversations per transaction");
            System.out.printf(Locale.ROOT, "INGEST wall time including generating the data: %.1f s = %,.0f messages/s%n",
                    wall / 1e9, written / (wall / 1e9));
        }
    }

    // --- search ---------------------------------------------------------------------------------------

    private record Query(String category, String text) {
    }

    private static void search(CacheDatabase db, int conversationCount, int queryCount) {
        CacheSearch search = new CacheSearch(db);
        List<Query> warmUp = queries(new Random(3), conversationCount, 60);
        for (Query query : warmUp) {
            search.search(query.text(), SEARCH_LIMIT);
        }
        List<Query> queries = queries(new Random(4), conversationCount, queryCount);
        Map<String, List<Long>> byCategory = new LinkedHashMap<>();
        List<Long> all = new ArrayList<>();
        long hits = 0;
        int empty = 0;
        List<String> slowest = new ArrayList<>();
        Map<String, Long> timeOf = new HashMap<>();
        for (Query query : queries) {
            long start = System.nanoTime();
            List<SearchHit> found = search.search(query.text(), SEARCH_LIMIT);
            long took = System.nanoTime() - start;
            all.add(took);
            byCategory.computeIfAbsent(query.category(), k -> new ArrayList<>()).add(took);
            hits += found.size();
            empty += found.isEmpty() ? 1 : 0;
            timeOf.merge(query.category() + " «" + query.text() + "»", took, Math::max);
        }
        timeOf.entrySet().stream().sorted(Map.Entry.<String, Long>comparingByValue().reversed()).limit(5)
                .forEach(e -> slowest.add(String.format(Locale.ROOT, "%s %.1f ms", e.getKey(), ms(e.getValue()))));
        System.out.printf(Locale.ROOT, "SEARCH %d queries, limit %d: median %.1f ms, p95 %.1f ms, max %.1f ms "
                        + "(%.1f hits per query on average, %d found nothing)%n", all.size(), SEARCH_LIMIT,
                ms(median(all)), ms(percentile(all, 95)), ms(Collections.max(all)), hits / (double) all.size(), empty);
        byCategory.forEach((category, times) -> System.out.printf(Locale.ROOT,
                "  %-22s n=%3d  median %6.1f ms  p95 %6.1f ms  max %6.1f ms%n", category, times.size(),
                ms(median(times)), ms(percentile(times, 95)), ms(Collections.max(times))));
        System.out.println("  slowest: " + String.join("; ", slowest));
    }

    /** A varied mix, in a fixed proportion per category, shuffled. */
    private static List<Query> queries(Random random, int conversationCount, int count) {
        Corpus words = new Corpus(random.nextLong());
        List<Query> queries = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            int slot = i % 20;
            queries.add(switch (slot) {
                case 0, 1, 2, 3 -> new Query("russian word", capitalizeSometimes(random,
                        Corpus.pick(random, Corpus.pick(random, Corpus.RU_CONTENT))));
                case 4, 5, 6 -> new Query("english word", Corpus.pick(random, Corpus.pick(random, Corpus.EN_CONTENT)));
                case 7, 8, 9 -> {
                    String[][] groups = random.nextBoolean() ? Corpus.RU_CONTENT : Corpus.EN_CONTENT;
                    String word = Corpus.pick(random, Corpus.pick(random, groups));
                    yield new Query("prefix (typing)", word.substring(0, Math.min(word.length(), 3 + random.nextInt(3))));
                }
                case 10, 11 -> {
                    boolean ru = random.nextInt(10) < 7;
                    String[][] groups = ru ? Corpus.RU_CONTENT : Corpus.EN_CONTENT;
                    yield new Query("two words", Corpus.pick(random, Corpus.pick(random, groups)) + " "
                            + Corpus.pick(random, Corpus.pick(random, groups)));
                }
                case 12, 13 -> {
                    Customer customer = words.customer(random.nextInt(Math.max(1, conversationCount / 2)));
                    String[] name = customer.displayName().split(" ");
                    yield new Query("customer name", random.nextBoolean() ? name[1] : customer.displayName());
                }
                case 14, 15 -> {
                    Customer customer = words.customer(random.nextInt(Math.max(1, conversationCount / 2)));
                    String digits = customer.phone().replaceAll("[^0-9]", "");
                    int length = 4 + random.nextInt(4);
                    int from = random.nextInt(digits.length() - length + 1);
                    yield new Query("phone fragment", random.nextInt(4) == 0 ? customer.phone()
                            : digits.substring(from, from + length));
                }
                case 16 -> new Query("order number", Integer.toString(100000 + random.nextInt(900000)));
                case 17 -> {
                    Customer customer = words.customer(random.nextInt(Math.max(1, conversationCount / 2)));
                    yield new Query("e-mail", customer.email().substring(0, customer.email().indexOf('@') + 5));
                }
                default -> new Query("very common word", random.nextBoolean()
                        ? Corpus.pick(random, new String[] {"заказ", "доставка", "оплата", "order", "delivery", "refund"})
                        : Corpus.pick(random, new String[] {"пожалуйста", "спасибо", "please", "thanks", "сегодня"}));
            });
        }
        Collections.shuffle(queries, random);
        return queries;
    }

    private static String capitalizeSometimes(Random random, String word) {
        return random.nextInt(4) == 0 ? word.substring(0, 1).toUpperCase(Locale.ROOT) + word.substring(1) : word;
    }

    // --- opening a conversation -----------------------------------------------------------------------

    private static void openConversations(CacheDatabase db, int conversationCount, int openCount) {
        ConversationStore store = new ConversationStore(db);
        Random random = new Random(5);
        for (int i = 0; i < 50; i++) {
            open(store, "conv-" + random.nextInt(conversationCount));
        }
        List<Long> times = new ArrayList<>();
        long messages = 0;
        for (int i = 0; i < openCount; i++) {
            String id = "conv-" + random.nextInt(conversationCount);
            long start = System.nanoTime();
            messages += open(store, id);
            times.add(System.nanoTime() - start);
        }
        System.out.printf(Locale.ROOT, "OPEN %d conversations (conversation + all its messages, %.1f messages each): "
                        + "median %.2f ms, p95 %.2f ms, max %.2f ms%n", openCount, messages / (double) openCount,
                ms(median(times)), ms(percentile(times, 95)), ms(Collections.max(times)));
    }

    private static int open(ConversationStore store, String id) {
        store.conversation(id).orElseThrow(() -> new IllegalStateException("no conversation " + id));
        return store.messages(id).size();
    }

    // --- outbox replay ----------------------------------------------------------------------------------

    private static void replay(CacheDatabase db, Path hubData, int actionCount, boolean holdHubConnection)
            throws Exception {
        deleteRecursively(hubData);
        try (HubServer hub = HubServer.start(HubConfig.embedded(hubData));
                Connection held = holdHubConnection
                        ? DriverManager.getConnection("jdbc:sqlite:" + hubData.resolve("hub.db")) : null) {
            if (held != null) {
                try (Statement statement = held.createStatement()) {
                    statement.executeQuery("SELECT count(*) FROM sqlite_schema").close();
                }
            }
            String variant = holdHubConnection ? " [hub file held open]" : "";
            HubClient client = new HubClient(hub.baseUri());
            LoginResponse login = client.login("anna", "pult-demo");
            String token = login.token();
            ConversationStore conversations = new ConversationStore(db);
            new InboxSync(client, conversations).pullInbox(token);
            List<String> annas = client.conversations(token).stream()
                    .filter(c -> c.status() != org.pult.core.model.ConversationStatus.CLOSED).map(Conversation::id).toList();
            if (annas.isEmpty()) {
                throw new IllegalStateException("the demo hub gave anna no open conversations");
            }

            // The outage: the operator works, nothing is sent. Mixed actions, as a shift would make them.
            OperatorActions operator = new OperatorActions(db, Clock.systemUTC(), login.operator().displayName());
            List<ActionRequest> made = new ArrayList<>();
            long recordStart = System.nanoTime();
            for (int i = 0; i < actionCount; i++) {
                String conversation = annas.get(i % annas.size());
                made.add(switch (i % 10) {
                    case 0 -> operator.changeState(OperatorState.NOT_READY, "BREAK");
                    case 1 -> operator.changeState(OperatorState.READY, null);
                    case 2, 3, 4 -> operator.addNote(conversation, "bench note " + i);
                    default -> operator.reply(conversation, "bench reply " + i + ": ваш заказ отправлен");
                });
            }
            long recordNanos = System.nanoTime() - recordStart;
            OutboxStore outbox = new OutboxStore(db, Clock.systemUTC());
            System.out.printf(Locale.ROOT, "OUTBOX%s %,d actions recorded offline (each synced to disk) in %.1f s = %,.0f actions/s; "
                    + "pending %,d%n", variant, actionCount, recordNanos / 1e9, actionCount / (recordNanos / 1e9), outbox.pendingCount());

            // The hub is back: replay until everything is acknowledged.
            OutboxReplayer replayer = new OutboxReplayer(client, outbox, () -> token, RetryBackoff.DEFAULT,
                    Clock.systemUTC(), new ConnectionMonitor(Clock.systemUTC(), ConnectionMonitor.DEFAULT_OFFLINE_AFTER));
            long start = System.nanoTime();
            int sent = 0;
            int rejected = 0;
            while (outbox.pendingCount() > 0) {
                OutboxReplayer.Pass pass = replayer.replayDue();
                sent += pass.sent();
                rejected += pass.rejected();
                if (outbox.pendingCount() > 0 && pass.nextAttemptAt() != null) {
                    Thread.sleep(Math.max(0, Duration.between(Instant.now(), pass.nextAttemptAt()).toMillis()));
                }
            }
            long replayNanos = System.nanoTime() - start;
            System.out.printf(Locale.ROOT, "REPLAY%s %,d actions acknowledged by the hub over HTTP in %.2f s = %,.0f actions/s "
                    + "(%d rejected)%n", variant, sent, replayNanos / 1e9, sent / (replayNanos / 1e9), rejected);

            verify(client, token, outbox, made);
        }
    }

    /** Zero lost, zero doubled: every action once at the hub, every outbox entry SENT. */
    private static void verify(HubClient client, String token, OutboxStore outbox, List<ActionRequest> made)
            throws Exception {
        Map<String, ActionRequest> byKey = new HashMap<>();
        made.forEach(a -> byKey.put(a.idempotencyKey(), a));
        Map<String, Integer> effects = new HashMap<>();
        long since = 0;
        EventPage page;
        do {
            page = client.events(token, since, 500);
            for (LiveEvent event : page.events()) {
                ActionRequest action = event.actionKey() == null ? null : byKey.get(event.actionKey());
                if (action != null && event.type() == effectOf(action.type())) {
                    effects.merge(event.actionKey(), 1, Integer::sum);
                }
            }
            since = page.nextCursor();
        } while (page.more());
        long lost = made.stream().filter(a -> !effects.containsKey(a.idempotencyKey())).count();
        long doubled = effects.values().stream().filter(n -> n > 1).count();
        Set<OutboxStatus> statuses = new HashSet<>();
        long notSent = 0;
        for (OutboxEntry entry : outbox.all()) {
            if (byKey.containsKey(entry.idempotencyKey())) {
                statuses.add(entry.status());
                notSent += entry.status() == OutboxStatus.SENT ? 0 : 1;
            }
        }
        System.out.printf(Locale.ROOT, "REPLAY check at the hub's event log: %d lost, %d applied twice; "
                + "outbox entries not SENT: %d %s%n", lost, doubled, notSent, statuses);
        if (lost != 0 || doubled != 0 || notSent != 0) {
            throw new IllegalStateException("the replay lost or doubled actions");
        }
    }

    private static EventType effectOf(ActionType type) {
        return switch (type) {
            case REPLY -> EventType.MESSAGE_ADDED;
            case NOTE -> EventType.NOTE_ADDED;
            case DISPOSITION -> EventType.DISPOSITION_SET;
            case STATE_CHANGE -> EventType.STATE_CHANGED;
        };
    }

    // --- helpers ------------------------------------------------------------------------------------

    private static Map<String, String> options(String[] args) {
        Map<String, String> options = new HashMap<>();
        for (int i = 0; i < args.length; i++) {
            if (!args[i].startsWith("--")) {
                throw new IllegalArgumentException("unexpected argument " + args[i]);
            }
            String name = args[i].substring(2);
            if (name.equals("reuse") || name.equals("ingest-only") || name.equals("without-search-index")) {
                options.put(name, "true");
            } else {
                options.put(name, args[++i]);
            }
        }
        return options;
    }

    static double ms(long nanos) {
        return nanos / 1e6;
    }

    static long median(List<Long> values) {
        return percentile(values, 50);
    }

    /** Nearest-rank percentile. */
    static long percentile(List<Long> values, int p) {
        List<Long> sorted = new ArrayList<>(values);
        Collections.sort(sorted);
        int rank = (int) Math.ceil(p / 100.0 * sorted.size());
        return sorted.get(Math.max(0, rank - 1));
    }

    private static void deleteCache(Path file) throws IOException {
        for (String suffix : List.of("", "-wal", "-shm")) {
            Files.deleteIfExists(Path.of(file + suffix));
        }
    }

    private static void deleteRecursively(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(dir)) {
            for (Path path : paths.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.delete(path);
            }
        }
    }

    /** For a look at the index after a run: {@code optimize} merges FTS5's segments into one. */
    static void optimize(Path file) throws SQLException {
        try (Connection connection = DriverManager.getConnection("jdbc:sqlite:" + file);
                Statement statement = connection.createStatement()) {
            for (String fts : List.of("messages_fts", "conversations_fts", "customers_fts")) {
                statement.execute("INSERT INTO " + fts + " (" + fts + ") VALUES ('optimize')");
            }
        }
    }
}
