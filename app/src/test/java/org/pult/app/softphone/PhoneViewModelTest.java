package org.pult.app.softphone;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.pult.app.i18n.UserMessage;
import org.pult.app.platform.AppExecutors;
import org.pult.app.settings.VoiceSettings;
import org.pult.softphone.api.CallId;
import org.pult.softphone.api.CallState;
import org.pult.softphone.api.SipTransport;
import org.pult.softphone.api.SoftphoneConfig;
import org.pult.softphone.api.SoftphoneEvent;
import org.pult.softphone.linphone.LinphoneSoftphone;

/**
 * The phone view model over two real engines on loopback, without a registrar: the operator's
 * (the model's) and a peer that calls or is called by SIP address. The model's "UI thread" is a
 * single thread here; assertions read its state on that thread.
 */
class PhoneViewModelTest {

    private static final Duration STEP = Duration.ofSeconds(20);

    @TempDir
    Path home;
    private final ExecutorService ui = Executors.newSingleThreadExecutor();
    private final ExecutorService background = Executors.newVirtualThreadPerTaskExecutor();
    private final List<SoftphoneEvent> peerEvents = new CopyOnWriteArrayList<>();
    private LinphoneSoftphone operatorEngine;
    private LinphoneSoftphone peer;
    private PhoneViewModel phone;

    @BeforeEach
    void start() throws IOException {
        Path peerDir = Files.createDirectories(home.resolve("peer"));
        peer = LinphoneSoftphone.start(SoftphoneConfig.defaults(peerDir).withBindAddress("127.0.0.1")
                .withAudio(new SoftphoneConfig.Audio.Files(SilenceWav.writeIfMissing(peerDir.resolve("voice.wav")), peerDir.resolve("heard.wav"))));
        peer.subscribe(peerEvents::add);

        Path operatorDir = Files.createDirectories(home.resolve("operator"));
        PhoneEngine engine = new PhoneEngine() {
            @Override
            public Started start(SoftphoneConfig config) {
                operatorEngine = LinphoneSoftphone.start(config.withBindAddress("127.0.0.1"));
                return new Started(operatorEngine, operatorEngine.engineVersion());
            }

            @Override
            public boolean hasSoundCard() {
                return false;
            }

            @Override
            public Path workDirectory() {
                return operatorDir;
            }
        };
        phone = new PhoneViewModel(engine, new AppExecutors(background, ui), Clock.systemUTC(),
                org.pult.softphone.api.DialPlan.RUSSIA);
        onUi(() -> phone.start());
        await(() -> onUi(() -> phone.readyProperty().get()));
        onUi(() -> phone.signedIn(null, number -> java.util.Optional.empty()));
    }

    @AfterEach
    void stop() {
        onUi(() -> phone.close());
        peer.close();
        ui.shutdown();
        background.shutdown();
    }

    @Test
    void withoutASoundCardTheEngineRunsOnFilesAndSaysSo() {
        assertThat(onUi(() -> phone.filesModeProperty().get())).isTrue();
        assertThat(onUi(() -> phone.statusProperty().get())).isEqualTo(UserMessage.of("softphone.status.noAccount"));
    }

    @Test
    void textThatIsNotANumberIsRefusedWithAReasonAndNothingIsDialled() {
        onUi(() -> phone.dial("call mom"));
        assertThat(onUi(() -> phone.noticeProperty().get()))
                .isEqualTo(UserMessage.of("softphone.dial.invalid.NOT_A_NUMBER_OR_ADDRESS", "call mom"));
        onUi(() -> phone.dial("sip:bob@"));
        assertThat(onUi(() -> phone.noticeProperty().get()))
                .isEqualTo(UserMessage.of("softphone.dial.invalid.BAD_SIP_ADDRESS", "sip:bob@"));
        onUi(() -> phone.dial("8 916 123-45-67"));
        assertThat(onUi(() -> phone.noticeProperty().get())).isEqualTo(UserMessage.of("softphone.dial.noDomain"));
        assertThat(onUi(() -> phone.calls().size())).isZero();
    }

    @Test
    void anOutgoingCallIsAnsweredHeldResumedAndHungUp() throws Exception {
        onUi(() -> phone.dial("sip:peer@127.0.0.1:" + peer.sipPort(SipTransport.UDP)));
        CallId atPeer = awaitPeerCall(CallState.INCOMING);
        peer.answer(atPeer).get(10, TimeUnit.SECONDS);
        await(() -> onUi(() -> phone.currentProperty().get() != null && phone.currentProperty().get().state() == CallState.ACTIVE));

        onUi(() -> phone.toggleHold());
        await(() -> onUi(() -> phone.currentProperty().get().state() == CallState.HELD));
        await(() -> peerSaw(atPeer, CallState.HELD_BY_REMOTE));
        onUi(() -> phone.toggleHold());
        await(() -> onUi(() -> phone.currentProperty().get().state() == CallState.ACTIVE));

        onUi(() -> phone.hangUp());
        await(() -> onUi(() -> phone.calls().isEmpty() && phone.currentProperty().get() == null));
        await(() -> peerSaw(atPeer, CallState.ENDED));
    }

    @Test
    void anIncomingCallRingsAndIsAnsweredAutomaticallyWhenTheOperatorChoseSo() throws Exception {
        onUi(() -> phone.useVoiceSettings(VoiceSettings.DEFAULTS.withAutoAnswer(true)));
        CallId call = peer.dial("sip:operator@127.0.0.1:" + operatorEngine.sipPort(SipTransport.UDP)).get(10, TimeUnit.SECONDS);
        await(() -> peerSaw(call, CallState.ACTIVE));
        await(() -> onUi(() -> phone.currentProperty().get() != null && phone.currentProperty().get().state() == CallState.ACTIVE));
        peer.hangUp(call).get(10, TimeUnit.SECONDS);
        await(() -> onUi(() -> phone.calls().isEmpty()));
    }

    @Test
    void aSecondIncomingCallRingsWhileTalkingAndAnsweringItHoldsTheFirst() throws Exception {
        Path secondDir = Files.createDirectories(home.resolve("second"));
        try (LinphoneSoftphone second = LinphoneSoftphone.start(SoftphoneConfig.defaults(secondDir).withBindAddress("127.0.0.1")
                .withAudio(new SoftphoneConfig.Audio.Files(SilenceWav.writeIfMissing(secondDir.resolve("voice.wav")), secondDir.resolve("heard.wav"))))) {
            String operator = "sip:operator@127.0.0.1:" + operatorEngine.sipPort(SipTransport.UDP);
            CallId first = peer.dial(operator).get(10, TimeUnit.SECONDS);
            await(() -> onUi(() -> phone.ringingProperty().get() != null));
            onUi(() -> phone.answer());
            await(() -> peerSaw(first, CallState.ACTIVE));

            second.dial(operator).get(10, TimeUnit.SECONDS);
            await(() -> onUi(() -> phone.ringingProperty().get() != null && phone.calls().size() == 2));
            assertThat(onUi(() -> phone.currentProperty().get().state())).isEqualTo(CallState.ACTIVE);
            onUi(() -> phone.answer());
            await(() -> peerSaw(first, CallState.HELD_BY_REMOTE));
            await(() -> onUi(() -> phone.ringingProperty().get() == null
                    && phone.calls().stream().filter(c -> c.state() == CallState.ACTIVE).count() == 1
                    && phone.calls().stream().filter(c -> c.state() == CallState.HELD).count() == 1));
        }
    }

    private CallId awaitPeerCall(CallState state) {
        await(() -> peerEvents.stream().anyMatch(e -> e instanceof SoftphoneEvent.CallStateChanged c && c.state() == state));
        return peerEvents.stream().filter(e -> e instanceof SoftphoneEvent.CallStateChanged c && c.state() == state)
                .map(e -> ((SoftphoneEvent.CallStateChanged) e).call()).findFirst().orElseThrow();
    }

    private boolean peerSaw(CallId call, CallState state) {
        return peerEvents.stream().anyMatch(e -> e instanceof SoftphoneEvent.CallStateChanged c && c.call().equals(call) && c.state() == state);
    }

    private void onUi(Runnable action) {
        onUi(() -> {
            action.run();
            return null;
        });
    }

    private <T> T onUi(Supplier<T> read) {
        try {
            return ui.submit(read::get).get(10, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    private static void await(BooleanSupplier condition) {
        long deadline = System.nanoTime() + STEP.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("not reached within " + STEP);
            }
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError(e);
            }
        }
    }
}
