package org.pult.core.api;

import java.util.List;
import java.util.Objects;

/**
 * Several outbox entries sent in one request, in the order the operator made them. The backend
 * applies them in that order, each exactly once by its key, and answers for each; one that is
 * rejected does not stop the ones after it (they were made independently, as single requests
 * would be).
 */
public record ActionBatch(List<ActionRequest> actions) {

    /** The most actions one batch may carry; the request body's size cap applies as well. */
    public static final int MAX_ACTIONS = 100;

    public ActionBatch {
        actions = List.copyOf(Objects.requireNonNull(actions, "actions"));
    }
}
