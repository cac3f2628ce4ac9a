package org.pult.app.softphone;

import org.pult.app.i18n.UserMessage;

/** The engine cannot run here; the message says why and what to install. */
public final class PhoneUnavailableException extends Exception {

    private final transient UserMessage userMessage;

    public PhoneUnavailableException(UserMessage userMessage, String detail) {
        super(detail);
        this.userMessage = userMessage;
    }

    public UserMessage userMessage() {
        return userMessage;
    }
}
