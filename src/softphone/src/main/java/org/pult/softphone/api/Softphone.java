package org.pult.softphone.api;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;

/**
 * The engine-neutral softphone the app uses. One instance is one SIP engine with one account.
 *
 * <p>Every command returns at once: it is queued to the engine's own thread, and its future
 * completes (on the event thread, never the caller's) when the engine has carried it out, or
 * completes exceptionally with a {@link SoftphoneCommandException} that says why not. What happens
 * afterwards on the network (ringing, answered, ended) arrives as {@link SoftphoneEvent}s.
 * Nothing here blocks the calling thread, so the JavaFX thread may call it directly.
 */
public interface Softphone extends AutoCloseable {

    /** Events in the order the engine produced them, delivered on one event thread. */
    Subscription subscribe(Consumer<SoftphoneEvent> listener);

    /** What this engine can do; fixed for the life of the instance. */
    SoftphoneCapabilities capabilities();

    /** Registers (or re-registers with new settings); progress arrives as {@link SoftphoneEvent.RegistrationChanged}. */
    CompletableFuture<Void> register(SipAccount account);

    CompletableFuture<Void> unregister();

    /** @param sipUri a complete SIP URI; turn what the operator typed into one with {@link DialPlan} */
    CompletableFuture<CallId> dial(String sipUri);

    CompletableFuture<Void> answer(CallId call);

    /** Declines a ringing incoming call (486 Busy Here). */
    CompletableFuture<Void> reject(CallId call);

    CompletableFuture<Void> hangUp(CallId call);

    CompletableFuture<Void> hold(CallId call);

    CompletableFuture<Void> resume(CallId call);

    /** Mutes the microphone for every call. */
    CompletableFuture<Void> setMicrophoneMuted(boolean muted);

    /** @param digit one of 0-9, *, #, A-D */
    CompletableFuture<Void> sendDtmf(CallId call, char digit);

    CompletableFuture<Void> transferBlind(CallId call, String sipUri);

    /** Completes an attended transfer: {@code call}'s peer is connected to {@code consultation}'s. */
    CompletableFuture<Void> transferAttended(CallId call, CallId consultation);

    /** Merges the given calls into a local conference mixed by this engine. */
    CompletableFuture<Void> mergeIntoConference(List<CallId> calls);

    CompletableFuture<Void> startRecording(CallId call, Path file);

    CompletableFuture<Void> pauseRecording(CallId call);

    CompletableFuture<Void> resumeRecording(CallId call);

    CompletableFuture<Void> stopRecording(CallId call);

    CompletableFuture<List<AudioDevice>> audioDevices();

    /** Switches devices, also during a call, without dropping it. Null leaves that device as it is. */
    CompletableFuture<Void> selectAudioDevices(AudioDevice capture, AudioDevice playback, AudioDevice ringer);

    /** Stops the engine: ends calls, unregisters (briefly), frees the core. Idempotent. */
    @Override
    void close();

    /** Stops a listener receiving events. */
    interface Subscription extends AutoCloseable {
        @Override
        void close();
    }
}
