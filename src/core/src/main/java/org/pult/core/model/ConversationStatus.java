package org.pult.core.model;

public enum ConversationStatus {
    OPEN, WAITING, CLOSED
}
