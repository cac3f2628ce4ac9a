package org.pult.cache;

import java.time.Clock;
import java.util.Objects;
import java.util.UUID;
import java.util.function.Supplier;
import org.pult.core.api.ActionRequest;
import org.pult.core.model.OperatorState;

/**
 * What the operator does, recorded offline-first: each call changes the cache (the local effect)
 * and appends the action to the outbox in one transaction, synced to disk before it returns, so
 * the two are stored together or not at all and survive a crash. The idempotency key is made
 * here, once, when the operator acts.
 */
public final class OperatorActions {

    private final CacheDatabase database;
    private final Clock clock;
    private final Supplier<String> keys;
    private final String author;

    /**
     * @param author the operator's display name, shown on their pending replies and notes
     */
    public OperatorActions(CacheDatabase database, Clock clock, String author) {
        this(database, clock, author, () -> UUID.randomUUID().toString());
    }

    OperatorActions(CacheDatabase database, Clock clock, String author, Supplier<String> keys) {
        this.database = Objects.requireNonNull(database, "database");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.author = author;
        this.keys = Objects.requireNonNull(keys, "keys");
    }

    public ActionRequest changeState(OperatorState state, String reasonCode) {
        return record(ActionRequest.stateChange(keys.get(), state, reasonCode, clock.instant()));
    }

    public ActionRequest addNote(String conversationId, String text) {
        return record(ActionRequest.note(keys.get(), conversationId, requireText(text), clock.instant()));
    }

    public ActionRequest setDisposition(String conversationId, String code, String note) {
        return record(ActionRequest.disposition(keys.get(), conversationId, Objects.requireNonNull(code, "code"),
                note, clock.instant()));
    }

    public ActionRequest reply(String conversationId, String text) {
        return record(ActionRequest.reply(keys.get(), conversationId, requireText(text), clock.instant()));
    }

    private ActionRequest record(ActionRequest request) {
        database.writeDurably(connection -> {
            LocalEffects.apply(connection, request, author);
            OutboxStore.append(connection, request);
            return null;
        });
        return request;
    }

    private static String requireText(String text) {
        if (text == null || text.isBlank()) {
            throw new IllegalArgumentException("an empty text is not sent");
        }
        return text;
    }
}
