package org.pult.hub.routing;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import org.pult.core.api.QueueSummary;
import org.pult.core.model.Channel;
import org.pult.hub.store.HubDatabase;

/** Reads and creates routing queues. */
public final class QueueStore {

    /** A queue: the channels it takes and the skills an operator needs (all of them) for its work. */
    public record Queue(String id, String name, int priority, Set<Channel> channels, Set<String> skills) {
        public Queue {
            channels = channels.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(channels));
            skills = Set.copyOf(skills);
        }
    }

    private final HubDatabase database;

    public QueueStore(HubDatabase database) {
        this.database = database;
    }

    public Optional<Queue> find(Connection connection, String queueId) throws SQLException {
        return Optional.ofNullable(all(connection, queueId).get(queueId));
    }

    /** Every queue by id, with channels and skills. */
    public Map<String, Queue> all(Connection connection) throws SQLException {
        return all(connection, null);
    }

    /** Every queue with its waiting and in-progress counts, higher priority first, then by name. */
    public List<QueueSummary> summaries() throws SQLException {
        try (Connection connection = database.connection()) {
            Map<String, Queue> queues = all(connection);
            Map<String, long[]> counts = new HashMap<>();
            try (PreparedStatement query = connection.prepareStatement("""
                    SELECT queue_id,
                           sum(CASE WHEN assignee_id IS NULL THEN 1 ELSE 0 END),
                           min(CASE WHEN assignee_id IS NULL THEN enqueued_at END),
                           sum(CASE WHEN assignee_id IS NOT NULL THEN 1 ELSE 0 END)
                    FROM work_items WHERE closed_at IS NULL GROUP BY queue_id""");
                 ResultSet rows = query.executeQuery()) {
                while (rows.next()) {
                    // waiting, oldest enqueued_at (null, read as 0, exactly when nothing waits), in progress
                    counts.put(rows.getString(1), new long[] {rows.getLong(2), rows.getLong(3), rows.getLong(4)});
                }
            }
            List<QueueSummary> summaries = new ArrayList<>();
            for (Queue queue : queues.values()) {
                long[] c = counts.getOrDefault(queue.id(), new long[] {0, 0, 0});
                summaries.add(new QueueSummary(queue.id(), queue.name(), queue.priority(),
                        queue.channels().stream().sorted().toList(), queue.skills().stream().sorted().toList(),
                        (int) c[0], c[0] == 0 ? null : Instant.ofEpochMilli(c[1]), (int) c[2]));
            }
            summaries.sort((a, b) -> a.priority() != b.priority()
                    ? Integer.compare(b.priority(), a.priority())
                    : a.name().compareTo(b.name()));
            return summaries;
        }
    }

    /** Creates a queue inside the caller's transaction (the demo seeder, tests, later an admin endpoint). */
    public static void insert(Connection connection, Queue queue) throws SQLException {
        try (PreparedStatement insert = connection.prepareStatement(
                "INSERT INTO queues (id, name, priority) VALUES (?, ?, ?)")) {
            insert.setString(1, queue.id());
            insert.setString(2, queue.name());
            insert.setInt(3, queue.priority());
            insert.executeUpdate();
        }
        try (PreparedStatement insert = connection.prepareStatement(
                "INSERT INTO queue_channels (queue_id, channel) VALUES (?, ?)")) {
            for (Channel channel : queue.channels()) {
                insert.setString(1, queue.id());
                insert.setString(2, channel.name());
                insert.addBatch();
            }
            insert.executeBatch();
        }
        try (PreparedStatement insert = connection.prepareStatement(
                "INSERT INTO queue_skills (queue_id, skill) VALUES (?, ?)")) {
            for (String skill : queue.skills()) {
                insert.setString(1, queue.id());
                insert.setString(2, skill);
                insert.addBatch();
            }
            insert.executeBatch();
        }
    }

    private static Map<String, Queue> all(Connection connection, String onlyId) throws SQLException {
        String where = onlyId == null ? "" : " WHERE queue_id = ?";
        Map<String, Set<Channel>> channels = new HashMap<>();
        for (String[] pair : pairs(connection, "SELECT queue_id, channel FROM queue_channels" + where, onlyId)) {
            channels.computeIfAbsent(pair[0], k -> EnumSet.noneOf(Channel.class)).add(Channel.valueOf(pair[1]));
        }
        Map<String, Set<String>> skills = new HashMap<>();
        for (String[] pair : pairs(connection, "SELECT queue_id, skill FROM queue_skills" + where, onlyId)) {
            skills.computeIfAbsent(pair[0], k -> new TreeSet<>()).add(pair[1]);
        }
        Map<String, Queue> queues = new LinkedHashMap<>();
        try (PreparedStatement query = connection.prepareStatement(
                "SELECT id, name, priority FROM queues" + (onlyId == null ? "" : " WHERE id = ?"))) {
            if (onlyId != null) {
                query.setString(1, onlyId);
            }
            try (ResultSet rows = query.executeQuery()) {
                while (rows.next()) {
                    String id = rows.getString(1);
                    queues.put(id, new Queue(id, rows.getString(2), rows.getInt(3),
                            channels.getOrDefault(id, Set.of()), skills.getOrDefault(id, Set.of())));
                }
            }
        }
        return queues;
    }

    private static List<String[]> pairs(Connection connection, String sql, String onlyId) throws SQLException {
        try (PreparedStatement query = connection.prepareStatement(sql)) {
            if (onlyId != null) {
                query.setString(1, onlyId);
            }
            List<String[]> pairs = new ArrayList<>();
            try (ResultSet rows = query.executeQuery()) {
                while (rows.next()) {
                    pairs.add(new String[] {rows.getString(1), rows.getString(2)});
                }
            }
            return pairs;
        }
    }
}
