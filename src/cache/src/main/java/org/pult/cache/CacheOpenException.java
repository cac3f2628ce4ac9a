package org.pult.cache;

import java.nio.file.Path;
import java.util.Objects;

/**
 * The cache file cannot be used. {@link #problem()} says why in a form the app maps to localized
 * text and to a remedy (rebuild, free space, pick another folder); the message is for logs.
 */
public final class CacheOpenException extends Exception {

    /** Why a cache file was refused. */
    public enum Problem {
        /** The file was written by a newer Pult; it is left untouched so that Pult can still read it. */
        NEWER_SCHEMA,
        /** The file is not an SQLite database or its pages are damaged; rebuild it from the backend. */
        CORRUPT,
        /** The file or its folder cannot be created or written (permissions, read-only medium, full disk, locked). */
        UNWRITABLE
    }

    private final Problem problem;
    private final transient Path file;

    CacheOpenException(Problem problem, Path file, String message, Throwable cause) {
        super(message, cause);
        this.problem = Objects.requireNonNull(problem, "problem");
        this.file = Objects.requireNonNull(file, "file");
    }

    CacheOpenException(Problem problem, Path file, String message) {
        this(problem, file, message, null);
    }

    public Problem problem() {
        return problem;
    }

    public Path file() {
        return file;
    }
}
