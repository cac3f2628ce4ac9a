package org.pult.hub.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.Set;
import java.util.UUID;
import org.pult.core.model.Channel;
import org.pult.hub.events.EventSignal;
import org.pult.hub.http.HubJson;
import org.pult.hub.routing.QueueStore;
import org.pult.hub.routing.Router;
import org.pult.hub.routing.RoutingConfig;
import org.pult.hub.routing.WorkClass;
import org.pult.hub.store.ConversationStore;
import org.pult.hub.store.EventLog;
import org.pult.hub.store.HubDatabase;

/**
 * Routing decisions per second on a real hub database (SQLite file, the hub's own settings):
 * OPERATORS READY operators with 3 of the QUEUES skills each and the default capacity (1 call,
 * 4 chats, 2 e-mails), and ITEMS waiting items spread over the queues (60 % chat, 25 % e-mail,
 * 15 % call), each its own customer and conversation with one message. Fixed seed: the same data
 * on every run. Measured, each a {@link Router#routeWaiting()} pass:
 * <ol>
 * <li><b>fill</b>: everybody free, the pass assigns until no operator has room;</li>
 * <li><b>full</b>: the same again with everybody full (nothing to decide);</li>
 * <li><b>refill</b>: one open item of each of REFILL operators closed, then a pass: the
 *     "capacity freed" case, reading every waiting item again.</li>
 * </ol>
 * A decision is one committed claim (its own transaction, with its event). Not run by
 * {@code mvn verify}; {@code bench/routing.sh} runs it.
 * Usage: {@code RoutingBenchmark --dir <empty dir> [--operators 500] [--queues 10] [--items 20000] [--label x]}
 */
public final class RoutingBenchmark {

    private RoutingBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        Path dir = null;
        int operators = 500;
        int queues = 10;
        int items = 20_000;
        int refill = 100;
        String label = "";
        for (int i = 0; i < args.length; i += 2) {
            String value = args[i + 1];
            switch (args[i]) {
                case "--dir" -> dir = Path.of(value);
                case "--operators" -> operators = Integer.parseInt(value);
                case "--queues" -> queues = Integer.parseInt(value);
                case "--items" -> items = Integer.parseInt(value);
                case "--refill" -> refill = Integer.parseInt(value);
                case "--label" -> label = value;
                default -> throw new IllegalArgumentException("Unknown option " + args[i]);
            }
        }
        if (dir == null) {
            throw new IllegalArgumentException("--dir <empty directory> is required");
        }
        run(dir, operators, queues, items, refill, label);
    }

    private static void run(Path dir, int operators, int queues, int items, int refill, String label)
            throws SQLException, IOException {
        Files.createDirectories(dir);
        HubDatabase database = HubDatabase.open(dir);
        long t0 = System.nanoTime();
        populate(database, operators, queues, items, new Random(42));
        System.out.printf(Locale.ROOT, "%s setup: %d operators, %d queues, %d items in %.1f s (%s)%n", label,
                operators, queues, items, (System.nanoTime() - t0) / 1e9, database.file());
        var json = HubJson.newMapper();
        QueueStore queueStore = new QueueStore(database);
        EventSignal signal = new EventSignal();
        Router router = Router.create(database, queueStore, RoutingConfig.DEFAULT, new ConversationStore(database),
                new EventLog(database, json), signal, Clock.systemUTC());

        report(label, "fill", router);
        report(label, "full", router);
        closeOneEach(database, refill, new Random(7));
        report(label, "refill", router);
        try (Connection connection = database.connection(); Statement statement = connection.createStatement();
             ResultSet rows = statement.executeQuery("""
                     SELECT (SELECT count(*) FROM work_items WHERE assignee_id IS NOT NULL),
                            (SELECT count(*) FROM work_items WHERE assignee_id IS NULL),
                            (SELECT count(*) FROM events WHERE type = 'CONVERSATION_ASSIGNED')""")) {
            rows.next();
            System.out.printf(Locale.ROOT, "%s end: %d assigned, %d waiting, %d assignment events%n", label,
                    rows.getLong(1), rows.getLong(2), rows.getLong(3));
        }
        signal.close();
    }

    private static void report(String label, String phase, Router router) throws SQLException {
        long start = System.nanoTime();
        int routed = router.routeWaiting();
        double seconds = (System.nanoTime() - start) / 1e9;
        System.out.printf(Locale.ROOT, "%s RESULT %-6s decisions=%d pass_ms=%.1f decisions_per_s=%.0f%n", label, phase,
                routed, seconds * 1000, routed == 0 ? 0.0 : routed / seconds);
    }

    private static void populate(HubDatabase database, int operators, int queues, int items, Random random)
            throws SQLException {
        long now = Instant.now().toEpochMilli();
        database.inTransaction(connection -> {
            List<String> skills = new ArrayList<>();
            for (int q = 0; q < queues; q++) {
                skills.add("skill-" + q);
                QueueStore.insert(connection, new QueueStore.Queue("q" + q, "Queue " + q, q % 3,
                        EnumSet.of(Channel.CHAT, Channel.EMAIL, Channel.VOICE, Channel.SMS), Set.of("skill-" + q)));
            }
            try (PreparedStatement user = connection.prepareStatement("""
                    INSERT INTO users (id, username, display_name, role, password_hash, state, state_since)
                    VALUES (?, ?, ?, 'OPERATOR', 'x', 'READY', ?)""");
                 PreparedStatement skill = connection.prepareStatement(
                         "INSERT INTO operator_skills (user_id, skill) VALUES (?, ?)")) {
                for (int o = 0; o < operators; o++) {
                    String id = "op-" + o;
                    user.setString(1, id);
                    user.setString(2, "op" + o);
                    user.setString(3, "Operator " + o);
                    user.setLong(4, now - random.nextInt(3_600_000));
                    user.addBatch();
                    Set<String> own = new LinkedHashSet<>();
                    while (own.size() < Math.min(3, queues)) {
                        own.add(skills.get(random.nextInt(queues)));
                    }
                    for (String s : own) {
                        skill.setString(1, id);
                        skill.setString(2, s);
                        skill.addBatch();
                    }
                }
                user.executeBatch();
                skill.executeBatch();
            }
            try (PreparedStatement customer = connection.prepareStatement(
                         "INSERT INTO customers (id, display_name, email) VALUES (?, ?, ?)");
                 PreparedStatement conversation = connection.prepareStatement(
                         "INSERT INTO conversations (id, customer_id, status, unread_count) VALUES (?, ?, 'OPEN', 1)");
                 PreparedStatement message = connection.prepareStatement("""
                         INSERT INTO messages (id, conversation_id, channel, kind, direction, author, body, sent_at)
                         VALUES (?, ?, ?, ?, 'INBOUND', ?, ?, ?)""");
                 PreparedStatement item = connection.prepareStatement("""
                         INSERT INTO work_items (id, queue_id, conversation_id, channel, work_class, enqueued_at)
                         VALUES (?, ?, ?, ?, ?, ?)""")) {
                for (int i = 0; i < items; i++) {
                    int roll = random.nextInt(100);
                    Channel channel = roll < 60 ? Channel.CHAT : roll < 85 ? Channel.EMAIL : Channel.VOICE;
                    String customerId = "cu-" + i;
                    String conversationId = "co-" + i;
                    long at = now - items + i;
                    customer.setString(1, customerId);
                    customer.setString(2, "Customer " + i);
                    customer.setString(3, "customer" + i + "@example.org");
                    customer.addBatch();
                    conversation.setString(1, conversationId);
                    conversation.setString(2, customerId);
                    conversation.addBatch();
                    message.setString(1, UUID.randomUUID().toString());
                    message.setString(2, conversationId);
                    message.setString(3, channel.name());
                    message.setString(4, channel == Channel.VOICE ? "CALL_ANSWERED" : "TEXT");
                    message.setString(5, "Customer " + i);
                    message.setString(6, "Message " + i);
                    message.setLong(7, at);
                    message.addBatch();
                    item.setString(1, "wi-" + i);
                    item.setString(2, "q" + random.nextInt(queues));
                    item.setString(3, conversationId);
                    item.setString(4, channel.name());
                    item.setString(5, WorkClass.of(channel).name());
                    item.setLong(6, at);
                    item.addBatch();
                }
                customer.executeBatch();
                conversation.executeBatch();
                message.executeBatch();
                item.executeBatch();
            }
            return null;
        });
    }

    /** Closes one open item of each of {@code count} operators picked at random. */
    private static void closeOneEach(HubDatabase database, int count, Random random) throws SQLException {
        database.inTransaction(connection -> {
            List<String> busy = new ArrayList<>();
            try (Statement statement = connection.createStatement();
                 ResultSet rows = statement.executeQuery("""
                         SELECT DISTINCT assignee_id FROM work_items
                         WHERE assignee_id IS NOT NULL AND closed_at IS NULL ORDER BY assignee_id""")) {
                while (rows.next()) {
                    busy.add(rows.getString(1));
                }
            }
            java.util.Collections.shuffle(busy, random);
            try (PreparedStatement close = connection.prepareStatement("""
                    UPDATE work_items SET closed_at = ? WHERE id = (
                        SELECT id FROM work_items WHERE assignee_id = ? AND closed_at IS NULL ORDER BY id LIMIT 1)""")) {
                for (String operator : busy.subList(0, Math.min(count, busy.size()))) {
                    close.setLong(1, Instant.now().toEpochMilli());
                    close.setString(2, operator);
                    close.executeUpdate();
                }
            }
            return null;
        });
    }
}
