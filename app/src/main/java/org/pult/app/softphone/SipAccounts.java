package org.pult.app.softphone;

import java.util.Optional;
import org.pult.core.model.NatTraversal;
import org.pult.core.model.SipProfile;
import org.pult.softphone.api.SipAccount;
import org.pult.softphone.api.SipTransport;
import org.pult.softphone.api.SoftphoneConfig;

/** Turns the SIP account the backend hands out at sign-in into the softphone's account. */
final class SipAccounts {

    private SipAccounts() {
    }

    static Optional<SipAccount> from(SipProfile profile) {
        if (profile == null) {
            return Optional.empty();
        }
        return Optional.of(new SipAccount(profile.identity(), profile.registrar(),
                SipTransport.valueOf(profile.transport().name()), profile.username(), profile.password(), null,
                nat(profile.nat())));
    }

    private static SoftphoneConfig.Nat nat(NatTraversal nat) {
        return new SoftphoneConfig.Nat(nat.stunServer(), nat.ice(), nat.turn(), nat.turnUsername(), nat.turnPassword());
    }

    /** Numbers are dialled in the domain of the operator's own address: {@code sip:anna@pbx.example.ru} gives {@code pbx.example.ru}. */
    static String dialDomain(SipProfile profile) {
        if (profile == null) {
            return "";
        }
        String identity = profile.identity();
        int at = identity.indexOf('@');
        String hostPart = at < 0 ? "" : identity.substring(at + 1);
        int parameters = hostPart.indexOf(';');
        return parameters < 0 ? hostPart : hostPart.substring(0, parameters);
    }
}
