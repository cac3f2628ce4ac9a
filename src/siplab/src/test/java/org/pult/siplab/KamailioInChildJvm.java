package org.pult.siplab;

import java.util.Map;

/** Run in a separate JVM by {@link KamailioOrphanTest}: starts Kamailio, prints its PID, waits to be killed. */
public final class KamailioInChildJvm {

    private KamailioInChildJvm() {
    }

    public static void main(String[] args) throws InterruptedException {
        Kamailio kamailio = Kamailio.start(Map.of("alice", "alice-secret"));
        System.out.println("kamailio-pid=" + kamailio.pid().orElseThrow() + " config=" + kamailio.config());
        System.out.flush();
        Thread.sleep(120_000);
    }
}
