package org.pult.hub.routing;

import java.time.Instant;
import java.util.Arrays;
import java.util.Set;

/**
 * A READY operator during one routing pass: their skills, how long they have been idle, and
 * their load against their capacity per {@link WorkClass}. Updated as the pass assigns work, so
 * the pass need not read them again; the claim re-checks everything against the database.
 */
final class Candidate {

    final String id;
    final Set<String> skills;
    private Instant idleSince;
    /** Order of assignment within the pass: breaks ties of idleSince when the clock has not moved. */
    private long assignedInPass;
    private final int[] load;
    private final int[] capacity;

    Candidate(String id, Set<String> skills, Instant idleSince, int[] load, int[] capacity) {
        this.id = id;
        this.skills = skills;
        this.idleSince = idleSince;
        this.load = load;
        this.capacity = capacity;
    }

    boolean hasSkills(Set<String> required) {
        return skills.containsAll(required);
    }

    int capacity(WorkClass workClass) {
        return capacity[workClass.ordinal()];
    }

    int free(WorkClass workClass) {
        return Math.max(0, capacity[workClass.ordinal()] - load[workClass.ordinal()]);
    }

    int free() {
        int free = 0;
        for (WorkClass workClass : WorkClass.values()) {
            free += free(workClass);
        }
        return free;
    }

    /** Idle longer than {@code other}: earlier idle-since, then assigned earlier in this pass, then by id. */
    boolean idleLongerThan(Candidate other) {
        int byTime = idleSince.compareTo(other.idleSince);
        if (byTime != 0) {
            return byTime < 0;
        }
        if (assignedInPass != other.assignedInPass) {
            return assignedInPass < other.assignedInPass;
        }
        return id.compareTo(other.id) < 0;
    }

    void assigned(WorkClass workClass, Instant at, long order) {
        load[workClass.ordinal()]++;
        idleSince = at;
        assignedInPass = order;
    }

    /** The database said they are full for this class (another hub assigned them work). */
    void full(WorkClass workClass) {
        load[workClass.ordinal()] = capacity[workClass.ordinal()];
    }

    /** The database said they are no longer READY (or lost a skill): nothing more this pass. */
    void gone() {
        Arrays.fill(capacity, 0);
    }
}
