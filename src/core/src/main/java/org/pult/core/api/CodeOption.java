package org.pult.core.api;

/** One entry of a backend-configured list: a NOT_READY reason or a disposition. */
public record CodeOption(String code, String label) {
}
