package org.pult.sync;

/** Whether the backend is reachable, as the console's status bar shows it. */
public enum Connectivity {
    /** The last call and the event stream got through. */
    ONLINE,
    /** The connection was lost a moment ago; retrying. */
    RECONNECTING,
    /** The backend has not answered for a while; the operator works offline and actions wait. */
    OFFLINE
}
