package org.pult.softphone.linphone;

/**
 * The engine could not start: libpultphone or liblinphone is missing, the work directory is
 * unusable, or the core refused to start. The message says which, in English, for logs.
 */
public final class SoftphoneStartException extends RuntimeException {

    public SoftphoneStartException(String message) {
        super(message);
    }

    public SoftphoneStartException(String message, Throwable cause) {
        super(message, cause);
    }
}
