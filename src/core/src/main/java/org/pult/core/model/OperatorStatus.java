package org.pult.core.model;

import java.time.Instant;
import java.util.Objects;

/** An operator's state at a moment, with the reason code when NOT_READY. */
public record OperatorStatus(String operatorId, OperatorState state, String reasonCode, Instant since) {
    public OperatorStatus {
        Objects.requireNonNull(operatorId, "operatorId");
        Objects.requireNonNull(state, "state");
    }
}
