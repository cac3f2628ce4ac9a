package org.pult.core.api;

/** What a {@link LiveEvent} reports. Clients skip types they do not know. */
public enum EventType {
    /** A message was added to a conversation ({@code message}). */
    MESSAGE_ADDED,
    /** An operator's state changed ({@code operatorState}). */
    STATE_CHANGED,
    /** A note was added to a conversation ({@code note}). */
    NOTE_ADDED,
    /** A conversation was given a disposition ({@code disposition}). */
    DISPOSITION_SET,
    /** A conversation's status, subject or newest entry changed ({@code conversation}). */
    CONVERSATION_UPDATED,
    /**
     * A conversation was routed to the operator from a queue ({@code conversation}); it is in
     * their inbox from now on. A client that does not know this type finds it at its next inbox pull.
     */
    CONVERSATION_ASSIGNED
}
