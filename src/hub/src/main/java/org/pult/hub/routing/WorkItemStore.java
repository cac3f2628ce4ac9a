package org.pult.hub.routing;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.pult.core.api.WorkItem;
import org.pult.core.model.Channel;

/**
 * The work items of the queues: waiting ({@code assignee_id} null), in progress (assigned, not
 * closed) or done ({@code closed_at} set). A conversation has at most one item that is not closed
 * (a unique partial index says so). The atomic claim is {@link Claims}'.
 */
public final class WorkItemStore {

    /** A waiting item as the router needs it. */
    record Waiting(String id, String queueId, String conversationId, WorkClass workClass) {
    }

    private static final String COLUMNS = """
            SELECT w.id, w.queue_id, w.conversation_id, c.customer_id, w.channel, w.enqueued_at,
                   w.assignee_id, w.assigned_at
            FROM work_items w JOIN conversations c ON c.id = w.conversation_id
            """;

    public static void insert(Connection connection, WorkItem item) throws SQLException {
        try (PreparedStatement insert = connection.prepareStatement("""
                INSERT INTO work_items (id, queue_id, conversation_id, channel, work_class, enqueued_at)
                VALUES (?, ?, ?, ?, ?, ?)""")) {
            insert.setString(1, item.id());
            insert.setString(2, item.queueId());
            insert.setString(3, item.conversationId());
            insert.setString(4, item.channel().name());
            insert.setString(5, WorkClass.of(item.channel()).name());
            insert.setLong(6, item.enqueuedAt().toEpochMilli());
            insert.executeUpdate();
        }
    }

    /** The item of this conversation that is waiting or in progress, if there is one. */
    public static Optional<WorkItem> openOf(Connection connection, String conversationId) throws SQLException {
        return one(connection, COLUMNS + "WHERE w.conversation_id = ? AND w.closed_at IS NULL", conversationId);
    }

    public static Optional<WorkItem> find(Connection connection, String itemId) throws SQLException {
        return one(connection, COLUMNS + "WHERE w.id = ?", itemId);
    }

    /** Every waiting item, in the order the router serves them: higher queue priority, then oldest. */
    static List<Waiting> waiting(Connection connection) throws SQLException {
        try (PreparedStatement query = connection.prepareStatement("""
                SELECT w.id, w.queue_id, w.conversation_id, w.work_class
                FROM work_items w JOIN queues q ON q.id = w.queue_id
                WHERE w.assignee_id IS NULL AND w.closed_at IS NULL
                ORDER BY q.priority DESC, w.enqueued_at, w.id""");
             ResultSet rows = query.executeQuery()) {
            List<Waiting> waiting = new ArrayList<>();
            while (rows.next()) {
                waiting.add(new Waiting(rows.getString(1), rows.getString(2), rows.getString(3),
                        WorkClass.valueOf(rows.getString(4))));
            }
            return waiting;
        }
    }

    /**
     * Closes the conversation's assigned item, freeing the operator's capacity, inside the
     * caller's transaction; returns whether there was one.
     */
    public static boolean closeAssigned(Connection connection, String conversationId, Instant at) throws SQLException {
        try (PreparedStatement update = connection.prepareStatement("""
                UPDATE work_items SET closed_at = ?
                WHERE conversation_id = ? AND closed_at IS NULL AND assignee_id IS NOT NULL""")) {
            update.setLong(1, at.toEpochMilli());
            update.setString(2, conversationId);
            return update.executeUpdate() > 0;
        }
    }

    private static Optional<WorkItem> one(Connection connection, String sql, String key) throws SQLException {
        try (PreparedStatement query = connection.prepareStatement(sql)) {
            query.setString(1, key);
            try (ResultSet rows = query.executeQuery()) {
                if (!rows.next()) {
                    return Optional.empty();
                }
                long assignedAt = rows.getLong(8);
                Instant assigned = rows.wasNull() ? null : Instant.ofEpochMilli(assignedAt);
                return Optional.of(new WorkItem(rows.getString(1), rows.getString(2), rows.getString(3),
                        rows.getString(4), Channel.valueOf(rows.getString(5)), Instant.ofEpochMilli(rows.getLong(6)),
                        rows.getString(7), assigned));
            }
        }
    }
}
