package org.pult.app.console;

import java.time.Clock;
import java.util.function.Consumer;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.SimpleBooleanProperty;
import org.pult.app.platform.AppExecutors;
import org.pult.app.session.Session;
import org.pult.app.sync.CodeLists;
import org.pult.app.sync.CoalescedRefresh;
import org.pult.app.sync.RejectedActionsViewModel;
import org.pult.app.sync.SyncStatusViewModel;
import org.pult.core.api.LiveEvent;
import org.pult.core.model.OperatorProfile;
import org.pult.sync.ConnectionListener;
import org.pult.sync.ConnectionStatus;
import org.pult.sync.Connectivity;
import org.pult.sync.SyncException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The console around the operator's work: who is signed in, their state, the connection, and the
 * inbox and open conversation models. The sync fills the cache; whenever it reports a change
 * (live events, the outbox moving on) the models re-read the cache, at most a few times a second.
 */
public final class ConsoleViewModel {

    private static final Logger LOG = LoggerFactory.getLogger(ConsoleViewModel.class);

    private final Session session;
    private final AppExecutors executors;
    private final Runnable onSignOut;
    private final InboxViewModel inbox;
    private final ConversationViewModel conversation;
    private final OperatorStateViewModel operatorState;
    private final SyncStatusViewModel syncStatus = new SyncStatusViewModel();
    private final RejectedActionsViewModel rejected;
    private final BooleanProperty syncing = new SimpleBooleanProperty();
    private final CoalescedRefresh cacheChanged;
    private final ConnectionListener statusListener;
    private final Consumer<LiveEvent> eventListener;

    public ConsoleViewModel(Session session, AppExecutors executors, Clock clock, Runnable onSignOut) {
        this.session = session;
        this.executors = executors;
        this.onSignOut = onSignOut;
        Runnable actionRecorded = session.sync()::actionRecorded;
        this.inbox = new InboxViewModel(session.conversations(), executors);
        ConversationNotesViewModel notes = new ConversationNotesViewModel(session.notes(), session.actions(),
                session.codes(), executors, actionRecorded);
        this.conversation = new ConversationViewModel(session.conversations(), session.drafts(), session.actions(),
                notes, executors, actionRecorded);
        this.operatorState = new OperatorStateViewModel(session.operatorState(), session.actions(), session.codes(),
                executors, clock, actionRecorded, session.operator().state());
        this.rejected = new RejectedActionsViewModel(session.outbox(), executors, actionRecorded);
        this.cacheChanged = new CoalescedRefresh(executors.background(), CoalescedRefresh.DEFAULT_QUIET_TIME,
                () -> executors.ui().execute(this::showCache));
        this.statusListener = status -> executors.ui().execute(() -> statusChanged(status));
        this.eventListener = event -> cacheChanged.requested();
        inbox.selectedProperty().addListener((obs, old, selected) -> conversation.open(selected));
    }

    /** Shows what the cache holds now and starts following the sync; called once the console is on screen. */
    public void start() {
        inbox.reload();
        operatorState.reload();
        rejected.reload();
        session.events().addListener(eventListener);
        session.sync().addListener(statusListener);
    }

    private void statusChanged(ConnectionStatus status) {
        boolean wasOnline = syncStatus.online();
        int rejectedBefore = syncStatus.rejectedProperty().get();
        syncStatus.show(status);
        conversation.backendReachableProperty().set(status.connectivity() == Connectivity.ONLINE);
        if (status.rejectedActions() != rejectedBefore) {
            rejected.reload();
        }
        if (status.rejectedActions() > rejectedBefore) {
            // A refused action's local effect is taken back in the cache, but not the inbox row's
            // preview or status it changed; the backend's copy of the inbox puts those right.
            refresh();
        }
        if (!wasOnline && syncStatus.online()) {
            operatorState.loadReasonsIfMissing();
            conversation.notes().loadDispositionsIfMissing();
        }
        // Counts move when the outbox does: a reply was acknowledged or refused, so re-read.
        cacheChanged.requested();
    }

    private void showCache() {
        inbox.reload();
        conversation.refresh();
        operatorState.reload();
    }

    /** Pulls the whole inbox again (F5); the live stream keeps it current otherwise. */
    public void refresh() {
        if (syncing.get()) {
            return;
        }
        syncing.set(true);
        executors.background().execute(() -> {
            try {
                session.inboxSync().pullInbox(session.token().get());
            } catch (SyncException failure) {
                LOG.info("Refresh from {} failed: {}", session.backendUrl(), failure.getMessage());
            }
            executors.ui().execute(() -> {
                syncing.set(false);
                showCache();
            });
        });
    }

    /**
     * Keeps a finished call with the customer's conversation, as a note that goes through the outbox
     * like any other (so it survives a backend outage). Calls from unknown numbers are not logged yet.
     */
    public void logCall(org.pult.core.model.Customer customer, String summary) {
        inbox.conversationOf(customer).ifPresent(conversation -> executors.background().execute(() -> {
            try {
                session.actions().addNote(conversation.id(), summary);
                session.sync().actionRecorded();
            } catch (RuntimeException failure) {
                LOG.error("Could not keep the call with conversation {}", conversation.id(), failure);
            }
        }));
    }

    public void signOut() {
        session.sync().removeListener(statusListener);
        session.events().removeListener(eventListener);
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

    public OperatorStateViewModel operatorState() {
        return operatorState;
    }

    public SyncStatusViewModel syncStatus() {
        return syncStatus;
    }

    public RejectedActionsViewModel rejected() {
        return rejected;
    }

    public CodeLists codes() {
        return session.codes();
    }

    public BooleanProperty syncingProperty() {
        return syncing;
    }
}
