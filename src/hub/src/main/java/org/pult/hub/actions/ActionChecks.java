package org.pult.hub.actions;

import java.util.UUID;
import org.pult.core.api.ActionRequest;
import org.pult.core.model.OperatorState;

/** What can be checked about an action without the database. */
final class ActionChecks {

    /** Long enough for any reply or note a person types; the body cap (64 KiB) bounds it anyway. */
    static final int MAX_TEXT_CHARS = 10_000;
    static final int MAX_CODE_CHARS = 64;

    private ActionChecks() {
    }

    static void check(ActionRequest request) {
        if (request.idempotencyKey() == null || request.type() == null) {
            throw ActionRejectedException.malformed("An action needs an idempotencyKey and a type");
        }
        try {
            UUID.fromString(request.idempotencyKey());
        } catch (IllegalArgumentException e) {
            throw ActionRejectedException.malformed("idempotencyKey must be a UUID");
        }
        if (request.idempotencyKey().length() != 36) {
            throw ActionRejectedException.malformed("idempotencyKey must be a UUID in its 36-character form");
        }
        switch (request.type()) {
            case STATE_CHANGE -> checkStateChange(request);
            case NOTE, REPLY -> {
                requireConversation(request);
                requireText(request.text(), request.type() + " needs a text");
            }
            case DISPOSITION -> {
                requireConversation(request);
                requireCode(request.dispositionCode(), "DISPOSITION needs a dispositionCode");
                if (request.text() != null && request.text().length() > MAX_TEXT_CHARS) {
                    throw ActionRejectedException.invalid("text is longer than " + MAX_TEXT_CHARS + " characters");
                }
            }
        }
    }

    private static void checkStateChange(ActionRequest request) {
        OperatorState state = request.state();
        if (state == null) {
            throw ActionRejectedException.invalid("STATE_CHANGE needs a state");
        }
        switch (state) {
            case NOT_READY -> requireCode(request.reasonCode(), "NOT_READY needs a reasonCode");
            case READY, AFTER_CALL_WORK -> {
                if (request.reasonCode() != null) {
                    throw ActionRejectedException.invalid("A reasonCode goes only with NOT_READY");
                }
            }
            default -> throw ActionRejectedException.invalid(
                    "An operator can switch to READY, NOT_READY or AFTER_CALL_WORK, not " + state);
        }
    }

    private static void requireConversation(ActionRequest request) {
        if (request.conversationId() == null || request.conversationId().isBlank()) {
            throw ActionRejectedException.invalid(request.type() + " needs a conversationId");
        }
    }

    private static void requireText(String text, String message) {
        if (text == null || text.isBlank()) {
            throw ActionRejectedException.invalid(message);
        }
        if (text.length() > MAX_TEXT_CHARS) {
            throw ActionRejectedException.invalid("text is longer than " + MAX_TEXT_CHARS + " characters");
        }
    }

    private static void requireCode(String code, String message) {
        if (code == null || code.isBlank()) {
            throw ActionRejectedException.invalid(message);
        }
        if (code.length() > MAX_CODE_CHARS) {
            throw ActionRejectedException.invalid("codes are at most " + MAX_CODE_CHARS + " characters");
        }
    }
}
