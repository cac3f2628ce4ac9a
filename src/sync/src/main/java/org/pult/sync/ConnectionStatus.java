package org.pult.sync;

import java.util.Objects;

/**
 * What the console shows about sync: "online", "reconnecting", or "offline (N actions waiting)".
 *
 * @param pendingActions  actions in the outbox not yet acknowledged
 * @param rejectedActions actions the backend refused for good, waiting for the operator to see
 * @param detail          why the last attempt failed, in English for logs and a tooltip; null when online
 */
public record ConnectionStatus(Connectivity connectivity, int pendingActions, int rejectedActions, String detail) {
    public ConnectionStatus {
        Objects.requireNonNull(connectivity, "connectivity");
    }
}
