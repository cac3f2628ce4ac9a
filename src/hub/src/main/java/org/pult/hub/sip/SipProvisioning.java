package org.pult.hub.sip;

import java.time.Clock;
import org.pult.core.model.NatTraversal;
import org.pult.core.model.OperatorProfile;
import org.pult.core.model.SipProfile;
import org.pult.hub.store.StoredUser;

/** Turns a user into the profile clients get: with a SIP account when the hub has a SIP domain. */
public final class SipProvisioning {

    private final SipDomain domain;
    private final Clock clock;

    /** @param domain null for a hub without SIP */
    public SipProvisioning(SipDomain domain, Clock clock) {
        this.domain = domain;
        this.clock = clock;
    }

    public OperatorProfile profileOf(StoredUser user) {
        return user.profile().withSip(domain == null ? null : accountOf(user.username()));
    }

    private SipProfile accountOf(String login) {
        return new SipProfile("sip:" + login + "@" + domain.host(), "sip:" + domain.host() + ":" + domain.port(),
                domain.transport(), login, domain.passwordFor(login),
                domain.relay() == null ? NatTraversal.NONE : domain.relay().traversalFor(login, clock.instant()));
    }
}
