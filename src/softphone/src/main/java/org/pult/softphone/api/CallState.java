package org.pult.softphone.api;

/** The states of a call an operator cares about, independent of the SIP engine. */
public enum CallState {
    /** An incoming call is ringing here. */
    INCOMING,
    /** An outgoing call is being set up (INVITE sent, nothing heard back yet). */
    DIALING,
    /** The far end is ringing (180/183). */
    RINGING_OUT,
    /** Connected and media flowing. */
    ACTIVE,
    /** On hold at our request. */
    HELD,
    /** The far end put us on hold. */
    HELD_BY_REMOTE,
    /** Ended normally. Terminal. */
    ENDED,
    /** Ended with an error (busy, declined, unreachable, ...); the event's reason says which. Terminal. */
    FAILED;

    public boolean isTerminal() {
        return this == ENDED || this == FAILED;
    }
}
