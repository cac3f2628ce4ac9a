package org.pult.app.sync;

import javafx.beans.property.IntegerProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.beans.property.SimpleObjectProperty;
import org.pult.app.i18n.UserMessage;
import org.pult.sync.ConnectionStatus;
import org.pult.sync.Connectivity;

/**
 * The connection as the top bar shows it: online, reconnecting, or offline with the number of
 * actions waiting on this computer, and how many the backend refused. Updated on the FX thread.
 */
public final class SyncStatusViewModel {

    private final ObjectProperty<Connectivity> connectivity = new SimpleObjectProperty<>(Connectivity.RECONNECTING);
    private final IntegerProperty waiting = new SimpleIntegerProperty();
    private final IntegerProperty rejected = new SimpleIntegerProperty();
    private final ObjectProperty<UserMessage> message = new SimpleObjectProperty<>();

    public SyncStatusViewModel() {
        message.set(messageFor(connectivity.get(), 0));
    }

    public void show(ConnectionStatus status) {
        connectivity.set(status.connectivity());
        waiting.set(status.pendingActions());
        rejected.set(status.rejectedActions());
        message.set(messageFor(status.connectivity(), status.pendingActions()));
    }

    static UserMessage messageFor(Connectivity connectivity, int waiting) {
        return switch (connectivity) {
            case ONLINE -> waiting == 0 ? UserMessage.of("sync.online") : UserMessage.of("sync.online.sending", waiting);
            case RECONNECTING -> waiting == 0
                    ? UserMessage.of("sync.reconnecting")
                    : UserMessage.of("sync.reconnecting.waiting", waiting);
            case OFFLINE -> UserMessage.of("sync.offline.waiting", waiting);
        };
    }

    public ReadOnlyObjectProperty<Connectivity> connectivityProperty() {
        return connectivity;
    }

    public boolean online() {
        return connectivity.get() == Connectivity.ONLINE;
    }

    public ReadOnlyIntegerProperty waitingProperty() {
        return waiting;
    }

    public ReadOnlyIntegerProperty rejectedProperty() {
        return rejected;
    }

    public ReadOnlyObjectProperty<UserMessage> messageProperty() {
        return message;
    }
}
