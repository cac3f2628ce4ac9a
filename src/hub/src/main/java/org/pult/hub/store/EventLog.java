package org.pult.hub.store;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import org.pult.core.api.EventPage;
import org.pult.core.api.LiveEvent;

/**
 * The append-only event log. Its cursor is SQLite's AUTOINCREMENT row id: it only grows, is never
 * reused, and, since SQLite has one writer at a time, commits in cursor order, so a reader that
 * saw cursor N will never later find a new event below N.
 *
 * <p>Each event is for one user (the operator concerned); supervisors and admins also see every
 * operator's state changes.
 */
public final class EventLog {

    public static final int MAX_PAGE = 500;

    private static final String PAGE = """
            SELECT cursor, payload_json FROM events
            WHERE cursor > ? AND (user_id = ? OR (? AND type = 'STATE_CHANGED'))
            ORDER BY cursor LIMIT ?""";

    private final HubDatabase database;
    private final ObjectMapper json;

    public EventLog(HubDatabase database, ObjectMapper json) {
        this.database = database;
        this.json = json;
    }

    /** Appends inside the caller's transaction and returns the event with its cursor. */
    public LiveEvent append(Connection connection, String userId, LiveEvent event) throws SQLException {
        try (PreparedStatement insert = connection.prepareStatement(
                "INSERT INTO events (user_id, type, payload_json, created_at) VALUES (?, ?, ?, ?)",
                Statement.RETURN_GENERATED_KEYS)) {
            insert.setString(1, userId);
            insert.setString(2, event.type().name());
            insert.setString(3, write(event));
            insert.setLong(4, event.occurredAt().toEpochMilli());
            insert.executeUpdate();
            try (ResultSet keys = insert.getGeneratedKeys()) {
                keys.next();
                return withCursor(event, keys.getLong(1));
            }
        }
    }

    /** The events after {@code since} that {@code userId} may see, oldest first. */
    public EventPage page(String userId, boolean seesTeamStates, long since, int limit) throws SQLException {
        int bounded = Math.clamp(limit, 1, MAX_PAGE);
        List<LiveEvent> events = new ArrayList<>();
        boolean more;
        try (Connection connection = database.connection()) {
            try (PreparedStatement query = connection.prepareStatement(PAGE)) {
                query.setLong(1, since);
                query.setString(2, userId);
                query.setBoolean(3, seesTeamStates);
                query.setInt(4, bounded + 1);
                try (ResultSet rows = query.executeQuery()) {
                    while (rows.next()) {
                        events.add(withCursor(read(rows.getString(2)), rows.getLong(1)));
                    }
                }
            }
            more = events.size() > bounded;
            if (more) {
                events.removeLast();
            }
            // Read after the page, so the head is never below a cursor the page holds.
            long head = head(connection);
            long next = events.isEmpty() ? since : events.getLast().cursor();
            return new EventPage(events, next, head, more);
        }
    }

    /** The newest cursor of the whole log, 0 when it is empty. */
    public long head() throws SQLException {
        try (Connection connection = database.connection()) {
            return head(connection);
        }
    }

    private static long head(Connection connection) throws SQLException {
        try (Statement statement = connection.createStatement();
             ResultSet row = statement.executeQuery("SELECT coalesce(max(cursor), 0) FROM events")) {
            return row.next() ? row.getLong(1) : 0;
        }
    }

    private String write(LiveEvent event) throws SQLException {
        try {
            return json.writeValueAsString(event);
        } catch (JsonProcessingException e) {
            throw new SQLException("cannot store event " + event.type() + " as JSON", e);
        }
    }

    private LiveEvent read(String payload) throws SQLException {
        try {
            return json.readValue(payload, LiveEvent.class);
        } catch (JsonProcessingException e) {
            throw new SQLException("an event in the log is not valid JSON", e);
        }
    }

    private static LiveEvent withCursor(LiveEvent e, long cursor) {
        return new LiveEvent(cursor, e.type(), e.occurredAt(), e.actionKey(), e.message(), e.operatorState(), e.note(),
                e.disposition(), e.conversation());
    }

}
