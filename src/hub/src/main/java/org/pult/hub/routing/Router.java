package org.pult.hub.routing;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.pult.hub.events.EventSignal;
import org.pult.hub.routing.WorkItemStore.Waiting;
import org.pult.hub.store.ConversationStore;
import org.pult.hub.store.EventLog;
import org.pult.hub.store.HubDatabase;

/**
 * Decides who gets which waiting item. One pass reads the READY operators and the waiting items,
 * then serves the items in order — higher queue priority first, then oldest first — each to the
 * eligible operator idle longest: READY, holding every skill the queue requires, with room for
 * the item's {@link WorkClass} (open items of that class below their capacity). Idle means since
 * the later of becoming READY and the last assignment ({@link OperatorPool}).
 *
 * <p>What the pass read is only a plan; every assignment is an atomic {@link Claims claim}
 * against the database, which another hub may win. An item nobody can take now does not block
 * the items behind it that need other skills or another class of capacity.
 */
public final class Router {

    private final HubDatabase database;
    private final QueueStore queues;
    private final OperatorPool operators;
    private final Claims claims;
    private final EventSignal signal;
    private final Clock clock;

    Router(HubDatabase database, QueueStore queues, OperatorPool operators, Claims claims, EventSignal signal,
           Clock clock) {
        this.database = database;
        this.queues = queues;
        this.operators = operators;
        this.claims = claims;
        this.signal = signal;
        this.clock = clock;
    }

    /** Routes what can be routed now; returns how many items were assigned. */
    public int routeWaiting() throws SQLException {
        try (Connection connection = database.connection()) {
            return routeWaiting(connection);
        }
    }

    private int routeWaiting(Connection connection) throws SQLException {
        List<Candidate> pool = operators.ready(connection);
        int free = freeSlots(pool);
        if (free == 0) {
            return 0;
        }
        Map<String, QueueStore.Queue> allQueues = queues.all(connection);
        List<Waiting> waiting = WorkItemStore.waiting(connection);
        Map<String, List<Candidate>> eligible = new HashMap<>();
        allQueues.forEach((id, queue) -> eligible.put(id,
                pool.stream().filter(candidate -> candidate.hasSkills(queue.skills())).toList()));
        Set<String> stuck = new HashSet<>();
        int routed = 0;
        long order = 0;
        for (Waiting item : waiting) {
            if (free == 0) {
                break;
            }
            String kind = item.queueId() + '\n' + item.workClass();
            List<Candidate> candidates = eligible.get(item.queueId());
            if (candidates == null || stuck.contains(kind)) {
                continue;
            }
            while (true) {
                Candidate best = longestIdle(candidates, item.workClass());
                if (best == null) {
                    stuck.add(kind); // the items behind it in this queue and class cannot be placed either
                    break;
                }
                Instant now = clock.instant();
                Claims.Outcome outcome = claims.claim(connection, item, best.id, best.capacity(item.workClass()), now);
                if (outcome == Claims.Outcome.CLAIMED) {
                    best.assigned(item.workClass(), now, ++order);
                    free--;
                    routed++;
                    signal.appended();
                    break;
                }
                if (outcome == Claims.Outcome.TAKEN) {
                    break;
                }
                free -= outcome == Claims.Outcome.OPERATOR_FULL ? best.free(item.workClass()) : best.free();
                if (outcome == Claims.Outcome.OPERATOR_FULL) {
                    best.full(item.workClass());
                } else {
                    best.gone();
                }
            }
        }
        return routed;
    }

    private static Candidate longestIdle(List<Candidate> candidates, WorkClass workClass) {
        Candidate best = null;
        for (Candidate candidate : candidates) {
            if (candidate.free(workClass) > 0 && (best == null || candidate.idleLongerThan(best))) {
                best = candidate;
            }
        }
        return best;
    }

    private static int freeSlots(List<Candidate> pool) {
        int free = 0;
        for (Candidate candidate : pool) {
            free += candidate.free();
        }
        return free;
    }

    /** Wires a router from the hub's stores. */
    public static Router create(HubDatabase database, QueueStore queues, RoutingConfig config,
                                ConversationStore conversations, EventLog events, EventSignal signal, Clock clock) {
        return new Router(database, queues, new OperatorPool(config), new Claims(conversations, events),
                signal, clock);
    }
}
