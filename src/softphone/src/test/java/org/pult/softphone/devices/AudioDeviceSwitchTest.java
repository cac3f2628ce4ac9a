package org.pult.softphone.devices;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.pult.siplab.GrowingWav;
import org.pult.siplab.PcmAudio;
import org.pult.siplab.PulseAudioLab;
import org.pult.siplab.ToneTimeline;
import org.pult.siplab.Tones;
import org.pult.softphone.api.AudioDevice;
import org.pult.softphone.api.CallId;
import org.pult.softphone.api.CallState;
import org.pult.softphone.api.SipTransport;
import org.pult.softphone.api.SoftphoneConfig;
import org.pult.softphone.api.SoftphoneEvent.CallStateChanged;
import org.pult.softphone.linphone.EventLog;
import org.pult.softphone.linphone.LinphoneSoftphone;
import org.pult.softphone.linphone.LinphoneTuning;
import org.pult.softphone.sound.RingTone;

/**
 * The operator's engine on sound devices, on a machine without a sound card: siplab's
 * {@link PulseAudioLab} provides null sinks (Headset, Speakers, Ringer) recorded through their
 * monitors, and microphones (HeadsetMic saying 1,000 Hz, DeskMic saying 1,500 Hz). A customer's
 * engine in file mode says 700 Hz and records what it hears. The customer calls the operator
 * directly (no registrar): the ring must sound on the Ringer only, the call's audio on the chosen
 * devices, and switching devices mid-call must move the audio without ending the call.
 *
 * <p>Needs pulseaudio and pulseaudio-utils (fails, not skips, without them) and
 * {@code PULSE_SERVER} in the JVM's environment (the softphone module's surefire sets it).
 */
@Timeout(value = 240, unit = TimeUnit.SECONDS)
class AudioDeviceSwitchTest {

    private static final double CUSTOMER = Tones.B; // 700 Hz
    private static final double HEADSET_MIC = 1000;
    private static final double DESK_MIC = Tones.D; // 1,500 Hz
    private static final double[] ANALYZED = {CUSTOMER, HEADSET_MIC, DESK_MIC, RingTone.LOW_HZ, RingTone.HIGH_HZ};
    /** Heard: present in at least this share of the 100 ms windows. */
    private static final double HEARD = 0.6;
    /** Not heard: present in at most this share (a switch may leave a window or two behind). */
    private static final double NOT_HEARD = 0.05;
    /** The ring sounds 0.8 s in every 3 s (RingTone plus liblinphone's 2 s loop pause): about 27 %. */
    private static final double RING_HEARD = 0.12;
    private static final Duration LISTEN = Duration.ofSeconds(4);
    /** Lets a device switch or an answer settle before listening. */
    private static final Duration SETTLE = Duration.ofMillis(1500);
    private static final Duration WAIT = Duration.ofSeconds(30);

    @TempDir
    Path temp;

    private final List<AutoCloseable> opened = new ArrayList<>();

    @AfterEach
    void closeAll() throws Exception {
        for (AutoCloseable closeable : opened.reversed()) {
            closeable.close();
        }
    }

    @Test
    void ringsOnTheRingerAndSwitchesDevicesDuringACallWithoutDroppingIt() throws Exception {
        PulseAudioLab lab = PulseAudioLab.builder().sink("headset", "Headset").sink("speakers", "Speakers")
                .sink("ringer", "Ringer").source("headset_mic", "HeadsetMic").source("desk_mic", "DeskMic").start();
        opened.add(lab);
        lab.play("headset_mic", Tones.writeSine(temp.resolve("headset-mic.wav"), HEADSET_MIC, Duration.ofSeconds(10),
                PulseAudioLab.SAMPLE_RATE));
        lab.play("desk_mic", Tones.writeSine(temp.resolve("desk-mic.wav"), DESK_MIC, Duration.ofSeconds(10),
                PulseAudioLab.SAMPLE_RATE));

        EventLog operatorEvents = new EventLog("operator");
        // No echo canceller: there is no acoustic path between null sinks and sources, and on pure tones
        // Speex's canceller attenuates the microphone and leaks the far end's tone into what it sends.
        LinphoneSoftphone operator = LinphoneSoftphone.start(SoftphoneConfig.defaults(temp.resolve("operator"))
                .withBindAddress("127.0.0.1"), LinphoneTuning.DEFAULTS.withEchoCancellation(false));
        opened.add(operator);
        operator.subscribe(operatorEvents);

        Path customerHeard = temp.resolve("customer/heard.wav");
        Path customerSays = Tones.writeSine(temp.resolve("customer/says-700hz.wav"), CUSTOMER, Duration.ofSeconds(150),
                8000);
        EventLog customerEvents = new EventLog("customer");
        LinphoneSoftphone customer = LinphoneSoftphone.start(SoftphoneConfig.defaults(temp.resolve("customer/engine"))
                .withBindAddress("127.0.0.1").withAudio(new SoftphoneConfig.Audio.Files(customerSays, customerHeard)));
        opened.add(customer);
        customer.subscribe(customerEvents);

        // (a) The lab's devices are listed with the right directions.
        List<AudioDevice> devices = await(operator.audioDevices());
        AudioDevice headset = device(devices, "Headset");
        AudioDevice speakers = device(devices, "Speakers");
        AudioDevice ringer = device(devices, "Ringer");
        AudioDevice headsetMic = device(devices, "HeadsetMic");
        AudioDevice deskMic = device(devices, "DeskMic");
        for (AudioDevice output : List.of(headset, speakers, ringer)) {
            assertThat(output.canPlay()).as(output + " in " + devices).isTrue();
            assertThat(output.canCapture()).as(output + " in " + devices).isFalse();
        }
        for (AudioDevice input : List.of(headsetMic, deskMic)) {
            assertThat(input.canCapture()).as(input + " in " + devices).isTrue();
            assertThat(input.canPlay()).as(input + " in " + devices).isFalse();
        }
        await(operator.selectAudioDevices(headsetMic, headset, ringer));

        // (b) The customer calls; while it rings, the ring sounds on the Ringer and not on the Headset.
        CallId customerCall = await(customer.dial("sip:operator@127.0.0.1:" + operator.sipPort(SipTransport.UDP)));
        CallId operatorCall = operatorEvents.next(CallStateChanged.class, e -> e.state() == CallState.INCOMING).call();
        Heard ringing = listen(lab, null, "headset", "ringer", "speakers");
        assertThat(operatorEvents.states(operatorCall)).as("the call must still ring while we listened")
                .containsExactly(CallState.INCOMING);
        ringing.assertPresent("ringer", RingTone.LOW_HZ, RING_HEARD);
        ringing.assertPresent("ringer", RingTone.HIGH_HZ, RING_HEARD);
        for (String quiet : List.of("headset", "speakers")) {
            ringing.assertAbsent(quiet, RingTone.LOW_HZ);
            ringing.assertAbsent(quiet, RingTone.HIGH_HZ);
        }

        // (c) Answered: the operator hears the customer on the Headset, the customer hears the HeadsetMic.
        await(operator.answer(operatorCall));
        operatorEvents.next(CallStateChanged.class, e -> e.call().equals(operatorCall) && e.state() == CallState.ACTIVE);
        customerEvents.next(CallStateChanged.class, e -> e.call().equals(customerCall) && e.state() == CallState.ACTIVE);
        Thread.sleep(SETTLE);
        Heard answered = listen(lab, customerHeard, "headset", "speakers", "ringer");
        answered.assertPresent("headset", CUSTOMER, HEARD);
        answered.assertAbsent("speakers", CUSTOMER);
        answered.assertAbsent("ringer", RingTone.LOW_HZ);
        answered.assertPresent(Heard.CUSTOMER, HEADSET_MIC, HEARD);
        answered.assertAbsent(Heard.CUSTOMER, DESK_MIC);

        // (d) Playback switched to the Speakers mid-call: the customer moves there, the call goes on.
        await(operator.selectAudioDevices(null, speakers, null));
        Thread.sleep(SETTLE);
        Heard switched = listen(lab, customerHeard, "headset", "speakers");
        switched.assertPresent("speakers", CUSTOMER, HEARD);
        switched.assertAbsent("headset", CUSTOMER);
        switched.assertPresent(Heard.CUSTOMER, HEADSET_MIC, HEARD);

        // (e) Microphone switched to the DeskMic mid-call: the customer now hears 1,500 Hz, not 1,000 Hz.
        await(operator.selectAudioDevices(deskMic, null, null));
        Thread.sleep(SETTLE);
        Heard micSwitched = listen(lab, customerHeard, "speakers");
        micSwitched.assertPresent(Heard.CUSTOMER, DESK_MIC, HEARD);
        micSwitched.assertAbsent(Heard.CUSTOMER, HEADSET_MIC);
        micSwitched.assertPresent("speakers", CUSTOMER, HEARD);

        // The call was never dropped: both sides went straight to ACTIVE and stayed there.
        assertThat(operatorEvents.states(operatorCall)).as("operator's call states")
                .containsExactly(CallState.INCOMING, CallState.ACTIVE);
        assertThat(customerEvents.states(customerCall)).as("customer's call states")
                .doesNotContain(CallState.ENDED, CallState.FAILED, CallState.HELD, CallState.HELD_BY_REMOTE)
                .endsWith(CallState.ACTIVE);

        await(customer.hangUp(customerCall));
        operatorEvents.next(CallStateChanged.class, e -> e.call().equals(operatorCall) && e.state() == CallState.ENDED);
    }

    /** Records the given sinks (and the growth of the customer's record file) for {@link #LISTEN}. */
    private Heard listen(PulseAudioLab lab, Path customerHeard, String... sinks) throws InterruptedException {
        GrowingWav customer = customerHeard == null ? null : GrowingWav.watch(customerHeard);
        List<PulseAudioLab.Recording> recordings = new ArrayList<>();
        long stamp = System.nanoTime();
        for (String sink : sinks) {
            recordings.add(lab.record(sink, temp.resolve(sink + "-" + stamp + ".wav")));
        }
        Thread.sleep(LISTEN);
        Heard heard = new Heard();
        for (PulseAudioLab.Recording recording : recordings) {
            PcmAudio audio = recording.stop();
            heard.add(recording.sink(), audio, recording.file());
        }
        if (customer != null) {
            heard.add(Heard.CUSTOMER, customer.appended(), customerHeard);
        }
        return heard;
    }

    private static AudioDevice device(List<AudioDevice> devices, String name) {
        return devices.stream().filter(d -> d.name().equals(name)).findFirst()
                .orElseThrow(() -> new AssertionError("no audio device named " + name + " in " + devices));
    }

    private static <T> T await(CompletableFuture<T> future) throws Exception {
        return future.get(WAIT.toSeconds(), TimeUnit.SECONDS);
    }

    /** What each sink (and the customer) heard in one stretch, analysed for the test's tones. */
    private static final class Heard {
        static final String CUSTOMER = "customer";

        private final List<String> names = new ArrayList<>();
        private final List<ToneTimeline> timelines = new ArrayList<>();
        private final List<String> contexts = new ArrayList<>();

        void add(String name, PcmAudio audio, Path file) {
            ToneTimeline timeline = Tones.timeline(audio, ANALYZED);
            names.add(name);
            timelines.add(timeline);
            contexts.add(name + " heard " + timeline.describe() + " (" + audio + ", " + file + "; peak amplitudes "
                    + peaks(timeline) + ")");
            System.out.println("[devices] " + contexts.getLast());
        }

        void assertPresent(String name, double hz, double share) {
            ToneTimeline timeline = timeline(name);
            assertThat(timeline.duration()).as(context(name) + "\n-> recorded almost nothing")
                    .isGreaterThanOrEqualTo(Duration.ofSeconds(2));
            assertThat(timeline.presence(hz)).as(context(name) + "\n-> %s should hear %.0f Hz in at least %.0f %% of "
                    + "the windows", name, hz, share * 100).isGreaterThanOrEqualTo(share);
        }

        void assertAbsent(String name, double hz) {
            ToneTimeline timeline = timeline(name);
            assertThat(timeline.duration()).as(context(name) + "\n-> recorded almost nothing")
                    .isGreaterThanOrEqualTo(Duration.ofSeconds(2));
            assertThat(timeline.presence(hz)).as(context(name) + "\n-> %s should not hear %.0f Hz", name, hz)
                    .isLessThanOrEqualTo(NOT_HEARD);
        }

        private ToneTimeline timeline(String name) {
            int index = names.indexOf(name);
            if (index < 0) {
                throw new IllegalArgumentException(name + " was not recorded; recorded " + names);
            }
            return timelines.get(index);
        }

        private String context(String name) {
            return contexts.get(names.indexOf(name));
        }

        private static String peaks(ToneTimeline timeline) {
            StringBuilder text = new StringBuilder();
            for (int f = 0; f < ANALYZED.length; f++) {
                double peak = 0;
                for (ToneTimeline.Window window : timeline.windows()) {
                    peak = Math.max(peak, window.amplitudes()[f]);
                }
                text.append(String.format(Locale.ROOT, "%s%.0f Hz %.3f", f == 0 ? "" : ", ", ANALYZED[f], peak));
            }
            return text.toString();
        }
    }
}
