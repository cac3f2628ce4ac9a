package org.pult.softphone.calls;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.UnaryOperator;
import org.pult.siplab.Kamailio;
import org.pult.siplab.Tones;
import org.pult.softphone.api.CallId;
import org.pult.softphone.api.SipTransport;
import org.pult.softphone.api.SipAccount;
import org.pult.softphone.api.SoftphoneConfig;
import org.pult.softphone.linphone.LinphoneTuning;

/**
 * One scenario's world: a Kamailio knowing alice, bob, carol and dave (random passwords), and the
 * engines started for them, each saying its own tone (alice 440, bob 700, carol 1100, dave 1500 Hz).
 * Closing it closes the engines, then Kamailio.
 */
final class CallLab implements AutoCloseable {

    private static final Map<String, Double> TONES = Map.of("alice", Tones.A, "bob", Tones.B, "carol", Tones.C,
            "dave", Tones.D);

    private final Kamailio kamailio;
    private final Path folder;
    private final Map<String, String> passwords;
    private final List<TestPhone> phones = new ArrayList<>();

    private CallLab(Kamailio kamailio, Path folder, Map<String, String> passwords) {
        this.kamailio = kamailio;
        this.folder = folder;
        this.passwords = passwords;
    }

    static CallLab start(Path folder) {
        return start(folder, UnaryOperator.identity());
    }

    /** {@code adjust} may set registrar options (e.g. a short max Expires) before Kamailio starts. */
    static CallLab start(Path folder, UnaryOperator<Kamailio.Builder> adjust) {
        Map<String, String> passwords = new LinkedHashMap<>();
        for (String user : List.of("alice", "bob", "carol", "dave")) {
            passwords.put(user, user + "-" + UUID.randomUUID().toString().substring(0, 12));
        }
        Kamailio kamailio = adjust.apply(Kamailio.builder().users(passwords)).start();
        return new CallLab(kamailio, folder, passwords);
    }

    Kamailio kamailio() {
        return kamailio;
    }

    String password(String user) {
        return passwords.get(user);
    }

    /** An engine for {@code user}, started but not registered. */
    TestPhone phone(String user) {
        return phone(user, UnaryOperator.identity());
    }

    TestPhone phone(String user, UnaryOperator<SoftphoneConfig> adjust) {
        return phone(user, adjust, LinphoneTuning.fromSystemProperties());
    }

    TestPhone phone(String user, UnaryOperator<SoftphoneConfig> adjust, LinphoneTuning tuning) {
        TestPhone phone = TestPhone.start(user, TONES.get(user), folder.resolve("phones-" + phones.size()), adjust,
                tuning);
        phones.add(phone);
        return phone;
    }

    /** An engine for {@code user}, registered over UDP with the right password. */
    TestPhone registered(String user) {
        return registered(user, SipTransport.UDP);
    }

    TestPhone registered(String user, SipTransport transport) {
        return registered(phone(user), transport);
    }

    /** An engine for {@code user} started with {@code adjust} and {@code tuning}, registered over UDP. */
    TestPhone registered(String user, UnaryOperator<SoftphoneConfig> adjust, LinphoneTuning tuning) {
        return registered(phone(user, adjust, tuning), SipTransport.UDP);
    }

    /** An engine for {@code user} started with {@code adjust}, registered over UDP with {@code account} adjusted. */
    TestPhone registeredWith(String user, UnaryOperator<SoftphoneConfig> adjust, UnaryOperator<SipAccount> account) {
        TestPhone phone = phone(user, adjust, LinphoneTuning.fromSystemProperties());
        phone.register(account.apply(phone.account(kamailio, SipTransport.UDP, password(user), kamailio.ca().caPem())));
        return phone;
    }

    private TestPhone registered(TestPhone phone, SipTransport transport) {
        phone.register(phone.account(kamailio, transport, password(phone.user()), kamailio.ca().caPem()));
        return phone;
    }

    /** {@code caller} dials {@code callee}, who answers; returns when both sides are ACTIVE. */
    Connected connect(TestPhone caller, TestPhone callee) {
        int callerMark = caller.events().mark();
        int calleeMark = callee.events().mark();
        CallId outgoing = caller.dial(kamailio, callee);
        CallId incoming = callee.answerCallFrom(calleeMark, caller);
        caller.awaitState(callerMark, outgoing, org.pult.softphone.api.CallState.ACTIVE);
        return new Connected(outgoing, incoming);
    }

    /** Where to look when a scenario fails. */
    String diagnostics() {
        StringBuilder text = new StringBuilder("Kamailio log: ").append(kamailio.log());
        for (TestPhone phone : phones) {
            text.append("\n").append(phone).append(": ").append(phone.folder());
        }
        return text.toString();
    }

    @Override
    public void close() {
        try {
            for (TestPhone phone : phones) {
                try {
                    phone.close();
                } catch (RuntimeException e) {
                    System.err.println("closing " + phone + " failed: " + e);
                }
            }
        } finally {
            kamailio.close();
        }
    }

    /** The two ends of one call: the caller's id and the callee's id for it. */
    record Connected(CallId callerSide, CallId calleeSide) {
    }
}
