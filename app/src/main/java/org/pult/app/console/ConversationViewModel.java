package org.pult.app.console;

import java.util.List;
import java.util.Optional;
import java.util.Set;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
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
import org.pult.cache.ConversationStore;
import org.pult.cache.DraftStore;
import org.pult.cache.OperatorActions;
import org.pult.core.model.Conversation;
import org.pult.core.model.Message;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The open conversation: its timeline from the cache and the reply being typed. The reply is
 * saved to the cache as a draft on every change, so nothing typed is lost to a crash. Sending
 * writes the reply to the cache and the outbox at once (it shows as pending until the backend's
 * copy replaces it) and clears the box only after that write succeeded.
 */
public final class ConversationViewModel {

    private static final Logger LOG = LoggerFactory.getLogger(ConversationViewModel.class);

    private final ConversationStore store;
    private final DraftStore drafts;
    private final OperatorActions actions;
    private final Runnable actionRecorded;
    private final AppExecutors executors;
    private final DraftAutosave autosave;
    private final ConversationNotesViewModel notes;
    private final ObjectProperty<Conversation> conversation = new SimpleObjectProperty<>();
    private final ObservableList<Message> messages = FXCollections.observableArrayList();
    private final ObservableSet<String> pendingIds = FXCollections.observableSet();
    private final StringProperty reply = new SimpleStringProperty("");
    private final BooleanProperty sending = new SimpleBooleanProperty();
    private final BooleanProperty backendReachable = new SimpleBooleanProperty(true);
    private final ObjectProperty<UserMessage> sendError = new SimpleObjectProperty<>();
    private final BooleanBinding canSend;
    private boolean loadingDraft;

    /** @param actionRecorded tells the sync that an action waits in the outbox */
    public ConversationViewModel(ConversationStore store, DraftStore drafts, OperatorActions actions,
                                 ConversationNotesViewModel notes, AppExecutors executors, Runnable actionRecorded) {
        this.store = store;
        this.drafts = drafts;
        this.actions = actions;
        this.notes = notes;
        this.executors = executors;
        this.actionRecorded = actionRecorded;
        this.autosave = new DraftAutosave(drafts, executors.background());
        reply.addListener((obs, old, text) -> {
            Conversation open = conversation.get();
            if (open != null && !loadingDraft) {
                autosave.changed(open.id(), text);
            }
        });
        canSend = Bindings.createBooleanBinding(
                () -> conversation.get() != null && !sending.get() && reply.get() != null && !reply.get().isBlank(),
                conversation, sending, reply);
    }

    public void open(Conversation toOpen) {
        notes.open(toOpen);
        sendError.set(null);
        if (toOpen == null) {
            conversation.set(null);
            messages.clear();
            pendingIds.clear();
            setReplyWithoutSaving("");
            return;
        }
        boolean sameConversation = conversation.get() != null && conversation.get().id().equals(toOpen.id());
        conversation.set(toOpen);
        if (!sameConversation) {
            messages.clear();
            pendingIds.clear();
            setReplyWithoutSaving("");
        }
        load(toOpen.id(), !sameConversation);
    }

    /** Reads the open conversation's timeline again (the cache changed); keeps what is typed. */
    public void refresh() {
        Conversation open = conversation.get();
        if (open != null) {
            load(open.id(), false);
        }
        notes.refresh();
    }

    private void load(String conversationId, boolean withDraft) {
        executors.background().execute(() -> {
            try {
                List<Message> timeline = store.messages(conversationId);
                Set<String> pending = store.pendingMessageIds(conversationId);
                Optional<String> draft = withDraft ? drafts.load(conversationId) : Optional.empty();
                executors.ui().execute(() -> {
                    if (isOpen(conversationId)) {
                        pendingIds.retainAll(pending);
                        pendingIds.addAll(pending);
                        if (!messages.equals(timeline)) {
                            messages.setAll(timeline);
                        }
                        draft.ifPresent(this::setReplyWithoutSaving);
                    }
                });
            } catch (RuntimeException failure) {
                LOG.error("Could not read conversation {} from the cache", conversationId, failure);
            }
        });
    }

    /** Sends the reply: offline-first, so it works the same with or without the backend. */
    public void send() {
        if (!canSend.get()) {
            return;
        }
        String conversationId = conversation.get().id();
        String text = reply.get();
        sending.set(true);
        sendError.set(null);
        executors.background().execute(() -> {
            try {
                actions.reply(conversationId, text);
            } catch (RuntimeException failure) {
                LOG.error("Could not record a reply in conversation {}", conversationId, failure);
                executors.ui().execute(() -> {
                    sending.set(false);
                    sendError.set(UserMessage.of("conversation.send.failed"));
                });
                return;
            }
            actionRecorded.run();
            executors.ui().execute(() -> sent(conversationId, text));
        });
    }

    /** The reply is stored: take it out of the box, keeping anything typed since pressing Send. */
    private void sent(String conversationId, String text) {
        sending.set(false);
        if (isOpen(conversationId)) {
            String now = reply.get();
            reply.set(now.equals(text) ? "" : now.startsWith(text) ? now.substring(text.length()).stripLeading() : now);
            load(conversationId, false);
        } else {
            executors.background().execute(() -> {
                if (drafts.load(conversationId).filter(text::equals).isPresent()) {
                    drafts.save(conversationId, "");
                }
            });
        }
    }

    private boolean isOpen(String conversationId) {
        return conversation.get() != null && conversation.get().id().equals(conversationId);
    }

    private void setReplyWithoutSaving(String text) {
        loadingDraft = true;
        try {
            reply.set(text);
        } finally {
            loadingDraft = false;
        }
    }

    public ReadOnlyObjectProperty<Conversation> conversationProperty() {
        return conversation;
    }

    public ObservableList<Message> messages() {
        return messages;
    }

    /** Messages the backend has not acknowledged yet: the operator's replies still on their way. */
    public ObservableSet<String> pendingIds() {
        return pendingIds;
    }

    public StringProperty replyProperty() {
        return reply;
    }

    public BooleanBinding canSendProperty() {
        return canSend;
    }

    public ReadOnlyBooleanProperty sendingProperty() {
        return sending;
    }

    /** Whether pending replies are being sent now ("sending…") or wait for the connection. */
    public BooleanProperty backendReachableProperty() {
        return backendReachable;
    }

    public ReadOnlyObjectProperty<UserMessage> sendErrorProperty() {
        return sendError;
    }

    public ConversationNotesViewModel notes() {
        return notes;
    }
}
