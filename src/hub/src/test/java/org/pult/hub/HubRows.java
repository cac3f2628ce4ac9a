package org.pult.hub;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Reads the hub's database directly, to prove what a request did or did not store. */
final class HubRows {

    /** Every table whose rows the API writes, except sessions (sign-ins add rows there). */
    static final List<String> TABLES = List.of("users", "customers", "conversations", "messages", "notes",
            "dispositions", "applied_actions", "events", "reason_codes", "disposition_codes");

    private HubRows() {
    }

    /** Every row of every table as text, to compare before and after a request. */
    static Map<String, List<String>> snapshot(Path dataDir) throws SQLException {
        Map<String, List<String>> tables = new LinkedHashMap<>();
        for (String table : TABLES) {
            tables.put(table, rows(dataDir, "SELECT * FROM " + table + " ORDER BY rowid"));
        }
        return tables;
    }

    static List<String> rows(Path dataDir, String sql) throws SQLException {
        try (Connection connection = DriverManager.getConnection("jdbc:sqlite:" + dataDir.resolve("hub.db"));
             Statement statement = connection.createStatement();
             ResultSet rows = statement.executeQuery(sql)) {
            ResultSetMetaData meta = rows.getMetaData();
            List<String> result = new ArrayList<>();
            while (rows.next()) {
                StringBuilder row = new StringBuilder();
                for (int i = 1; i <= meta.getColumnCount(); i++) {
                    row.append(i > 1 ? "|" : "").append(rows.getString(i));
                }
                result.add(row.toString());
            }
            return result;
        }
    }

    static long count(Path dataDir, String sql) throws SQLException {
        return Long.parseLong(rows(dataDir, sql).getFirst());
    }
}
