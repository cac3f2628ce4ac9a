package org.pult.core.api;

import java.util.List;
import java.util.Objects;

/** The backend's answer to an {@link ActionBatch}: one item per action, in the same order. */
public record ActionBatchResult(List<Item> results) {

    public ActionBatchResult {
        results = List.copyOf(Objects.requireNonNull(results, "results"));
    }

    /** What became of one action. */
    public enum Status {
        /** Applied now. */
        APPLIED,
        /** Its key was applied before; {@code result} is the answer given then. */
        REPLAYED,
        /** Refused for good, as a single request would have been with {@code httpStatus} and {@code error}. */
        REJECTED
    }

    /**
     * @param result     set when APPLIED or REPLAYED
     * @param httpStatus the status a single request would have got (200, or 4xx when REJECTED)
     * @param error      set when REJECTED
     */
    public record Item(String idempotencyKey, Status status, ActionResult result, int httpStatus, ApiError error) {
        public Item {
            Objects.requireNonNull(idempotencyKey, "idempotencyKey");
            Objects.requireNonNull(status, "status");
        }
    }
}
