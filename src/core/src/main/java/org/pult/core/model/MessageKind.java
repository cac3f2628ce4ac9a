package org.pult.core.model;

/**
 * What an entry in a conversation's timeline is. Calls are entries of the timeline like
 * messages, so one conversation shows every channel the customer used.
 */
public enum MessageKind {
    TEXT, CALL_ANSWERED, CALL_MISSED
}
