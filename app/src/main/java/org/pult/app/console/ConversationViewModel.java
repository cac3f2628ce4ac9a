package org.pult.app.console;

import java.util.List;
import java.util.Optional;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.pult.app.platform.AppExecutors;
import org.pult.cache.ConversationStore;
import org.pult.cache.DraftStore;
import org.pult.core.model.Conversation;
import org.pult.core.model.Message;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The open conversation: its timeline from the cache and the reply being typed. The reply is
 * saved to the cache as a draft on every change, so nothing typed is lost to a crash.
 */
public final class ConversationViewModel {

    private static final Logger LOG = LoggerFactory.getLogger(ConversationViewModel.class);

    private final ConversationStore store;
    private final DraftStore drafts;
    private final AppExecutors executors;
    private final DraftAutosave autosave;
    private final ObjectProperty<Conversation> conversation = new SimpleObjectProperty<>();
    private final ObservableList<Message> messages = FXCollections.observableArrayList();
    private final StringProperty reply = new SimpleStringProperty("");
    private boolean loadingDraft;

    public ConversationViewModel(ConversationStore store, DraftStore drafts, AppExecutors executors) {
        this.store = store;
        this.drafts = drafts;
        this.executors = executors;
        this.autosave = new DraftAutosave(drafts, executors.background());
        reply.addListener((obs, old, text) -> {
            Conversation open = conversation.get();
            if (open != null && !loadingDraft) {
                autosave.changed(open.id(), text);
            }
        });
    }

    public void open(Conversation toOpen) {
        if (toOpen == null) {
            conversation.set(null);
            messages.clear();
            setReplyWithoutSaving("");
            return;
        }
        boolean sameConversation = conversation.get() != null && conversation.get().id().equals(toOpen.id());
        conversation.set(toOpen);
        if (!sameConversation) {
            messages.clear();
            setReplyWithoutSaving("");
        }
        executors.background().execute(() -> {
            try {
                List<Message> timeline = store.messages(toOpen.id());
                Optional<String> draft = sameConversation ? Optional.empty() : drafts.load(toOpen.id());
                executors.ui().execute(() -> {
                    if (conversation.get() != null && conversation.get().id().equals(toOpen.id())) {
                        messages.setAll(timeline);
                        draft.ifPresent(this::setReplyWithoutSaving);
                    }
                });
            } catch (RuntimeException failure) {
                LOG.error("Could not read conversation {} from the cache", toOpen.id(), failure);
            }
        });
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

    public StringProperty replyProperty() {
        return reply;
    }
}
