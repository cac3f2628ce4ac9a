package org.pult.app.softphone;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.function.Consumer;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.pult.app.i18n.UserMessage;
import org.pult.app.platform.AppExecutors;
import org.pult.app.settings.VoiceSettings;
import org.pult.core.model.SipProfile;
import org.pult.softphone.api.AudioDevice;
import org.pult.softphone.api.CallDirection;
import org.pult.softphone.api.CallId;
import org.pult.softphone.api.CallState;
import org.pult.softphone.api.DialPlan;
import org.pult.softphone.api.RegistrationState;
import org.pult.softphone.api.SipAccount;
import org.pult.softphone.api.Softphone;
import org.pult.softphone.api.SoftphoneCommandException;
import org.pult.softphone.api.SoftphoneConfig;
import org.pult.softphone.api.SoftphoneEvent;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The softphone as the operator sees it: whether voice works and is registered, the calls, the
 * one in front, the one ringing, and every call command. Lives as long as the app (an operator's
 * call survives a language switch); accounts come and go with sign-in. FX thread only.
 */
public final class PhoneViewModel implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(PhoneViewModel.class);
    private static final DateTimeFormatter RECORDING_NAME = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss", Locale.ROOT);

    private final PhoneEngine engine;
    private final AppExecutors executors;
    private final Clock clock;
    private final DialPlan dialPlan;
    private final ObservableList<CallModel> calls = FXCollections.observableArrayList();
    private final ObjectProperty<CallModel> current = new SimpleObjectProperty<>();
    private final ObjectProperty<CallModel> ringing = new SimpleObjectProperty<>();
    private final ObjectProperty<CallModel> consultation = new SimpleObjectProperty<>();
    private final ObjectProperty<UserMessage> status = new SimpleObjectProperty<>(UserMessage.of("softphone.status.checking"));
    private final ObjectProperty<UserMessage> notice = new SimpleObjectProperty<>();
    private final ObjectProperty<RegistrationState> registration = new SimpleObjectProperty<>(RegistrationState.NONE);
    private final BooleanProperty ready = new SimpleBooleanProperty();
    private final BooleanProperty filesMode = new SimpleBooleanProperty();
    private final BooleanProperty muted = new SimpleBooleanProperty();
    private final StringProperty dialText = new SimpleStringProperty("");
    private final ObservableList<AudioDevice> devices = FXCollections.observableArrayList();
    private VoiceSettings voice = VoiceSettings.DEFAULTS;
    private Softphone softphone;
    private SipAccount account;
    private String domain = "";
    private CustomerDirectory customers = CustomerDirectory.NONE;
    private String lastRegistrationReason = "";
    /** The customer waiting on hold while the operator consults a colleague. */
    private CallModel consultCustomer;
    private boolean closed;
    private Consumer<CallModel> onCallEnded = call -> { };

    public PhoneViewModel(PhoneEngine engine, AppExecutors executors, Clock clock, DialPlan dialPlan) {
        this.engine = engine;
        this.executors = executors;
        this.clock = clock;
        this.dialPlan = dialPlan;
    }

    /** Starts the engine in the background; the status says how that went. */
    public void start() {
        boolean soundCard = engine.hasSoundCard();
        executors.background().execute(() -> {
            try {
                PhoneEngine.Started started = engine.start(config(soundCard));
                executors.ui().execute(() -> engineStarted(started, !soundCard));
            } catch (PhoneUnavailableException | IOException | RuntimeException failed) {
                LOG.warn("Softphone unavailable: {}", failed.getMessage());
                UserMessage why = failed instanceof PhoneUnavailableException unavailable
                        ? unavailable.userMessage()
                        : UserMessage.of("softphone.status.unavailable.ENGINE_START_FAILED", failed.getMessage());
                executors.ui().execute(() -> status.set(why));
            }
        });
    }

    private SoftphoneConfig config(boolean soundCard) throws IOException {
        SoftphoneConfig config = SoftphoneConfig.defaults(engine.workDirectory());
        if (soundCard) {
            return config;
        }
        Path play = SilenceWav.writeIfMissing(engine.workDirectory().resolve("no-sound-card-microphone.wav"));
        return config.withAudio(new SoftphoneConfig.Audio.Files(play, engine.workDirectory().resolve("no-sound-card-speaker.wav")));
    }

    private void engineStarted(PhoneEngine.Started started, boolean files) {
        if (closed) {
            started.softphone().close();
            return;
        }
        softphone = started.softphone();
        filesMode.set(files);
        ready.set(true);
        softphone.subscribe(event -> executors.ui().execute(() -> apply(event)));
        LOG.info("Softphone engine {} started{}", started.engineVersion(), files ? " on files (no sound card)" : "");
        refreshDevices();
        if (account != null) {
            register();
        } else {
            showRegistrationStatus();
        }
    }

    /**
     * The operator signed in. Registers with the SIP account the backend gave, if any; without one
     * the operator can still dial SIP addresses directly.
     */
    public void signedIn(SipProfile sip, CustomerDirectory directory) {
        account = SipAccounts.from(sip).orElse(null);
        domain = SipAccounts.dialDomain(sip);
        customers = directory;
        if (softphone != null && account != null) {
            register();
        } else {
            showRegistrationStatus();
        }
    }

    /** Told about every call that ended or failed (to keep it with the customer's conversation); FX thread. */
    public void onCallEnded(Consumer<CallModel> listener) {
        onCallEnded = listener == null ? call -> { } : listener;
    }

    /** Ends every call and unregisters: the next operator at this PC must not get this one's calls. */
    public void signedOut() {
        if (softphone != null) {
            List.copyOf(calls).forEach(call -> softphone.hangUp(call.id()));
            if (account != null) {
                softphone.unregister();
            }
        }
        account = null;
        customers = CustomerDirectory.NONE;
        registration.set(RegistrationState.NONE);
        showRegistrationStatus();
    }

    private void register() {
        registration.set(RegistrationState.IN_PROGRESS);
        showRegistrationStatus();
        command(softphone.register(account));
    }

    // --- events --------------------------------------------------------------------------------

    void apply(SoftphoneEvent event) {
        switch (event) {
            case SoftphoneEvent.RegistrationChanged changed -> {
                registration.set(changed.state());
                lastRegistrationReason = changed.reason();
                showRegistrationStatus();
            }
            case SoftphoneEvent.CallStateChanged changed -> callChanged(changed);
            case SoftphoneEvent.QualityMeasured measured -> find(measured.call()).ifPresent(call -> call.quality(measured.quality()));
            case SoftphoneEvent.EncryptionChanged changed ->
                    find(changed.call()).ifPresent(call -> call.encryption(changed.encryption(), changed.authenticationToken()));
            case SoftphoneEvent.TransferProgress progress -> transferProgressed(progress);
            case SoftphoneEvent.DtmfReceived ignored -> {
                // Digits from the far end matter to IVRs, not to the operator.
            }
        }
    }

    private void callChanged(SoftphoneEvent.CallStateChanged changed) {
        CallModel call = find(changed.call()).orElse(null);
        if (call == null) {
            if (changed.state().isTerminal()) {
                return;
            }
            call = new CallModel(changed.call(), changed.direction(), changed.state());
            call.remote(changed.remoteUri(), changed.remoteDisplayName());
            call.customer(customers.byPhone(call.number()).orElse(null));
            calls.add(call);
            if (changed.state() == CallState.INCOMING && voice.autoAnswer() && first(CallState.ACTIVE).isEmpty()) {
                command(softphone.answer(call.id()));
            }
        }
        call.remote(changed.remoteUri(), changed.remoteDisplayName());
        call.state(changed.state(), changed.reason(), Instant.now(clock));
        if (changed.state().isTerminal()) {
            calls.remove(call);
            onCallEnded.accept(call);
            if (call == consultation.get()) {
                consultation.set(null);
            }
            if (changed.state() == CallState.FAILED && call.direction() == CallDirection.OUTGOING) {
                notice.set(UserMessage.of("softphone.notice.callFailed", call.caller(), changed.reason()));
            }
        }
        choosePriorities();
    }

    private void transferProgressed(SoftphoneEvent.TransferProgress progress) {
        if (progress.state() == CallState.ACTIVE) {
            notice.set(UserMessage.of("softphone.notice.transferred"));
        } else if (progress.state() == CallState.FAILED) {
            notice.set(UserMessage.of("softphone.notice.transferFailed"));
        }
    }

    /** The call in front is the one talking, else one being set up, else one on hold; a ringing call pops up. */
    private void choosePriorities() {
        ringing.set(calls.stream().filter(call -> call.state() == CallState.INCOMING).findFirst().orElse(null));
        current.set(first(CallState.ACTIVE, CallState.HELD_BY_REMOTE)
                .or(() -> first(CallState.DIALING, CallState.RINGING_OUT))
                .or(() -> first(CallState.HELD))
                .orElse(ringing.get()));
    }

    private Optional<CallModel> first(CallState... states) {
        List<CallState> wanted = List.of(states);
        return calls.stream().filter(call -> wanted.contains(call.state())).findFirst();
    }

    private Optional<CallModel> find(CallId id) {
        return calls.stream().filter(call -> call.id().equals(id)).findFirst();
    }

    private void showRegistrationStatus() {
        if (softphone == null) {
            return;
        }
        status.set(switch (registration.get()) {
            case NONE -> account == null ? UserMessage.of("softphone.status.noAccount") : UserMessage.of("softphone.status.ready");
            case IN_PROGRESS -> UserMessage.of("softphone.status.registering", account == null ? "" : account.registrar());
            case REGISTERED -> UserMessage.of("softphone.status.registered", account == null ? "" : account.identity());
            case CLEARED -> UserMessage.of("softphone.status.unregistered");
            case FAILED -> UserMessage.of("softphone.status.registrationFailed", lastRegistrationReason);
        });
    }

    // --- commands ------------------------------------------------------------------------------

    /** Dials what is in the dial field (or {@code typed}, e.g. a number clicked on a customer card). */
    public void dial() {
        dial(dialText.get());
    }

    public void dial(String typed) {
        if (softphone == null) {
            notice.set(status.get());
            return;
        }
        Optional<String> uri = sipUri(typed);
        if (uri.isEmpty()) {
            return;
        }
        notice.set(null);
        CallModel active = current.get();
        if (active != null && active.state() == CallState.ACTIVE) {
            // A second call while talking: the first waits on hold, as on any desk phone.
            command(softphone.hold(active.id()));
        }
        command(softphone.dial(uri.get()));
    }

    /** Answers the ringing call; one already talking goes on hold (call waiting). */
    public void answer() {
        CallModel call = ringing.get();
        if (call == null || softphone == null) {
            return;
        }
        command(softphone.answer(call.id()));
    }

    public void reject() {
        CallModel call = ringing.get();
        if (call != null && softphone != null) {
            command(softphone.reject(call.id()));
        }
    }

    /** Hangs up the call in front, or declines the ringing one when nothing else is up. */
    public void hangUp() {
        CallModel call = current.get();
        if (call == null || softphone == null) {
            return;
        }
        if (call.state() == CallState.INCOMING) {
            command(softphone.reject(call.id()));
        } else {
            command(softphone.hangUp(call.id()));
        }
    }

    public void toggleHold() {
        CallModel call = current.get();
        if (call == null || softphone == null) {
            return;
        }
        if (call.state() == CallState.HELD) {
            command(softphone.resume(call.id()));
        } else if (call.state() == CallState.ACTIVE || call.state() == CallState.HELD_BY_REMOTE) {
            command(softphone.hold(call.id()));
        }
    }

    public void toggleMute() {
        if (softphone == null) {
            return;
        }
        boolean mute = !muted.get();
        command(softphone.setMicrophoneMuted(mute)).thenRun(() -> executors.ui().execute(() -> muted.set(mute)));
    }

    public void sendDtmf(char digit) {
        CallModel call = current.get();
        if (call != null && softphone != null && call.state() == CallState.ACTIVE) {
            command(softphone.sendDtmf(call.id(), digit));
        }
    }

    public void transferBlind(String typed) {
        CallModel call = current.get();
        if (call == null || softphone == null) {
            return;
        }
        sipUri(typed).ifPresent(uri -> command(softphone.transferBlind(call.id(), uri)));
    }

    /** Attended transfer, step one: the customer waits on hold while the operator talks to the colleague. */
    public void consult(String typed) {
        CallModel call = current.get();
        if (call == null || softphone == null) {
            return;
        }
        Optional<String> uri = sipUri(typed);
        if (uri.isEmpty()) {
            return;
        }
        consultCustomer = call;
        command(softphone.hold(call.id()).thenCompose(held -> softphone.dial(uri.get())))
                .thenAccept(consultId -> executors.ui().execute(() -> find(consultId).ifPresent(consultation::set)));
    }

    /** Attended transfer, step two: the customer and the colleague are connected; the operator drops out. */
    public void completeTransfer() {
        CallModel colleague = consultation.get();
        if (colleague == null || consultCustomer == null || softphone == null) {
            return;
        }
        command(softphone.transferAttended(consultCustomer.id(), colleague.id()));
    }

    /** Attended transfer abandoned: the colleague's leg ends and the customer comes back. */
    public void cancelConsultation() {
        CallModel colleague = consultation.get();
        if (colleague == null || consultCustomer == null || softphone == null) {
            return;
        }
        CallModel customer = consultCustomer;
        command(softphone.hangUp(colleague.id())).thenCompose(ended -> softphone.resume(customer.id()));
        consultation.set(null);
    }

    /** Merges every live call into one local conference. */
    public void conference() {
        if (softphone == null || calls.size() < 2) {
            return;
        }
        command(softphone.mergeIntoConference(calls.stream().map(CallModel::id).toList()));
        consultation.set(null);
    }

    /** Starts recording the call in front, or pauses/resumes it (card numbers stay out of the file). */
    public void toggleRecordingPause() {
        CallModel call = current.get();
        if (call == null || softphone == null) {
            return;
        }
        switch (call.recordingProperty().get()) {
            case OFF -> {
                Path file = engine.workDirectory().resolve("recordings")
                        .resolve(RECORDING_NAME.format(java.time.LocalDateTime.now(clock)) + "-" + call.id() + ".wav");
                try {
                    Files.createDirectories(file.getParent());
                } catch (IOException e) {
                    notice.set(UserMessage.of("softphone.notice.recordingFailed", e.getMessage()));
                    return;
                }
                command(softphone.startRecording(call.id(), file)).thenRun(() -> executors.ui().execute(() -> call.recording(CallModel.Recording.ON)));
            }
            case ON -> command(softphone.pauseRecording(call.id())).thenRun(() -> executors.ui().execute(() -> call.recording(CallModel.Recording.PAUSED)));
            case PAUSED -> command(softphone.resumeRecording(call.id())).thenRun(() -> executors.ui().execute(() -> call.recording(CallModel.Recording.ON)));
        }
    }

    /** What the operator typed as a SIP URI, or empty after telling them why it cannot be dialled. */
    private Optional<String> sipUri(String typed) {
        String text = typed == null ? "" : typed.strip();
        try {
            if (domain.isBlank() && !text.contains("@")) {
                // Numbers need the registrar's domain; without an account only SIP addresses can be dialled.
                dialPlan.normalize(text);
                notice.set(UserMessage.of("softphone.dial.noDomain"));
                return Optional.empty();
            }
            return Optional.of(dialPlan.toSipUri(text, domain));
        } catch (DialPlan.InvalidNumber invalid) {
            notice.set(UserMessage.of("softphone.dial.invalid." + invalid.problem().name(), text));
            return Optional.empty();
        }
    }

    /** Reads the engine's microphones and speakers again (a headset may have been plugged in). */
    public void refreshDevices() {
        if (softphone == null) {
            return;
        }
        command(softphone.audioDevices()).thenAccept(found -> executors.ui().execute(() -> {
            devices.setAll(found);
            useDevices();
        }));
    }

    /** Applies the operator's devices and auto-answer at once, also during a call. */
    public void useVoiceSettings(VoiceSettings settings) {
        voice = settings;
        useDevices();
    }

    private void useDevices() {
        if (softphone == null || devices.isEmpty()) {
            return;
        }
        AudioDevice microphone = device(voice.microphone());
        AudioDevice speaker = device(voice.speaker());
        AudioDevice ringer = device(voice.ringer());
        if (microphone != null || speaker != null || ringer != null) {
            command(softphone.selectAudioDevices(microphone, speaker, ringer));
        }
    }

    private AudioDevice device(String id) {
        return id.isEmpty() ? null : devices.stream().filter(device -> device.id().equals(id)).findFirst().orElse(null);
    }

    /** Shows a failed command to the operator; nothing else depends on it. */
    private <T> CompletableFuture<T> command(CompletableFuture<T> future) {
        future.whenComplete((result, failure) -> {
            if (failure != null) {
                Throwable cause = failure instanceof CompletionException && failure.getCause() != null ? failure.getCause() : failure;
                LOG.info("Softphone command failed: {}", cause.getMessage());
                UserMessage message = cause instanceof SoftphoneCommandException refused
                        ? UserMessage.of("softphone.error." + refused.problem().name(), refused.getMessage())
                        : UserMessage.of("softphone.error.ENGINE_ERROR", String.valueOf(cause.getMessage()));
                executors.ui().execute(() -> notice.set(message));
            }
        });
        return future;
    }

    @Override
    public void close() {
        closed = true;
        if (softphone != null) {
            softphone.close();
            softphone = null;
        }
    }

    // --- what the views bind to ----------------------------------------------------------------

    public ObservableList<CallModel> calls() {
        return FXCollections.unmodifiableObservableList(calls);
    }

    public ReadOnlyObjectProperty<CallModel> currentProperty() {
        return current;
    }

    public ReadOnlyObjectProperty<CallModel> ringingProperty() {
        return ringing;
    }

    public ReadOnlyObjectProperty<CallModel> consultationProperty() {
        return consultation;
    }

    public ReadOnlyObjectProperty<UserMessage> statusProperty() {
        return status;
    }

    public ObjectProperty<UserMessage> noticeProperty() {
        return notice;
    }

    public ReadOnlyObjectProperty<RegistrationState> registrationProperty() {
        return registration;
    }

    public ReadOnlyBooleanProperty readyProperty() {
        return ready;
    }

    public ReadOnlyBooleanProperty filesModeProperty() {
        return filesMode;
    }

    public ReadOnlyBooleanProperty mutedProperty() {
        return muted;
    }

    public ObservableList<AudioDevice> devices() {
        return FXCollections.unmodifiableObservableList(devices);
    }

    public VoiceSettings voiceSettings() {
        return voice;
    }

    public StringProperty dialTextProperty() {
        return dialText;
    }
}
