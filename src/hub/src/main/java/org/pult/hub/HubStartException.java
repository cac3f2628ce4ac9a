package org.pult.hub;

/** The hub could not start; the message says what to fix (directory, database file, port). */
public final class HubStartException extends RuntimeException {

    public HubStartException(String message, Throwable cause) {
        super(message, cause);
    }
}
