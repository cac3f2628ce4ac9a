package org.pult.softphone.api;

/** The engine's name for one call, unique for the life of a {@link Softphone}. */
public record CallId(long value) {
    @Override
    public String toString() {
        return "call-" + value;
    }
}
