package org.pult.app.sync;

import java.util.List;
import java.util.Objects;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.pult.app.platform.AppExecutors;
import org.pult.cache.OutboxStore;
import org.pult.core.port.OutboxEntry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The actions the backend refused for good, with their text, until the operator dismisses them.
 * Dismissing keeps the entry in the outbox (as a record); it only leaves this list.
 */
public final class RejectedActionsViewModel {

    private static final Logger LOG = LoggerFactory.getLogger(RejectedActionsViewModel.class);

    private final OutboxStore outbox;
    private final AppExecutors executors;
    private final Runnable outboxChanged;
    private final ObservableList<OutboxEntry> rejected = FXCollections.observableArrayList();

    /** @param outboxChanged tells the sync, so the count in the top bar follows */
    public RejectedActionsViewModel(OutboxStore outbox, AppExecutors executors, Runnable outboxChanged) {
        this.outbox = Objects.requireNonNull(outbox, "outbox");
        this.executors = Objects.requireNonNull(executors, "executors");
        this.outboxChanged = Objects.requireNonNull(outboxChanged, "outboxChanged");
    }

    public void reload() {
        executors.background().execute(() -> {
            try {
                List<OutboxEntry> entries = outbox.poisoned();
                executors.ui().execute(() -> rejected.setAll(entries));
            } catch (RuntimeException failure) {
                LOG.error("Could not read the rejected actions from the cache", failure);
            }
        });
    }

    public void dismiss(OutboxEntry entry) {
        rejected.remove(entry);
        executors.background().execute(() -> {
            try {
                outbox.dismiss(entry.sequence());
                outboxChanged.run();
            } catch (RuntimeException failure) {
                LOG.error("Could not dismiss rejected action {}", entry.sequence(), failure);
            }
            reload();
        });
    }

    public ObservableList<OutboxEntry> rejected() {
        return rejected;
    }
}
