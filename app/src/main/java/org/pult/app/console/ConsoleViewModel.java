package org.pult.app.console;

import java.time.Clock;
import java.time.Instant;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import org.pult.app.i18n.UserMessage;
import org.pult.app.platform.AppExecutors;
import org.pult.app.session.Session;
import org.pult.core.model.OperatorProfile;
import org.pult.sync.SyncException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The console around the operator's work: who is signed in, whether the inbox is in sync,
 * and the inbox and open conversation models. Refreshing fills the cache; the inbox re-reads it.
 */
public final class ConsoleViewModel {

    private static final Logger LOG = LoggerFactory.getLogger(ConsoleViewModel.class);

    private final Session session;
    private final AppExecutors executors;
    private final Clock clock;
    private final Runnable onSignOut;
    private final InboxViewModel inbox;
    private final ConversationViewModel conversation;
    private final ObjectProperty<UserMessage> syncStatus = new SimpleObjectProperty<>();
    private final BooleanProperty syncing = new SimpleBooleanProperty();

    public ConsoleViewModel(Session session, AppExecutors executors, Clock clock, Runnable onSignOut) {
        this.session = session;
        this.executors = executors;
        this.clock = clock;
        this.onSignOut = onSignOut;
        this.inbox = new InboxViewModel(session.conversations(), executors);
        this.conversation = new ConversationViewModel(session.conversations(), session.drafts(), executors);
        inbox.selectedProperty().addListener((obs, old, selected) -> conversation.open(selected));
        syncStatus.set(UserMessage.of("sync.status.synced", java.util.Date.from(Instant.now(clock))));
    }

    /** Shows what the cache holds now; called once the console is on screen. */
    public void start() {
        inbox.reload();
    }

    public void refresh() {
        if (syncing.get()) {
            return;
        }
        syncing.set(true);
        syncStatus.set(UserMessage.of("sync.status.syncing"));
        executors.background().execute(() -> {
            try {
                session.inboxSync().pullInbox(session.token());
                executors.ui().execute(() -> {
                    syncing.set(false);
                    syncStatus.set(UserMessage.of("sync.status.synced", java.util.Date.from(Instant.now(clock))));
                    inbox.reload();
                });
            } catch (SyncException failure) {
                LOG.info("Refresh from {} failed: {}", session.backendUrl(), failure.getMessage());
                executors.ui().execute(() -> {
                    syncing.set(false);
                    syncStatus.set(UserMessage.of("sync.status.offline", session.backendUrl()));
                });
            }
        });
    }

    public void signOut() {
        executors.background().execute(session::close);
        onSignOut.run();
    }

    public OperatorProfile operator() {
        return session.operator();
    }

    public InboxViewModel inbox() {
        return inbox;
    }

    public ConversationViewModel conversation() {
        return conversation;
    }

    public ReadOnlyObjectProperty<UserMessage> syncStatusProperty() {
        return syncStatus;
    }

    public BooleanProperty syncingProperty() {
        return syncing;
    }
}
