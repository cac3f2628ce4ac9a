package org.pult.cache;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.sqlite.SQLiteConfig;

/**
 * Getting past a damaged cache without losing the operator's work: move the file aside (never
 * delete it; it may hold what a person needs, and it is evidence for a bug report), salvage the
 * drafts from it, then let the app open a fresh cache and sync it from the backend.
 */
public final class CacheRecovery {

    private static final Logger log = LoggerFactory.getLogger(CacheRecovery.class);
    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss");
    /** The files SQLite keeps next to a database; they belong to it and move with it. */
    private static final List<String> COMPANIONS = List.of("-wal", "-shm", "-journal");

    private CacheRecovery() {
    }

    /**
     * Renames {@code file} to {@code <name>.damaged-<yyyyMMdd-HHmmss>} and its companions to the
     * same name plus their suffix, so SQLite still reads the moved file together with its
     * write-ahead log. Nothing is overwritten: a name already taken gets a counter. Call it only
     * after the cache is closed.
     *
     * @return the new path of the main file
     */
    public static Path moveAside(Path file) throws IOException {
        return moveAside(file, Clock.systemDefaultZone());
    }

    static Path moveAside(Path file, Clock clock) throws IOException {
        Path target = freeTarget(file, LocalDateTime.now(clock).format(STAMP));
        Files.move(file, target);
        for (String suffix : COMPANIONS) {
            Path companion = sibling(file, suffix);
            if (Files.exists(companion)) {
                Files.move(companion, sibling(target, suffix));
            }
        }
        log.warn("Moved the damaged cache {} aside to {}", file, target);
        return target;
    }

    private static Path freeTarget(Path file, String stamp) {
        String base = file.getFileName() + ".damaged-" + stamp;
        Path target = file.resolveSibling(base);
        for (int attempt = 2; isTaken(target); attempt++) {
            target = file.resolveSibling(base + "-" + attempt);
        }
        return target;
    }

    private static boolean isTaken(Path target) {
        if (Files.exists(target)) {
            return true;
        }
        for (String suffix : COMPANIONS) {
            if (Files.exists(sibling(target, suffix))) {
                return true;
            }
        }
        return false;
    }

    private static Path sibling(Path file, String suffix) {
        return file.resolveSibling(file.getFileName() + suffix);
    }

    /**
     * Reads whatever drafts can still be read from a damaged cache file, opened read-only. Returns
     * what was read before the first failure, or an empty map; never throws, because a failed
     * salvage must not stop the rebuild.
     */
    public static Map<String, String> salvageDrafts(Path damagedFile) {
        Map<String, String> drafts = new LinkedHashMap<>();
        if (!Files.isRegularFile(damagedFile)) {
            log.warn("No drafts salvaged: {} is not a file", damagedFile);
            return Map.of();
        }
        SQLiteConfig config = new SQLiteConfig();
        config.setReadOnly(true);
        try (Connection connection = config.createConnection("jdbc:sqlite:" + damagedFile.toAbsolutePath());
                Statement statement = connection.createStatement();
                // A plain table scan: it does not depend on the primary-key index, which may be damaged too.
                ResultSet rows = statement.executeQuery("SELECT conversation_id, text FROM drafts")) {
            while (rows.next()) {
                String conversationId = rows.getString(1);
                String text = rows.getString(2);
                if (conversationId != null && text != null) {
                    drafts.put(conversationId, text);
                }
            }
        } catch (SQLException | RuntimeException failure) {
            log.warn("Salvaging drafts from {} stopped after {} drafts: {}", damagedFile, drafts.size(),
                    failure.toString());
        }
        log.info("Salvaged {} drafts from {}", drafts.size(), damagedFile);
        return Collections.unmodifiableMap(drafts);
    }
}
