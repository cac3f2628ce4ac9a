package org.pult.core.api;

import java.time.Instant;
import org.pult.core.model.Channel;

/**
 * A piece of work in a queue: a customer's conversation waiting on a channel, or, once routed,
 * assigned to an operator until they close it.
 *
 * @param assigneeId null while it waits
 */
public record WorkItem(String id, String queueId, String conversationId, String customerId, Channel channel,
                       Instant enqueuedAt, String assigneeId, Instant assignedAt) {
}
