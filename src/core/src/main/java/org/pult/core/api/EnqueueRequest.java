package org.pult.core.api;

import org.pult.core.model.Channel;

/**
 * Body of {@code POST /api/v1/queues/{queueId}/items}: a customer got in touch on a channel and
 * the work waits in the queue until an operator is free for it. The customer is named either by
 * {@code customerId} or by {@code customer}; a {@code customer} whose e-mail or phone the backend
 * already knows is that customer, so their conversation stays one across channels.
 *
 * @param body    the customer's first message; required for text channels, optional for calls
 * @param subject for e-mails
 */
public record EnqueueRequest(Channel channel, String customerId, Contact customer, String subject, String body) {

    /** Who a new customer is; phone or e-mail, when given, find a known customer again. */
    public record Contact(String displayName, String phone, String email, String company) {
    }
}
