package org.pult.hub.routing;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import org.pult.core.api.EventType;
import org.pult.core.api.LiveEvent;
import org.pult.core.model.Conversation;
import org.pult.hub.routing.WorkItemStore.Waiting;
import org.pult.hub.store.ConversationStore;
import org.pult.hub.store.EventLog;

/**
 * Gives one waiting item to one operator, or finds out it must not, in one transaction that any
 * number of hubs on one database can run at once without assigning an item twice or an operator
 * over capacity:
 * <ol>
 * <li>{@code UPDATE users SET last_routed_at = ? WHERE id = ? AND state = 'READY' AND <has the
 *     queue's skills>}: still available, and the operator's row is now locked by this transaction
 *     (SQLite: the whole database, taken at BEGIN IMMEDIATE; PostgreSQL: the row, until commit), so
 *     claims for the same operator run one after the other;</li>
 * <li>count their open items of the class: below capacity, or stop;</li>
 * <li>{@code UPDATE work_items SET assignee_id = ? ... WHERE id = ? AND assignee_id IS NULL AND
 *     closed_at IS NULL}: exactly one row, or someone else got it first;</li>
 * <li>the conversation goes to the operator, and a {@code CONVERSATION_ASSIGNED} event to their log.</li>
 * </ol>
 * Anything but a claim rolls the whole transaction back. Only standard SQL, so it runs unchanged
 * on PostgreSQL (READ COMMITTED: step 2 is a new statement and sees what a claim that held the
 * row lock before committed).
 */
final class Claims {

    enum Outcome {
        /** The item is the operator's now. */
        CLAIMED,
        /** Someone else (another pass, another hub) assigned or closed the item first. */
        TAKEN,
        /** The operator is no longer READY or lacks a skill the queue needs. */
        OPERATOR_UNAVAILABLE,
        /** The operator has no room left for this class. */
        OPERATOR_FULL
    }

    private static final String LOCK_OPERATOR = """
            UPDATE users SET last_routed_at = ?
            WHERE id = ? AND state = 'READY'
              AND NOT EXISTS (
                  SELECT 1 FROM queue_skills qs
                  WHERE qs.queue_id = ?
                    AND NOT EXISTS (
                        SELECT 1 FROM operator_skills os WHERE os.user_id = users.id AND os.skill = qs.skill))""";

    private static final String OPEN_OF_CLASS = """
            SELECT count(*) FROM work_items WHERE assignee_id = ? AND work_class = ? AND closed_at IS NULL""";

    private static final String CLAIM_ITEM = """
            UPDATE work_items SET assignee_id = ?, assigned_at = ?
            WHERE id = ? AND assignee_id IS NULL AND closed_at IS NULL""";

    private static final String ASSIGN_CONVERSATION = """
            UPDATE conversations SET assignee_id = ?, status = 'OPEN' WHERE id = ?""";

    private final ConversationStore conversations;
    private final EventLog events;

    Claims(ConversationStore conversations, EventLog events) {
        this.conversations = conversations;
        this.events = events;
    }

    /**
     * Claims on {@code connection}, which must be in auto-commit mode and is left in it. The
     * router passes one connection for a whole pass: opening one per claim cost more than the
     * claim (and closing the last connection to the file checkpoints its WAL).
     */
    Outcome claim(Connection connection, Waiting item, String operatorId, int capacity, Instant now)
            throws SQLException {
        connection.setAutoCommit(false);
        try {
            Outcome outcome = tryClaim(connection, item, operatorId, capacity, now);
            if (outcome == Outcome.CLAIMED) {
                connection.commit();
            } else {
                connection.rollback();
            }
            return outcome;
        } catch (SQLException | RuntimeException e) {
            connection.rollback();
            throw e;
        } finally {
            connection.setAutoCommit(true);
        }
    }

    private Outcome tryClaim(Connection connection, Waiting item, String operatorId, int capacity, Instant now)
            throws SQLException {
        try (PreparedStatement lock = connection.prepareStatement(LOCK_OPERATOR)) {
            lock.setLong(1, now.toEpochMilli());
            lock.setString(2, operatorId);
            lock.setString(3, item.queueId());
            if (lock.executeUpdate() != 1) {
                return Outcome.OPERATOR_UNAVAILABLE;
            }
        }
        try (PreparedStatement count = connection.prepareStatement(OPEN_OF_CLASS)) {
            count.setString(1, operatorId);
            count.setString(2, item.workClass().name());
            try (ResultSet rows = count.executeQuery()) {
                rows.next();
                if (rows.getInt(1) >= capacity) {
                    return Outcome.OPERATOR_FULL;
                }
            }
        }
        try (PreparedStatement claim = connection.prepareStatement(CLAIM_ITEM)) {
            claim.setString(1, operatorId);
            claim.setLong(2, now.toEpochMilli());
            claim.setString(3, item.id());
            if (claim.executeUpdate() != 1) {
                return Outcome.TAKEN;
            }
        }
        try (PreparedStatement assign = connection.prepareStatement(ASSIGN_CONVERSATION)) {
            assign.setString(1, operatorId);
            assign.setString(2, item.conversationId());
            assign.executeUpdate();
        }
        Conversation conversation = conversations.conversation(connection, item.conversationId())
                .orElseThrow(() -> new SQLException("work item " + item.id() + " has no readable conversation"));
        events.append(connection, operatorId, new LiveEvent(0, EventType.CONVERSATION_ASSIGNED, now, null, null, null,
                null, null, conversation));
        return Outcome.CLAIMED;
    }
}
