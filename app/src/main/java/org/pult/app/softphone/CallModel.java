package org.pult.app.softphone;

import java.time.Instant;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import org.pult.core.model.Customer;
import org.pult.softphone.api.CallDirection;
import org.pult.softphone.api.CallId;
import org.pult.softphone.api.CallQuality;
import org.pult.softphone.api.CallState;
import org.pult.softphone.api.MediaEncryption;

/** One call as the operator sees it. Changed only on the FX thread, by {@link PhoneViewModel}. */
public final class CallModel {

    public enum Recording { OFF, ON, PAUSED }

    private final CallId id;
    private final CallDirection direction;
    private final StringProperty remoteUri = new SimpleStringProperty("");
    private final StringProperty remoteName = new SimpleStringProperty("");
    private final ObjectProperty<Customer> customer = new SimpleObjectProperty<>();
    private final ObjectProperty<CallState> state = new SimpleObjectProperty<>();
    private final ObjectProperty<Instant> connectedAt = new SimpleObjectProperty<>();
    private final ObjectProperty<CallQuality> quality = new SimpleObjectProperty<>();
    private final ObjectProperty<MediaEncryption> encryption = new SimpleObjectProperty<>(MediaEncryption.NONE);
    private final StringProperty authenticationToken = new SimpleStringProperty("");
    private final ObjectProperty<Recording> recording = new SimpleObjectProperty<>(Recording.OFF);
    private final StringProperty endReason = new SimpleStringProperty("");
    private Instant endedAt;

    CallModel(CallId id, CallDirection direction, CallState state) {
        this.id = id;
        this.direction = direction;
        this.state.set(state);
    }

    public CallId id() {
        return id;
    }

    public CallDirection direction() {
        return direction;
    }

    /** The customer's name when the number matched one, else the caller's own display name, else the number. */
    public String caller() {
        if (customer.get() != null) {
            return customer.get().displayName();
        }
        return remoteName.get().isBlank() ? displayNumber() : remoteName.get();
    }

    /** The user part of the remote address: a phone number or a SIP user. */
    public String number() {
        String uri = remoteUri.get();
        int colon = uri.indexOf(':');
        int at = uri.indexOf('@');
        return colon >= 0 && at > colon ? uri.substring(colon + 1, at) : uri;
    }

    /** {@link #number()} as people read it, e.g. "+7 916 234-56-78". */
    public String displayNumber() {
        return PhoneNumbers.display(number());
    }

    public ReadOnlyStringProperty remoteUriProperty() {
        return remoteUri;
    }

    public ReadOnlyObjectProperty<Customer> customerProperty() {
        return customer;
    }

    public ReadOnlyObjectProperty<CallState> stateProperty() {
        return state;
    }

    public CallState state() {
        return state.get();
    }

    public ReadOnlyObjectProperty<Instant> connectedAtProperty() {
        return connectedAt;
    }

    public ReadOnlyObjectProperty<CallQuality> qualityProperty() {
        return quality;
    }

    public ReadOnlyObjectProperty<MediaEncryption> encryptionProperty() {
        return encryption;
    }

    public ReadOnlyStringProperty authenticationTokenProperty() {
        return authenticationToken;
    }

    public ReadOnlyObjectProperty<Recording> recordingProperty() {
        return recording;
    }

    /** How long the parties talked: from answer to the end (or to {@code now} while it lasts); zero if never answered. */
    public java.time.Duration talkTime(Instant now) {
        Instant from = connectedAt.get();
        if (from == null) {
            return java.time.Duration.ZERO;
        }
        Instant to = endedAt == null ? now : endedAt;
        return to.isBefore(from) ? java.time.Duration.ZERO : java.time.Duration.between(from, to);
    }

    public ReadOnlyStringProperty endReasonProperty() {
        return endReason;
    }

    void remote(String uri, String name) {
        if (!uri.isBlank()) {
            remoteUri.set(uri);
        }
        if (!name.isBlank()) {
            remoteName.set(name);
        }
    }

    void customer(Customer match) {
        customer.set(match);
    }

    void state(CallState newState, String reason, Instant now) {
        if (newState == CallState.ACTIVE && connectedAt.get() == null) {
            connectedAt.set(now);
        }
        if (newState.isTerminal()) {
            endReason.set(reason);
            endedAt = now;
        }
        state.set(newState);
    }

    void quality(CallQuality measured) {
        quality.set(measured);
    }

    void encryption(MediaEncryption newEncryption, String token) {
        encryption.set(newEncryption);
        authenticationToken.set(token);
    }

    void recording(Recording newRecording) {
        recording.set(newRecording);
    }
}
