package org.pult.core.model;

/** The ways a customer reaches the contact center. Each interaction happens on one channel. */
public enum Channel {
    VOICE, VIDEO, CHAT, EMAIL, SMS, MESSENGER
}
