package org.pult.core.api;

/** What an operator action does. */
public enum ActionType {
    /** READY, NOT_READY (with a reason code) or AFTER_CALL_WORK. */
    STATE_CHANGE,
    /** An internal note on a conversation; the customer never sees it. */
    NOTE,
    /** Wraps a conversation up with a disposition code (and an optional note); closes it. */
    DISPOSITION,
    /** A message to the customer in a conversation. */
    REPLY
}
