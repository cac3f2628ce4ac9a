package org.pult.softphone.calls;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.function.UnaryOperator;
import org.pult.siplab.Kamailio;
import org.pult.siplab.Tones;
import org.pult.softphone.api.CallId;
import org.pult.softphone.api.CallState;
import org.pult.softphone.api.RegistrationState;
import org.pult.softphone.api.SipAccount;
import org.pult.softphone.api.SipTransport;
import org.pult.softphone.api.SoftphoneConfig;
import org.pult.softphone.linphone.LinphoneSoftphone;
import org.pult.softphone.linphone.LinphoneTuning;

/**
 * One real engine in file-audio mode: it plays its own tone as microphone and records what it
 * hears to {@link #heardFile()}. Events are collected from the start.
 */
final class TestPhone implements AutoCloseable {

    static final Duration REGISTRATION_TIMEOUT = Duration.ofSeconds(40);
    static final Duration CALL_TIMEOUT = Duration.ofSeconds(30);
    /** Longer than any scenario, in case the engine does not loop the file. */
    private static final Duration TONE_LENGTH = Duration.ofSeconds(150);

    private final String user;
    private final double tone;
    private final Path folder;
    private final Path heard;
    private final LinphoneSoftphone engine;
    private final EventRecorder events;

    private TestPhone(String user, double tone, Path folder, Path heard, LinphoneSoftphone engine, EventRecorder events) {
        this.user = user;
        this.tone = tone;
        this.folder = folder;
        this.heard = heard;
        this.engine = engine;
        this.events = events;
    }

    /** Starts an engine bound to 127.0.0.1 playing {@code tone}; {@code adjust} may change the config further. */
    static TestPhone start(String user, double tone, Path parent, UnaryOperator<SoftphoneConfig> adjust) {
        return start(user, tone, parent, adjust, LinphoneTuning.fromSystemProperties());
    }

    /** As {@link #start(String, double, Path, UnaryOperator)}, with engine tuning (e.g. DTMF by SIP INFO). */
    static TestPhone start(String user, double tone, Path parent, UnaryOperator<SoftphoneConfig> adjust,
            LinphoneTuning tuning) {
        Path folder = parent.resolve(user);
        try {
            Files.createDirectories(folder);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        Path play = Tones.writeSine(folder.resolve("says-" + (int) tone + "hz.wav"), tone, TONE_LENGTH, 8000);
        Path heard = folder.resolve("heard.wav");
        SoftphoneConfig config = SoftphoneConfig.defaults(folder.resolve("engine")).withBindAddress("127.0.0.1")
                .withAudio(new SoftphoneConfig.Audio.Files(play, heard));
        LinphoneSoftphone engine = LinphoneSoftphone.start(adjust.apply(config), tuning);
        EventRecorder events = new EventRecorder(user);
        engine.subscribe(events);
        return new TestPhone(user, tone, folder, heard, engine, events);
    }

    String user() {
        return user;
    }

    /** The frequency this phone says. */
    double tone() {
        return tone;
    }

    LinphoneSoftphone engine() {
        return engine;
    }

    EventRecorder events() {
        return events;
    }

    /** What the engine writes of what it hears (replaced per call). */
    Path heardFile() {
        return heard;
    }

    Path folder() {
        return folder;
    }

    SipAccount account(Kamailio kamailio, SipTransport transport, String password, Path trustedCa) {
        String registrar = kamailio.registrarUri(transport.name());
        return new SipAccount(kamailio.addressOf(user), registrar, transport, user, password, trustedCa);
    }

    /** Registers and waits for REGISTERED. */
    void register(SipAccount account) {
        int mark = events.mark();
        Commands.done(engine.register(account), user + " register " + account);
        events.awaitRegistration(mark, RegistrationState.REGISTERED, REGISTRATION_TIMEOUT);
    }

    /** Dials {@code callee}'s address of record through the registrar. */
    CallId dial(Kamailio kamailio, TestPhone callee) {
        return Commands.done(engine.dial(kamailio.addressOf(callee.user())), user + " dial " + callee.user());
    }

    /** Waits for a call from {@code caller} after {@code mark}, answers it and waits until it is ACTIVE. */
    CallId answerCallFrom(int mark, TestPhone caller) {
        CallId call = events.awaitIncomingFrom(mark, caller.user(), CALL_TIMEOUT).call();
        Commands.done(engine.answer(call), user + " answer " + call);
        events.awaitCallState(mark, call, CallState.ACTIVE, CALL_TIMEOUT);
        return call;
    }

    void awaitState(int mark, CallId call, CallState state) {
        events.awaitCallState(mark, call, state, CALL_TIMEOUT);
    }

    @Override
    public void close() {
        engine.close();
    }

    @Override
    public String toString() {
        return user + " (" + (int) tone + " Hz)";
    }
}
