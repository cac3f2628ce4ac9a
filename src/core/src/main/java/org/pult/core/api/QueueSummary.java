package org.pult.core.api;

import java.time.Instant;
import java.util.List;
import org.pult.core.model.Channel;

/**
 * One routing queue as a supervisor sees it: what it takes, what an operator needs for it, and
 * how much waits.
 *
 * @param priority           higher goes first when operators are scarce
 * @param skills             an operator needs all of them
 * @param waiting            items not yet assigned
 * @param oldestWaitingSince when the longest-waiting item arrived; null when nothing waits
 * @param inProgress         items assigned and not yet closed
 */
public record QueueSummary(String id, String name, int priority, List<Channel> channels, List<String> skills,
                           int waiting, Instant oldestWaitingSince, int inProgress) {
}
