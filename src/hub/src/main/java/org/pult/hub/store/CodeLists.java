package org.pult.hub.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import org.pult.core.api.CodeOption;

/** The hub-configured lists: reasons for NOT_READY and disposition codes. */
public final class CodeLists {

    /** Which list. The table names are fixed here, never taken from a request. */
    public enum Kind {
        REASONS("reason_codes"), DISPOSITIONS("disposition_codes");

        private final String table;

        Kind(String table) {
            this.table = table;
        }
    }

    private final HubDatabase database;

    public CodeLists(HubDatabase database) {
        this.database = database;
    }

    public List<CodeOption> list(Kind kind) throws SQLException {
        try (Connection connection = database.connection();
             PreparedStatement query = connection.prepareStatement(
                     "SELECT code, label FROM " + kind.table + " ORDER BY position, code");
             ResultSet rows = query.executeQuery()) {
            List<CodeOption> options = new ArrayList<>();
            while (rows.next()) {
                options.add(new CodeOption(rows.getString(1), rows.getString(2)));
            }
            return options;
        }
    }

    public boolean contains(Connection connection, Kind kind, String code) throws SQLException {
        try (PreparedStatement query = connection.prepareStatement(
                "SELECT 1 FROM " + kind.table + " WHERE code = ?")) {
            query.setString(1, code);
            try (ResultSet row = query.executeQuery()) {
                return row.next();
            }
        }
    }
}
