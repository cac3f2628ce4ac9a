package org.pult.cache;

import java.sql.SQLException;
import java.util.Set;
import org.pult.cache.CacheOpenException.Problem;
import org.sqlite.SQLiteErrorCode;

/** Sorts SQLite's result codes into the problems the app can explain to the operator. */
final class SqliteFailures {

    private static final Set<Integer> DAMAGE = Set.of(
            SQLiteErrorCode.SQLITE_CORRUPT.code,
            SQLiteErrorCode.SQLITE_NOTADB.code);

    private static final Set<Integer> CANNOT_WRITE = Set.of(
            SQLiteErrorCode.SQLITE_PERM.code,
            SQLiteErrorCode.SQLITE_BUSY.code,
            SQLiteErrorCode.SQLITE_LOCKED.code,
            SQLiteErrorCode.SQLITE_READONLY.code,
            SQLiteErrorCode.SQLITE_IOERR.code,
            SQLiteErrorCode.SQLITE_FULL.code,
            SQLiteErrorCode.SQLITE_CANTOPEN.code);

    private SqliteFailures() {
    }

    /**
     * The problem {@code failure} points to, or {@code otherwise} when its code says nothing about
     * the file itself (a plain SQL error means something else in a migration than at connect).
     */
    static Problem classify(SQLException failure, Problem otherwise) {
        // sqlite-jdbc reports the primary code here; the mask also covers extended codes.
        int primary = failure.getErrorCode() & 0xff;
        if (DAMAGE.contains(primary)) {
            return Problem.CORRUPT;
        }
        if (CANNOT_WRITE.contains(primary)) {
            return Problem.UNWRITABLE;
        }
        return otherwise;
    }
}
