package org.pult.softphone.api;

import java.util.Objects;

/** A command the engine could not carry out, with a reason in English for logs; the app localizes by {@link Problem}. */
public final class SoftphoneCommandException extends RuntimeException {

    public enum Problem {
        /** No such call, or it already ended. */
        NO_SUCH_CALL,
        /** The address is not a SIP URI the engine accepts. */
        BAD_ADDRESS,
        /** The call is not in a state where this command applies (answering an outgoing call, ...). */
        WRONG_STATE,
        /** The engine has been closed. */
        CLOSED,
        /** The engine refused for a reason of its own; the message says what it said. */
        ENGINE_ERROR
    }

    private final Problem problem;

    public SoftphoneCommandException(Problem problem, String message) {
        super(message);
        this.problem = Objects.requireNonNull(problem, "problem");
    }

    public Problem problem() {
        return problem;
    }
}
