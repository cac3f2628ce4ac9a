package org.pult.cache;

import java.util.List;
import java.util.Objects;

/**
 * One step of the schema: the statements that take a file from {@code version - 1} to
 * {@code version}. Applied in one transaction together with the {@code user_version} bump, so a
 * crash leaves the file at the old version or the new one, never in between.
 *
 * <p>Statements run with foreign keys on; a future step that rebuilds a referenced table has to
 * account for that.
 */
record Migration(int version, String description, List<String> statements) {

    Migration {
        Objects.requireNonNull(description, "description");
        statements = List.copyOf(statements);
        if (version < 1) {
            throw new IllegalArgumentException("migration versions start at 1: " + version);
        }
        if (statements.isEmpty()) {
            throw new IllegalArgumentException("migration " + version + " has no statements");
        }
    }
}
