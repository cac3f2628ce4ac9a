package org.pult.sync;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import org.assertj.core.api.ThrowableAssert.ThrowingCallable;

final class SyncFailures {

    private SyncFailures() {
    }

    /** The SyncException the call throws; fails the test if it returns normally. */
    static SyncException failure(ThrowingCallable call) {
        SyncException e = catchThrowableOfType(SyncException.class, call);
        assertThat(e).as("expected a SyncException").isNotNull();
        return e;
    }
}
