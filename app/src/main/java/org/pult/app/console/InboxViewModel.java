package org.pult.app.console;

import java.util.List;
import java.util.Locale;
import java.util.Objects;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.collections.transformation.FilteredList;
import org.pult.app.platform.AppExecutors;
import org.pult.cache.ConversationStore;
import org.pult.core.model.Conversation;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The inbox list: conversations from the cache, newest activity first, filtered by the search text. */
public final class InboxViewModel {

    private static final Logger LOG = LoggerFactory.getLogger(InboxViewModel.class);

    private final ConversationStore store;
    private final AppExecutors executors;
    private final ObservableList<Conversation> all = FXCollections.observableArrayList();
    private final FilteredList<Conversation> visible = new FilteredList<>(all);
    private final StringProperty searchText = new SimpleStringProperty("");
    private final ObjectProperty<Conversation> selected = new SimpleObjectProperty<>();

    public InboxViewModel(ConversationStore store, AppExecutors executors) {
        this.store = store;
        this.executors = executors;
        searchText.addListener((obs, old, text) -> visible.setPredicate(matching(text)));
    }

    /** Reads the cache again; keeps the selection on the same conversation if it is still there. */
    public void reload() {
        executors.background().execute(() -> {
            try {
                List<Conversation> conversations = store.conversations();
                executors.ui().execute(() -> show(conversations));
            } catch (RuntimeException failure) {
                LOG.error("Could not read the inbox from the cache", failure);
            }
        });
    }

    private void show(List<Conversation> conversations) {
        if (all.equals(conversations)) {
            return; // live events reload often; an unchanged list keeps its cells, focus and selection
        }
        String selectedId = selected.get() == null ? null : selected.get().id();
        if (sameIdsInOrder(conversations)) {
            for (int i = 0; i < conversations.size(); i++) {
                if (!all.get(i).equals(conversations.get(i))) {
                    all.set(i, conversations.get(i));
                }
            }
        } else {
            all.setAll(conversations);
        }
        if (selectedId != null) {
            conversations.stream().filter(c -> c.id().equals(selectedId)).findFirst().ifPresent(selected::set);
        }
    }

    private boolean sameIdsInOrder(List<Conversation> conversations) {
        if (conversations.size() != all.size()) {
            return false;
        }
        for (int i = 0; i < conversations.size(); i++) {
            if (!all.get(i).id().equals(conversations.get(i).id())) {
                return false;
            }
        }
        return true;
    }

    private static java.util.function.Predicate<Conversation> matching(String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        String needle = text.strip().toLowerCase(Locale.ROOT);
        return conversation -> contains(conversation.customer().displayName(), needle)
                || contains(conversation.preview(), needle)
                || contains(conversation.subject(), needle)
                || contains(conversation.customer().phone(), needle)
                || contains(conversation.customer().email(), needle);
    }

    private static boolean contains(String haystack, String needle) {
        return haystack != null && haystack.toLowerCase(Locale.ROOT).contains(needle);
    }

    /** The customer of a cached conversation with this phone number, for the incoming-call popup. */
    public java.util.Optional<org.pult.core.model.Customer> customerWithPhone(String number) {
        return all.stream().map(Conversation::customer)
                .filter(customer -> org.pult.app.softphone.PhoneNumbers.same(customer.phone(), number))
                .findFirst();
    }

    /** The customer's name of a cached conversation, for lists that only have its id. */
    public String customerNameOf(String conversationId) {
        return all.stream().filter(c -> c.id().equals(conversationId)).map(c -> c.customer().displayName())
                .findFirst().orElse(conversationId);
    }

    public ObservableList<Conversation> conversations() {
        return visible;
    }

    public StringProperty searchTextProperty() {
        return searchText;
    }

    public ObjectProperty<Conversation> selectedProperty() {
        return selected;
    }

    /** Screen pop: opens the newest conversation with this customer, if the inbox has one. */
    public void selectCustomer(org.pult.core.model.Customer customer) {
        conversationOf(customer).ifPresent(this::select);
    }

    /** The customer's newest conversation in the inbox. */
    public java.util.Optional<Conversation> conversationOf(org.pult.core.model.Customer customer) {
        return all.stream().filter(conversation -> conversation.customer().id().equals(customer.id())).findFirst();
    }

    public void select(Conversation conversation) {
        if (!Objects.equals(selected.get(), conversation)) {
            selected.set(conversation);
        }
    }
}
