package org.pult.app.console;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.collections.ObservableSet;
import org.pult.app.i18n.UserMessage;
import org.pult.app.platform.AppExecutors;
import org.pult.app.sync.CodeLists;
import org.pult.cache.NoteStore;
import org.pult.cache.OperatorActions;
import org.pult.core.api.CodeOption;
import org.pult.core.model.Conversation;
import org.pult.core.model.ConversationStatus;
import org.pult.core.model.Disposition;
import org.pult.core.model.Note;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Internal notes and the wrap-up of the open conversation: the notes so far, the note being
 * typed, and closing the conversation with one of the backend's dispositions. Both are recorded
 * offline-first, like replies.
 */
public final class ConversationNotesViewModel {

    private static final Logger LOG = LoggerFactory.getLogger(ConversationNotesViewModel.class);

    private final NoteStore store;
    private final OperatorActions actions;
    private final CodeLists codes;
    private final AppExecutors executors;
    private final Runnable actionRecorded;
    private final ObjectProperty<Conversation> conversation = new SimpleObjectProperty<>();
    private final ObservableList<Note> notes = FXCollections.observableArrayList();
    private final ObservableSet<String> pendingNoteIds = FXCollections.observableSet();
    private final ObjectProperty<Disposition> disposition = new SimpleObjectProperty<>();
    private final BooleanProperty dispositionPending = new SimpleBooleanProperty();
    private final ObservableList<CodeOption> dispositions = FXCollections.observableArrayList();
    private final StringProperty noteDraft = new SimpleStringProperty("");
    private final ObjectProperty<UserMessage> error = new SimpleObjectProperty<>();
    private final Map<String, String> unfinishedNotes = new HashMap<>();

    public ConversationNotesViewModel(NoteStore store, OperatorActions actions, CodeLists codes,
                                      AppExecutors executors, Runnable actionRecorded) {
        this.store = Objects.requireNonNull(store, "store");
        this.actions = Objects.requireNonNull(actions, "actions");
        this.codes = Objects.requireNonNull(codes, "codes");
        this.executors = Objects.requireNonNull(executors, "executors");
        this.actionRecorded = Objects.requireNonNull(actionRecorded, "actionRecorded");
        dispositions.setAll(codes.dispositions());
    }

    void open(Conversation toOpen) {
        Conversation previous = conversation.get();
        boolean other = previous == null || toOpen == null || !previous.id().equals(toOpen.id());
        conversation.set(toOpen);
        error.set(null);
        if (other) {
            // A half-typed note waits for its conversation while the operator looks at another.
            if (previous != null && !noteDraft.get().isBlank()) {
                unfinishedNotes.put(previous.id(), noteDraft.get());
            }
            noteDraft.set(toOpen == null ? "" : unfinishedNotes.getOrDefault(toOpen.id(), ""));
            if (toOpen != null) {
                unfinishedNotes.remove(toOpen.id());
            }
            notes.clear();
            pendingNoteIds.clear();
            disposition.set(null);
            dispositionPending.set(false);
        }
        refresh();
    }

    public void refresh() {
        Conversation open = conversation.get();
        if (dispositions.isEmpty() && !codes.dispositions().isEmpty()) {
            dispositions.setAll(codes.dispositions());
        }
        if (open == null) {
            return;
        }
        String id = open.id();
        executors.background().execute(() -> {
            try {
                List<Note> stored = store.notes(id);
                Set<String> pending = store.pendingNoteIds(id);
                Optional<Disposition> wrapUp = store.disposition(id);
                boolean wrapUpPending = store.dispositionPending(id);
                executors.ui().execute(() -> {
                    if (isOpen(id)) {
                        pendingNoteIds.retainAll(pending);
                        pendingNoteIds.addAll(pending);
                        if (!notes.equals(stored)) {
                            notes.setAll(stored);
                        }
                        disposition.set(wrapUp.orElse(null));
                        dispositionPending.set(wrapUpPending);
                    }
                });
            } catch (RuntimeException failure) {
                LOG.error("Could not read the notes of conversation {} from the cache", id, failure);
            }
        });
    }

    /** Asks the backend for the dispositions again if the list is still empty. */
    public void loadDispositionsIfMissing() {
        if (!dispositions.isEmpty()) {
            return;
        }
        executors.background().execute(() -> {
            if (codes.refresh()) {
                List<CodeOption> loaded = codes.dispositions();
                executors.ui().execute(() -> dispositions.setAll(loaded));
            }
        });
    }

    public void addNote() {
        Conversation open = conversation.get();
        String text = noteDraft.get();
        if (open == null || text == null || text.isBlank()) {
            return;
        }
        String id = open.id();
        record(id, () -> actions.addNote(id, text), () -> {
            if (isOpen(id) && text.equals(noteDraft.get())) {
                noteDraft.set("");
            }
        });
    }

    public void closeWith(CodeOption chosen) {
        Conversation open = conversation.get();
        if (open == null || chosen == null) {
            return;
        }
        String id = open.id();
        record(id, () -> actions.setDisposition(id, chosen.code(), null), () -> { });
    }

    /** Writes the action on the background executor; keeps the typed text if the write fails. */
    private void record(String conversationId, Runnable action, Runnable afterwards) {
        error.set(null);
        executors.background().execute(() -> {
            try {
                action.run();
            } catch (RuntimeException failure) {
                LOG.error("Could not record an action on conversation {}", conversationId, failure);
                executors.ui().execute(() -> error.set(UserMessage.of("notes.failed")));
                return;
            }
            actionRecorded.run();
            executors.ui().execute(() -> {
                afterwards.run();
                refresh();
            });
        });
    }

    private boolean isOpen(String conversationId) {
        return conversation.get() != null && conversation.get().id().equals(conversationId);
    }

    public String dispositionLabel(String code) {
        return codes.dispositionLabel(code);
    }

    /** Closed already, by the backend or by a disposition of the operator's. */
    public boolean closed() {
        return disposition.get() != null
                || conversation.get() != null && conversation.get().status() == ConversationStatus.CLOSED;
    }

    public ReadOnlyObjectProperty<Conversation> conversationProperty() {
        return conversation;
    }

    public ObservableList<Note> notes() {
        return notes;
    }

    public ObservableSet<String> pendingNoteIds() {
        return pendingNoteIds;
    }

    public ReadOnlyObjectProperty<Disposition> dispositionProperty() {
        return disposition;
    }

    public ReadOnlyBooleanProperty dispositionPendingProperty() {
        return dispositionPending;
    }

    public ObservableList<CodeOption> dispositions() {
        return dispositions;
    }

    public StringProperty noteDraftProperty() {
        return noteDraft;
    }

    public ReadOnlyObjectProperty<UserMessage> errorProperty() {
        return error;
    }
}
