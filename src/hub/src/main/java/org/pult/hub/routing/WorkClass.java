package org.pult.hub.routing;

import org.pult.core.model.Channel;

/**
 * What an operator's capacity is counted in: calls (voice and video), chats (chat, SMS and
 * messenger) and e-mails. One item of work takes one unit of its class.
 */
public enum WorkClass {
    CALL, CHAT, EMAIL;

    public static WorkClass of(Channel channel) {
        return switch (channel) {
            case VOICE, VIDEO -> CALL;
            case CHAT, SMS, MESSENGER -> CHAT;
            case EMAIL -> EMAIL;
        };
    }
}
