package org.pult.softphone.linphone;

import static org.pult.softphone.linphone.EngineProtocol.*;

import java.util.ArrayList;
import java.util.List;
import org.pult.softphone.api.AudioDevice;
import org.pult.softphone.api.CallDirection;
import org.pult.softphone.api.CallId;
import org.pult.softphone.api.CallQuality;
import org.pult.softphone.api.CallState;
import org.pult.softphone.api.MediaEncryption;
import org.pult.softphone.api.RegistrationState;
import org.pult.softphone.api.SoftphoneCommandException.Problem;
import org.pult.softphone.api.SoftphoneEvent;

/** Turns one native event (numbers and texts as engine_protocol.h lays them out) into Java values. */
final class EventDecoder {

    // Indexed by the PULT_* values, which EngineProtocolTest pins.
    private static final CallState[] CALL_STATES = {CallState.INCOMING, CallState.DIALING, CallState.RINGING_OUT,
            CallState.ACTIVE, CallState.HELD, CallState.HELD_BY_REMOTE, CallState.ENDED, CallState.FAILED};
    private static final RegistrationState[] REGISTRATION_STATES = {RegistrationState.NONE,
            RegistrationState.IN_PROGRESS, RegistrationState.REGISTERED, RegistrationState.CLEARED,
            RegistrationState.FAILED};
    /** Indexed by ICE_* (LinphoneIceState's order). */
    private static final CallQuality.IceState[] ICE_STATES = CallQuality.IceState.values();
    private static final MediaEncryption[] ENCRYPTIONS = {MediaEncryption.NONE, MediaEncryption.SRTP,
            MediaEncryption.ZRTP, MediaEncryption.DTLS};
    private static final Problem[] PROBLEMS = {null, Problem.NO_SUCH_CALL, Problem.BAD_ADDRESS, Problem.WRONG_STATE,
            Problem.CLOSED, Problem.ENGINE_ERROR};

    private EventDecoder() {
    }

    static int kind(long[] numbers) {
        return (int) numbers[0];
    }

    /** @return the event for the app, or null for results, log lines and the end of the stream */
    static SoftphoneEvent event(long[] n, byte[][] texts) {
        long nanos = n[1];
        return switch (kind(n)) {
            case EVENT_REGISTRATION -> new SoftphoneEvent.RegistrationChanged(nanos,
                    REGISTRATION_STATES[(int) n[2]], text(texts, 0));
            case EVENT_CALL_STATE -> new SoftphoneEvent.CallStateChanged(nanos, new CallId(n[2]),
                    CALL_STATES[(int) n[3]], n[4] == DIRECTION_INCOMING ? CallDirection.INCOMING : CallDirection.OUTGOING,
                    text(texts, 0), text(texts, 1), text(texts, 2));
            case EVENT_DTMF -> new SoftphoneEvent.DtmfReceived(nanos, new CallId(n[2]), (char) n[3]);
            case EVENT_QUALITY -> new SoftphoneEvent.QualityMeasured(nanos, new CallId(n[2]),
                    new CallQuality(Double.longBitsToDouble(n[3]), Double.longBitsToDouble(n[4]),
                            Double.longBitsToDouble(n[5]), Double.longBitsToDouble(n[6]), ICE_STATES[(int) n[7]]));
            case EVENT_ENCRYPTION -> new SoftphoneEvent.EncryptionChanged(nanos, new CallId(n[2]),
                    ENCRYPTIONS[(int) n[3]], text(texts, 0));
            case EVENT_TRANSFER -> new SoftphoneEvent.TransferProgress(nanos, new CallId(n[2]), CALL_STATES[(int) n[3]]);
            default -> null;
        };
    }

    static long requestId(long[] n) {
        return n[2];
    }

    /** @return the command's problem, or null when it succeeded */
    static Problem problem(long[] n) {
        return PROBLEMS[(int) n[3]];
    }

    static long resultValue(long[] n) {
        return n[4];
    }

    static List<AudioDevice> devices(long[] n, byte[][] texts) {
        int count = (int) n[5];
        List<AudioDevice> devices = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            long capabilities = n[6 + i];
            devices.add(new AudioDevice(text(texts, 1 + 2 * i), text(texts, 2 + 2 * i),
                    (capabilities & DEVICE_CAN_CAPTURE) != 0, (capabilities & DEVICE_CAN_PLAY) != 0));
        }
        return List.copyOf(devices);
    }

    static String text(byte[][] texts, int index) {
        return texts == null || index >= texts.length ? "" : NativeText.decode(texts[index]);
    }
}
