package org.pult.hub.routing;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Optional;
import java.util.UUID;
import org.pult.core.api.EnqueueRequest.Contact;

/** The customer and conversation rows new work lands in. */
final class IntakeStore {

    /** A customer row, as far as intake needs it. */
    record KnownCustomer(String id, String displayName) {
    }

    /** A customer's conversation (one per customer, across channels). */
    record KnownConversation(String id, String assigneeId) {
    }

    private IntakeStore() {
    }

    static Optional<KnownCustomer> customer(Connection connection, String customerId) throws SQLException {
        return customer(connection, "SELECT id, display_name FROM customers WHERE id = ?", customerId);
    }

    /** A customer with this exact e-mail (compared case-insensitively) or else this exact phone. */
    static Optional<KnownCustomer> customerByContact(Connection connection, Contact contact) throws SQLException {
        if (contact.email() != null && !contact.email().isBlank()) {
            Optional<KnownCustomer> byEmail = customer(connection,
                    "SELECT id, display_name FROM customers WHERE lower(email) = lower(?) ORDER BY id LIMIT 1",
                    contact.email().strip());
            if (byEmail.isPresent()) {
                return byEmail;
            }
        }
        if (contact.phone() != null && !contact.phone().isBlank()) {
            return customer(connection, "SELECT id, display_name FROM customers WHERE phone = ? ORDER BY id LIMIT 1",
                    contact.phone().strip());
        }
        return Optional.empty();
    }

    static KnownCustomer insertCustomer(Connection connection, Contact contact) throws SQLException {
        String id = UUID.randomUUID().toString();
        try (PreparedStatement insert = connection.prepareStatement(
                "INSERT INTO customers (id, display_name, phone, email, company) VALUES (?, ?, ?, ?, ?)")) {
            insert.setString(1, id);
            insert.setString(2, contact.displayName().strip());
            insert.setString(3, blankToNull(contact.phone()));
            insert.setString(4, blankToNull(contact.email()));
            insert.setString(5, blankToNull(contact.company()));
            insert.executeUpdate();
        }
        return new KnownCustomer(id, contact.displayName().strip());
    }

    static Optional<KnownConversation> conversationOf(Connection connection, String customerId) throws SQLException {
        try (PreparedStatement query = connection.prepareStatement(
                "SELECT id, assignee_id FROM conversations WHERE customer_id = ?")) {
            query.setString(1, customerId);
            try (ResultSet rows = query.executeQuery()) {
                return rows.next()
                        ? Optional.of(new KnownConversation(rows.getString(1), rows.getString(2)))
                        : Optional.empty();
            }
        }
    }

    /** A new conversation, open and unassigned, with one unread entry to come. */
    static String insertConversation(Connection connection, String customerId, String subject) throws SQLException {
        String id = UUID.randomUUID().toString();
        try (PreparedStatement insert = connection.prepareStatement("""
                INSERT INTO conversations (id, customer_id, assignee_id, status, subject, unread_count)
                VALUES (?, ?, NULL, 'OPEN', ?, 1)""")) {
            insert.setString(1, id);
            insert.setString(2, customerId);
            insert.setString(3, subject);
            insert.executeUpdate();
        }
        return id;
    }

    /**
     * The customer wrote again: one more unread entry, open again, and, when {@code unassign},
     * back to nobody until the router gives it to someone.
     */
    static void reopen(Connection connection, String conversationId, String subject, boolean unassign)
            throws SQLException {
        try (PreparedStatement update = connection.prepareStatement("""
                UPDATE conversations SET status = 'OPEN', unread_count = unread_count + 1,
                    subject = coalesce(subject, ?)""" + (unassign ? ", assignee_id = NULL" : "") + " WHERE id = ?")) {
            update.setString(1, subject);
            update.setString(2, conversationId);
            update.executeUpdate();
        }
    }

    private static Optional<KnownCustomer> customer(Connection connection, String sql, String key)
            throws SQLException {
        try (PreparedStatement query = connection.prepareStatement(sql)) {
            query.setString(1, key);
            try (ResultSet rows = query.executeQuery()) {
                return rows.next()
                        ? Optional.of(new KnownCustomer(rows.getString(1), rows.getString(2)))
                        : Optional.empty();
            }
        }
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
