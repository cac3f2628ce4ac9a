package org.pult.app.sync;

import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.pult.app.i18n.UserMessage;
import org.pult.core.api.ApiErrorCodes;

/**
 * Why the backend refused an action, for the operator: a sentence in their language chosen by the
 * backend's error code, and the backend's own words beside it. The outbox keeps the whole English
 * failure line ("Sending REPLY … failed at … (HTTP 404, not_found: No conversation c-7)").
 */
public record RejectionReason(UserMessage explanation, String backendSays) {

    private static final Pattern API_ERROR = Pattern.compile("\\(HTTP (\\d{3}), ([a-z_]+): (.*)\\)\\s*$", Pattern.DOTALL);

    public static RejectionReason of(String lastError) {
        if (lastError == null || lastError.isBlank()) {
            return new RejectionReason(UserMessage.of("rejected.reason.unknown"), "");
        }
        Matcher matcher = API_ERROR.matcher(lastError);
        if (!matcher.find()) {
            return new RejectionReason(UserMessage.of("rejected.reason.unknown"), lastError);
        }
        String key = switch (matcher.group(2)) {
            case ApiErrorCodes.NOT_FOUND -> "rejected.reason.notYours";
            case ApiErrorCodes.FORBIDDEN -> "rejected.reason.forbidden";
            case ApiErrorCodes.INVALID_ACTION, ApiErrorCodes.BAD_REQUEST -> "rejected.reason.invalid";
            case ApiErrorCodes.IDEMPOTENCY_KEY_REUSED -> "rejected.reason.duplicate";
            default -> "rejected.reason.unknown";
        };
        return new RejectionReason(UserMessage.of(key), matcher.group(3));
    }
}
