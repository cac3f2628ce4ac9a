package org.pult.softphone.linphone;

import static org.pult.softphone.linphone.EngineProtocol.*;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.function.Consumer;
import org.pult.softphone.NativeLibraryLoader;
import org.pult.softphone.SoftphoneAvailability.Unavailable;
import org.pult.softphone.api.AudioDevice;
import org.pult.softphone.api.CallId;
import org.pult.softphone.api.SipAccount;
import org.pult.softphone.api.SipTransport;
import org.pult.softphone.api.Softphone;
import org.pult.softphone.api.SoftphoneCapabilities;
import org.pult.softphone.api.SoftphoneCommandException;
import org.pult.softphone.api.SoftphoneCommandException.Problem;
import org.pult.softphone.api.SoftphoneConfig;
import org.pult.softphone.api.SoftphoneEvent;
import org.pult.softphone.sound.RingTone;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@link Softphone} over liblinphone, through softphone-native's engine: one native thread owns
 * the liblinphone core, commands are queued to it, and events come back on one Java event thread.
 */
public final class LinphoneSoftphone implements Softphone {

    private static final Logger LOG = LoggerFactory.getLogger(LinphoneSoftphone.class);
    private static final SoftphoneCapabilities CAPABILITIES = new SoftphoneCapabilities(true, true, true, true, true, true);
    /** Ending calls and destroying the core takes well under this; the wait only bounds a stuck engine. */
    private static final Duration EVENT_THREAD_DRAIN = Duration.ofSeconds(10);
    private static final byte[][] NO_TEXTS = new byte[0][];
    private static final long[] NO_NUMBERS = new long[0];
    /** Pult's own ring, in the work directory. */
    static final String RING_TONE_FILE = "ring.wav";

    private final long engine;
    private final int[] sipPorts;
    private final String engineVersion;
    private final PendingCommands pending = new PendingCommands();
    private final CountDownLatch stopped = new CountDownLatch(1);
    private final EventPump pump;
    private final Thread eventThread;
    /** Guards {@link #closed} and every use of {@link #engine} by command senders. */
    private final Object postLock = new Object();
    private boolean closed;

    private LinphoneSoftphone(long engine, String engineVersion) {
        this.engine = engine;
        this.engineVersion = engineVersion;
        // Read once: after close the native handle is gone, but the ports stay answerable.
        this.sipPorts = new int[] {NativeEngine.sipPort(engine, TRANSPORT_UDP),
                NativeEngine.sipPort(engine, TRANSPORT_TCP), NativeEngine.sipPort(engine, TRANSPORT_TLS)};
        this.pump = new EventPump(engine, pending, stopped);
        this.eventThread = Thread.ofPlatform().name("softphone-events-" + engine).daemon().unstarted(pump);
    }

    /** Starts an engine with the library named by {@code pult.softphone.library} (or java.library.path). */
    public static LinphoneSoftphone start(SoftphoneConfig config) {
        return start(config, NativeLibraryLoader.fromSystemProperties(), LinphoneTuning.fromSystemProperties());
    }

    public static LinphoneSoftphone start(SoftphoneConfig config, NativeLibraryLoader loader) {
        return start(config, loader, LinphoneTuning.fromSystemProperties());
    }

    public static LinphoneSoftphone start(SoftphoneConfig config, LinphoneTuning tuning) {
        return start(config, NativeLibraryLoader.fromSystemProperties(), tuning);
    }

    /**
     * Loads the library if needed and starts a core; blocks for the core start (tens of
     * milliseconds), so call it off the FX thread.
     *
     * @throws SoftphoneStartException when the library is missing or the core does not start
     */
    public static LinphoneSoftphone start(SoftphoneConfig config, NativeLibraryLoader loader, LinphoneTuning tuning) {
        Objects.requireNonNull(config, "config");
        Objects.requireNonNull(tuning, "tuning");
        Optional<Unavailable> unavailable = loader.ensureLoaded();
        if (unavailable.isPresent()) {
            throw new SoftphoneStartException("softphone library unavailable (" + unavailable.get().reason() + "): "
                    + unavailable.get().detail());
        }
        try {
            Files.createDirectories(config.workDirectory());
        } catch (IOException e) {
            throw new SoftphoneStartException("cannot create the engine's work directory " + config.workDirectory(), e);
        }
        Path ringTone = ringTone(config);
        long started = System.nanoTime();
        String version;
        long engine;
        try {
            version = NativeEngine.engineVersion();
            engine = NativeEngine.create(EngineSettings.numbers(config, tuning), EngineSettings.texts(config, ringTone));
        } catch (UnsatisfiedLinkError e) {
            throw new SoftphoneStartException("libpultphone does not match this version of Pult (" + e.getMessage()
                    + "); rebuild softphone-native or reinstall Pult", e);
        }
        if (engine == 0) {
            throw new SoftphoneStartException("out of memory starting the softphone engine");
        }
        byte[] error = NativeEngine.startError(engine);
        if (error != null) {
            NativeEngine.destroy(engine);
            throw new SoftphoneStartException("liblinphone " + version + " did not start in " + config.workDirectory()
                    + ": " + NativeText.decode(error));
        }
        LinphoneSoftphone softphone = new LinphoneSoftphone(engine, version);
        softphone.eventThread.start();
        LOG.info("liblinphone {} started in {} ms (SIP UDP {}, TCP {}, TLS {})", version,
                Duration.ofNanos(System.nanoTime() - started).toMillis(), softphone.sipPorts[0], softphone.sipPorts[1],
                softphone.sipPorts[2]);
        return softphone;
    }

    /**
     * The ring the engine plays: the config's, else Pult's own ({@link RingTone}, written to
     * {@value #RING_TONE_FILE} in the work directory), since Debian installs no liblinphone ring. None
     * in file mode: there is no sound card to ring on.
     */
    private static Path ringTone(SoftphoneConfig config) {
        if (config.audio() instanceof SoftphoneConfig.Audio.Files) {
            return null;
        }
        if (config.ringTone() != null) {
            return config.ringTone();
        }
        Path file = config.workDirectory().resolve(RING_TONE_FILE);
        try {
            return RingTone.writeIfMissing(file);
        } catch (IOException e) {
            LOG.warn("cannot write the ring tone {}; incoming calls will not ring", file, e);
            return null;
        }
    }

    /** @return the local port SIP listens on for {@code transport}, 0 when that transport is off */
    public int sipPort(SipTransport transport) {
        return sipPorts[EngineSettings.transport(transport)];
    }

    public String engineVersion() {
        return engineVersion;
    }

    @Override
    public Subscription subscribe(Consumer<SoftphoneEvent> listener) {
        Objects.requireNonNull(listener, "listener");
        pump.addListener(listener);
        return () -> pump.removeListener(listener);
    }

    @Override
    public SoftphoneCapabilities capabilities() {
        return CAPABILITIES;
    }

    @Override
    public CompletableFuture<Void> register(SipAccount account) {
        Objects.requireNonNull(account, "account");
        byte[][] texts = new byte[8][];
        texts[REGISTER_IDENTITY] = NativeText.utf8(account.identity());
        texts[REGISTER_REGISTRAR] = NativeText.utf8(account.registrar());
        texts[REGISTER_USERNAME] = NativeText.utf8(account.username());
        texts[REGISTER_PASSWORD] = NativeText.utf8(account.password());
        texts[REGISTER_TRUSTED_CA] = NativeText.path(account.trustedCa());
        texts[REGISTER_STUN_SERVER] = NativeText.utf8(account.nat().stunServer());
        texts[REGISTER_TURN_USER] = NativeText.utf8(account.nat().turnUser());
        texts[REGISTER_TURN_PASSWORD] = NativeText.utf8(account.nat().turnPassword());
        long[] numbers = {EngineSettings.transport(account.transport()), account.nat().ice() ? 1 : 0,
                account.nat().turn() ? 1 : 0};
        return command(COMMAND_REGISTER, numbers, texts);
    }

    @Override
    public CompletableFuture<Void> unregister() {
        return command(COMMAND_UNREGISTER, NO_NUMBERS, NO_TEXTS);
    }

    @Override
    public CompletableFuture<CallId> dial(String sipUri) {
        Objects.requireNonNull(sipUri, "sipUri");
        return send(COMMAND_DIAL, NO_NUMBERS, new byte[][] {NativeText.utf8(sipUri)},
                (numbers, texts) -> new CallId(EventDecoder.resultValue(numbers)));
    }

    @Override
    public CompletableFuture<Void> answer(CallId call) {
        return callCommand(COMMAND_ANSWER, call);
    }

    @Override
    public CompletableFuture<Void> reject(CallId call) {
        return callCommand(COMMAND_REJECT, call);
    }

    @Override
    public CompletableFuture<Void> hangUp(CallId call) {
        return callCommand(COMMAND_HANG_UP, call);
    }

    @Override
    public CompletableFuture<Void> hold(CallId call) {
        return callCommand(COMMAND_HOLD, call);
    }

    @Override
    public CompletableFuture<Void> resume(CallId call) {
        return callCommand(COMMAND_RESUME, call);
    }

    @Override
    public CompletableFuture<Void> setMicrophoneMuted(boolean muted) {
        return command(COMMAND_MUTE, new long[] {muted ? 1 : 0}, NO_TEXTS);
    }

    @Override
    public CompletableFuture<Void> sendDtmf(CallId call, char digit) {
        Objects.requireNonNull(call, "call");
        if ("0123456789*#ABCD".indexOf(Character.toUpperCase(digit)) < 0) {
            return CompletableFuture.failedFuture(new SoftphoneCommandException(Problem.WRONG_STATE,
                    "not a DTMF digit: '" + digit + "'"));
        }
        return command(COMMAND_DTMF, new long[] {call.value(), Character.toUpperCase(digit)}, NO_TEXTS);
    }

    @Override
    public CompletableFuture<Void> transferBlind(CallId call, String sipUri) {
        Objects.requireNonNull(call, "call");
        Objects.requireNonNull(sipUri, "sipUri");
        return command(COMMAND_TRANSFER_BLIND, new long[] {call.value()}, new byte[][] {NativeText.utf8(sipUri)});
    }

    @Override
    public CompletableFuture<Void> transferAttended(CallId call, CallId consultation) {
        Objects.requireNonNull(call, "call");
        Objects.requireNonNull(consultation, "consultation");
        return command(COMMAND_TRANSFER_ATTENDED, new long[] {call.value(), consultation.value()}, NO_TEXTS);
    }

    @Override
    public CompletableFuture<Void> mergeIntoConference(List<CallId> calls) {
        long[] ids = calls.stream().mapToLong(CallId::value).toArray();
        return command(COMMAND_CONFERENCE, ids, NO_TEXTS);
    }

    @Override
    public CompletableFuture<Void> startRecording(CallId call, Path file) {
        Objects.requireNonNull(call, "call");
        Objects.requireNonNull(file, "file");
        return command(COMMAND_START_RECORDING, new long[] {call.value()}, new byte[][] {NativeText.path(file)});
    }

    /** Leaves what is said until {@link #resumeRecording} out of the file; the file keeps that time as silence. */
    @Override
    public CompletableFuture<Void> pauseRecording(CallId call) {
        return callCommand(COMMAND_PAUSE_RECORDING, call);
    }

    @Override
    public CompletableFuture<Void> resumeRecording(CallId call) {
        return callCommand(COMMAND_RESUME_RECORDING, call);
    }

    /** Completes once the file is closed and in place. */
    @Override
    public CompletableFuture<Void> stopRecording(CallId call) {
        return callCommand(COMMAND_STOP_RECORDING, call);
    }

    @Override
    public CompletableFuture<List<AudioDevice>> audioDevices() {
        return send(COMMAND_AUDIO_DEVICES, NO_NUMBERS, NO_TEXTS, EventDecoder::devices);
    }

    @Override
    public CompletableFuture<Void> selectAudioDevices(AudioDevice capture, AudioDevice playback, AudioDevice ringer) {
        return command(COMMAND_SELECT_DEVICES, NO_NUMBERS,
                new byte[][] {deviceId(capture), deviceId(playback), deviceId(ringer)});
    }

    /**
     * Ends calls, destroys the core and joins the engine thread, then waits for the event thread
     * to deliver the last events. A second call, or one racing the first, returns at once.
     */
    @Override
    public void close() {
        synchronized (postLock) {
            if (closed) {
                return;
            }
            closed = true;
        }
        try {
            NativeEngine.stop(engine);
        } finally {
            stopped.countDown();
        }
        if (Thread.currentThread() != eventThread) {
            try {
                if (!eventThread.join(EVENT_THREAD_DRAIN)) {
                    LOG.warn("Softphone event thread still busy {} after close", EVENT_THREAD_DRAIN);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    private static byte[] deviceId(AudioDevice device) {
        return device == null ? null : NativeText.utf8(device.id());
    }

    private CompletableFuture<Void> callCommand(int command, CallId call) {
        Objects.requireNonNull(call, "call");
        return command(command, new long[] {call.value()}, NO_TEXTS);
    }

    private CompletableFuture<Void> command(int command, long[] numbers, byte[][] texts) {
        return send(command, numbers, texts, (n, t) -> null);
    }

    private <T> CompletableFuture<T> send(int command, long[] numbers, byte[][] texts,
            PendingCommands.ResultReader<T> reader) {
        CompletableFuture<T> future = new CompletableFuture<>();
        long requestId = pending.add(future, reader);
        boolean queued;
        synchronized (postLock) {
            queued = !closed && NativeEngine.post(engine, command, requestId, numbers, texts);
        }
        if (!queued) {
            pending.remove(requestId);
            future.completeExceptionally(new SoftphoneCommandException(Problem.CLOSED, "the softphone engine has been closed"));
        }
        return future;
    }
}
