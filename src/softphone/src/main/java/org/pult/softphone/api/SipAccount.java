package org.pult.softphone.api;

import java.nio.file.Path;
import java.util.Objects;

/**
 * The operator's SIP account. The password lives only in memory (it comes from the backend at
 * sign-in) and never appears in {@link #toString()}.
 *
 * @param identity    the address of record, e.g. {@code sip:anna@pbx.example.ru}
 * @param registrar   where to register, e.g. {@code sip:pbx.example.ru:5061}
 * @param transport   how to reach the registrar
 * @param username    digest user name (often the user part of the identity)
 * @param password    digest password; may be empty for registrars without authentication
 * @param trustedCa   PEM file of CAs trusted for TLS; null means the system's store
 * @param nat         STUN/TURN/ICE for this account's calls; {@link SoftphoneConfig.Nat#NONE} for none
 */
public record SipAccount(String identity, String registrar, SipTransport transport, String username,
        String password, Path trustedCa, SoftphoneConfig.Nat nat) {

    /** An account whose media needs no NAT help. */
    public SipAccount(String identity, String registrar, SipTransport transport, String username, String password,
            Path trustedCa) {
        this(identity, registrar, transport, username, password, trustedCa, SoftphoneConfig.Nat.NONE);
    }

    public SipAccount {
        nat = nat == null ? SoftphoneConfig.Nat.NONE : nat;
        Objects.requireNonNull(identity, "identity");
        Objects.requireNonNull(registrar, "registrar");
        Objects.requireNonNull(transport, "transport");
        Objects.requireNonNull(username, "username");
        Objects.requireNonNull(password, "password");
    }

    @Override
    public String toString() {
        return "SipAccount[identity=" + identity + ", registrar=" + registrar + ", transport=" + transport
                + ", username=" + username + ", password=" + (password.isEmpty() ? "<none>" : "<hidden>")
                + ", trustedCa=" + trustedCa + ", nat=" + nat + "]";
    }
}
