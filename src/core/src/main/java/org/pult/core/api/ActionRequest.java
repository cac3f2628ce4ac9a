package org.pult.core.api;

import java.time.Instant;
import java.util.Objects;
import org.pult.core.model.OperatorState;

/**
 * Body of {@code POST /api/v1/actions}: one thing the operator did, with the key the client made
 * for it when the operator did it. The backend applies each key once; sending it again returns
 * the first answer.
 *
 * <p>Which fields are set depends on {@link #type()}: STATE_CHANGE has {@code state} (and
 * {@code reasonCode} for NOT_READY); NOTE and REPLY have {@code conversationId} and {@code text};
 * DISPOSITION has {@code conversationId}, {@code dispositionCode} and optionally {@code text}.
 *
 * @param idempotencyKey a UUID made by the client
 * @param occurredAt     when the operator did it, by the client's clock (informative)
 */
public record ActionRequest(
        String idempotencyKey,
        ActionType type,
        String conversationId,
        OperatorState state,
        String reasonCode,
        String dispositionCode,
        String text,
        Instant occurredAt) {

    public static ActionRequest stateChange(String key, OperatorState state, String reasonCode, Instant at) {
        return new ActionRequest(key, ActionType.STATE_CHANGE, null, Objects.requireNonNull(state, "state"),
                reasonCode, null, null, at);
    }

    public static ActionRequest note(String key, String conversationId, String text, Instant at) {
        return new ActionRequest(key, ActionType.NOTE, Objects.requireNonNull(conversationId, "conversationId"),
                null, null, null, text, at);
    }

    public static ActionRequest disposition(String key, String conversationId, String code, String note, Instant at) {
        return new ActionRequest(key, ActionType.DISPOSITION,
                Objects.requireNonNull(conversationId, "conversationId"), null, null, code, note, at);
    }

    public static ActionRequest reply(String key, String conversationId, String text, Instant at) {
        return new ActionRequest(key, ActionType.REPLY, Objects.requireNonNull(conversationId, "conversationId"),
                null, null, null, text, at);
    }

    /** Texts are what customers and colleagues wrote; logs get their length only. */
    @Override
    public String toString() {
        return "ActionRequest[key=" + idempotencyKey + ", type=" + type + ", conversationId=" + conversationId
                + ", state=" + state + ", reasonCode=" + reasonCode + ", dispositionCode=" + dispositionCode
                + ", text=" + (text == null ? "null" : text.length() + " chars") + ", occurredAt=" + occurredAt + "]";
    }
}
