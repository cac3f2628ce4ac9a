package org.pult.softphone.api;

public enum RegistrationState {
    /** No account, or not yet tried. */
    NONE,
    IN_PROGRESS,
    REGISTERED,
    /** Unregistered on request. */
    CLEARED,
    /** The registrar refused us or could not be reached; the event's reason says which. Retried by the engine. */
    FAILED
}
