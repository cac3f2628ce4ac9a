package org.pult.hub.routing;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Reads the READY operators with their skills, idle time, load and capacity.
 *
 * <p>An operator is idle since the later of the moment they last became READY
 * ({@code users.state_since}) and their last assignment ({@code users.last_routed_at}).
 */
final class OperatorPool {

    private final RoutingConfig config;

    OperatorPool(RoutingConfig config) {
        this.config = config;
    }

    List<Candidate> ready(Connection connection) throws SQLException {
        Map<String, Set<String>> skills = new HashMap<>();
        Map<String, int[]> loads = new HashMap<>();
        Map<String, int[]> capacities = new HashMap<>();
        Map<String, Instant> idleSince = new java.util.LinkedHashMap<>();
        try (PreparedStatement query = connection.prepareStatement("""
                SELECT id, coalesce(state_since, 0), coalesce(last_routed_at, 0) FROM users WHERE state = 'READY'""");
             ResultSet rows = query.executeQuery()) {
            while (rows.next()) {
                String id = rows.getString(1);
                idleSince.put(id, Instant.ofEpochMilli(Math.max(rows.getLong(2), rows.getLong(3))));
                skills.put(id, new HashSet<>());
                loads.put(id, new int[WorkClass.values().length]);
                int[] capacity = new int[WorkClass.values().length];
                for (WorkClass workClass : WorkClass.values()) {
                    capacity[workClass.ordinal()] = config.capacity(workClass);
                }
                capacities.put(id, capacity);
            }
        }
        if (idleSince.isEmpty()) {
            return List.of();
        }
        try (PreparedStatement query = connection.prepareStatement("""
                SELECT s.user_id, s.skill FROM operator_skills s JOIN users u ON u.id = s.user_id
                WHERE u.state = 'READY'""");
             ResultSet rows = query.executeQuery()) {
            while (rows.next()) {
                Set<String> own = skills.get(rows.getString(1));
                if (own != null) {
                    own.add(rows.getString(2));
                }
            }
        }
        readCounts(connection, """
                SELECT c.user_id, c.work_class, c.max_open FROM operator_capacity c JOIN users u ON u.id = c.user_id
                WHERE u.state = 'READY'""", capacities);
        readCounts(connection, """
                SELECT w.assignee_id, w.work_class, count(*) FROM work_items w JOIN users u ON u.id = w.assignee_id
                WHERE w.closed_at IS NULL AND u.state = 'READY'
                GROUP BY w.assignee_id, w.work_class""", loads);
        List<Candidate> candidates = new ArrayList<>(idleSince.size());
        idleSince.forEach((id, since) -> candidates.add(
                new Candidate(id, Set.copyOf(skills.get(id)), since, loads.get(id), capacities.get(id))));
        return candidates;
    }

    /** Rows of (user id, work class, number) into the per-class arrays of known users. */
    private static void readCounts(Connection connection, String sql, Map<String, int[]> into) throws SQLException {
        try (PreparedStatement query = connection.prepareStatement(sql);
             ResultSet rows = query.executeQuery()) {
            while (rows.next()) {
                int[] values = into.get(rows.getString(1));
                if (values != null) {
                    values[WorkClass.valueOf(rows.getString(2)).ordinal()] = rows.getInt(3);
                }
            }
        }
    }
}
