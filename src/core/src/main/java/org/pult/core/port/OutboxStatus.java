package org.pult.core.port;

/** Where an outbox entry stands. */
public enum OutboxStatus {
    /** Not yet acknowledged by the backend; replayed in order. */
    PENDING,
    /** The backend acknowledged it (applied it, now or before). */
    SENT,
    /** The backend rejected it as invalid; it will never be sent again and is shown to the operator. */
    POISON
}
