package org.pult.app.console;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.pult.app.i18n.UserMessage;
import org.pult.app.platform.AppExecutors;
import org.pult.app.sync.CodeLists;
import org.pult.cache.OperatorActions;
import org.pult.cache.OperatorStateStore;
import org.pult.core.api.CodeOption;
import org.pult.core.model.OperatorState;
import org.pult.core.model.OperatorStatus;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The operator's own state: what the cache says to show (their last choice until the backend has
 * it, then the backend's word), since when, and the choices they have. A choice is shown at once
 * and recorded offline-first; the backend gets it through the outbox.
 */
public final class OperatorStateViewModel {

    private static final Logger LOG = LoggerFactory.getLogger(OperatorStateViewModel.class);

    private final OperatorStateStore store;
    private final OperatorActions actions;
    private final CodeLists codes;
    private final AppExecutors executors;
    private final Clock clock;
    private final Runnable actionRecorded;
    private final ObjectProperty<OperatorState> state = new SimpleObjectProperty<>();
    private final StringProperty reasonCode = new SimpleStringProperty();
    private final ObjectProperty<Instant> since = new SimpleObjectProperty<>();
    private final ObservableList<CodeOption> reasons = FXCollections.observableArrayList();
    private final ObjectProperty<UserMessage> error = new SimpleObjectProperty<>();

    public OperatorStateViewModel(OperatorStateStore store, OperatorActions actions, CodeLists codes,
                                  AppExecutors executors, Clock clock, Runnable actionRecorded, OperatorState initial) {
        this.store = Objects.requireNonNull(store, "store");
        this.actions = Objects.requireNonNull(actions, "actions");
        this.codes = Objects.requireNonNull(codes, "codes");
        this.executors = Objects.requireNonNull(executors, "executors");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.actionRecorded = Objects.requireNonNull(actionRecorded, "actionRecorded");
        state.set(initial);
        since.set(clock.instant());
        reasons.setAll(codes.reasonCodes());
    }

    /** Reads the state to show from the cache. */
    public void reload() {
        executors.background().execute(() -> {
            try {
                Optional<OperatorStatus> current = store.current();
                executors.ui().execute(() -> current.ifPresent(this::show));
            } catch (RuntimeException failure) {
                LOG.error("Could not read the operator state from the cache", failure);
            }
        });
    }

    /** Asks the backend for the reasons again, if the list is still empty (e.g. signed in while it hiccuped). */
    public void loadReasonsIfMissing() {
        if (!reasons.isEmpty()) {
            return;
        }
        executors.background().execute(() -> {
            if (codes.refresh()) {
                List<CodeOption> loaded = codes.reasonCodes();
                executors.ui().execute(() -> reasons.setAll(loaded));
            }
        });
    }

    /** @param reason a reason code for NOT_READY, or null */
    public void choose(OperatorState chosen, String reason) {
        if (chosen == state.get() && Objects.equals(reason, reasonCode.get())) {
            return;
        }
        OperatorState previousState = state.get();
        String previousReason = reasonCode.get();
        Instant previousSince = since.get();
        state.set(chosen);
        reasonCode.set(reason);
        since.set(clock.instant());
        error.set(null);
        executors.background().execute(() -> {
            try {
                actions.changeState(chosen, reason);
                actionRecorded.run();
            } catch (RuntimeException failure) {
                LOG.error("Could not record the state change to {}", chosen, failure);
                executors.ui().execute(() -> {
                    state.set(previousState);
                    reasonCode.set(previousReason);
                    since.set(previousSince);
                    error.set(UserMessage.of("state.change.failed"));
                });
            }
        });
    }

    private void show(OperatorStatus status) {
        boolean changed = status.state() != state.get() || !Objects.equals(status.reasonCode(), reasonCode.get());
        if (!changed) {
            return;
        }
        state.set(status.state());
        reasonCode.set(status.reasonCode());
        // The cache keeps the time of the operator's own choice; a change from the backend starts now.
        Instant at = status.since();
        since.set(at != null && at.isAfter(since.get()) ? at : clock.instant());
    }

    /** The label of the current reason, from the backend's list; the code if the list lacks it. */
    public String reasonLabel() {
        return reasonCode.get() == null ? null : codes.reasonLabel(reasonCode.get());
    }

    public ReadOnlyObjectProperty<OperatorState> stateProperty() {
        return state;
    }

    public ReadOnlyStringProperty reasonCodeProperty() {
        return reasonCode;
    }

    public ReadOnlyObjectProperty<Instant> sinceProperty() {
        return since;
    }

    public ObservableList<CodeOption> reasons() {
        return reasons;
    }

    public ReadOnlyObjectProperty<UserMessage> errorProperty() {
        return error;
    }
}
