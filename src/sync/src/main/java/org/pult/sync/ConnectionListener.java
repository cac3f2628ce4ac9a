package org.pult.sync;

/**
 * Told whenever the {@link ConnectionStatus} changes. Called on a sync thread: a UI re-dispatches
 * onto its own thread. Must not block.
 */
@FunctionalInterface
public interface ConnectionListener {
    void statusChanged(ConnectionStatus status);
}
