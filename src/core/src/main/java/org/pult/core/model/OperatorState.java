package org.pult.core.model;

/** The operator's availability, as the backend routes by it. */
public enum OperatorState {
    SIGNED_OUT, READY, NOT_READY, BUSY, AFTER_CALL_WORK
}
