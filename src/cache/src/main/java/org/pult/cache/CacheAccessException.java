package org.pult.cache;

/**
 * Reading or writing an open cache failed. Unchecked because the store methods implement ports
 * that cannot declare {@link java.sql.SQLException}; callers on background threads report it.
 */
public final class CacheAccessException extends RuntimeException {

    CacheAccessException(String message, Throwable cause) {
        super(message, cause);
    }

    CacheAccessException(String message) {
        super(message);
    }
}
