package org.pult.softphone.linphone;

/**
 * The numbers shared with softphone-native (src/engine_protocol.h, where each is explained).
 * EngineProtocolTest compares the two files, so change both together.
 */
final class EngineProtocol {

    private EngineProtocol() {
    }

    static final int SETTING_USE_FILES = 0;
    static final int SETTING_ICE = 1;
    static final int SETTING_TURN = 2;
    static final int SETTING_ENCRYPTION = 3;
    static final int SETTING_ENCRYPTION_MANDATORY = 4;
    static final int SETTING_AUTO_ANSWER = 5;
    static final int SETTING_DTMF_SIP_INFO = 6;
    static final int SETTING_REGISTRATION_EXPIRY = 7;
    static final int SETTING_REGISTRATION_RETRY = 8;
    static final int SETTING_ECHO_CANCELLATION = 9;
    static final int SETTING_COUNT = 10;
    static final int TEXT_WORK_DIR = 0;
    static final int TEXT_BIND_ADDRESS = 1;
    static final int TEXT_PLAY_FILE = 2;
    static final int TEXT_RECORD_FILE = 3;
    static final int TEXT_CODECS = 4;
    static final int TEXT_STUN_SERVER = 5;
    static final int TEXT_TURN_USER = 6;
    static final int TEXT_TURN_PASSWORD = 7;
    static final int TEXT_HOLD_MUSIC = 8;
    static final int TEXT_RING_TONE = 9;
    static final int TEXT_COUNT = 10;
    static final int TRANSPORT_UDP = 0;
    static final int TRANSPORT_TCP = 1;
    static final int TRANSPORT_TLS = 2;
    static final int ENCRYPTION_NONE = 0;
    static final int ENCRYPTION_SRTP = 1;
    static final int ENCRYPTION_ZRTP = 2;
    static final int ENCRYPTION_DTLS = 3;
    static final int COMMAND_REGISTER = 1;
    static final int COMMAND_UNREGISTER = 2;
    static final int COMMAND_DIAL = 3;
    static final int COMMAND_ANSWER = 4;
    static final int COMMAND_REJECT = 5;
    static final int COMMAND_HANG_UP = 6;
    static final int COMMAND_HOLD = 7;
    static final int COMMAND_RESUME = 8;
    static final int COMMAND_MUTE = 9;
    static final int COMMAND_DTMF = 10;
    static final int COMMAND_TRANSFER_BLIND = 11;
    static final int COMMAND_TRANSFER_ATTENDED = 12;
    static final int COMMAND_CONFERENCE = 13;
    static final int COMMAND_START_RECORDING = 14;
    static final int COMMAND_PAUSE_RECORDING = 15;
    static final int COMMAND_RESUME_RECORDING = 16;
    static final int COMMAND_STOP_RECORDING = 17;
    static final int COMMAND_AUDIO_DEVICES = 18;
    static final int COMMAND_SELECT_DEVICES = 19;
    static final int REGISTER_IDENTITY = 0;
    static final int REGISTER_REGISTRAR = 1;
    static final int REGISTER_USERNAME = 2;
    static final int REGISTER_PASSWORD = 3;
    static final int REGISTER_TRUSTED_CA = 4;
    static final int REGISTER_STUN_SERVER = 5;
    static final int REGISTER_TURN_USER = 6;
    static final int REGISTER_TURN_PASSWORD = 7;
    static final int PROBLEM_NONE = 0;
    static final int PROBLEM_NO_SUCH_CALL = 1;
    static final int PROBLEM_BAD_ADDRESS = 2;
    static final int PROBLEM_WRONG_STATE = 3;
    static final int PROBLEM_CLOSED = 4;
    static final int PROBLEM_ENGINE_ERROR = 5;
    static final int EVENT_RESULT = 1;
    static final int EVENT_REGISTRATION = 2;
    static final int EVENT_CALL_STATE = 3;
    static final int EVENT_DTMF = 4;
    static final int EVENT_QUALITY = 5;
    static final int EVENT_ENCRYPTION = 6;
    static final int EVENT_TRANSFER = 7;
    static final int EVENT_LOG = 8;
    static final int EVENT_CLOSED = 9;
    static final int EVENT_NUMBERS = 72;
    static final int EVENT_MAX_DEVICES = 64;
    static final int DEVICE_CAN_CAPTURE = 1;
    static final int DEVICE_CAN_PLAY = 2;
    static final int REGISTRATION_NONE = 0;
    static final int REGISTRATION_IN_PROGRESS = 1;
    static final int REGISTRATION_REGISTERED = 2;
    static final int REGISTRATION_CLEARED = 3;
    static final int REGISTRATION_FAILED = 4;
    static final int CALL_INCOMING = 0;
    static final int CALL_DIALING = 1;
    static final int CALL_RINGING_OUT = 2;
    static final int CALL_ACTIVE = 3;
    static final int CALL_HELD = 4;
    static final int CALL_HELD_BY_REMOTE = 5;
    static final int CALL_ENDED = 6;
    static final int CALL_FAILED = 7;
    static final int DIRECTION_INCOMING = 0;
    static final int DIRECTION_OUTGOING = 1;
    static final int LOG_DEBUG = 0;
    static final int LOG_WARNING = 1;
    static final int LOG_ERROR = 2;
    static final int ICE_NOT_USED = 0;
    static final int ICE_FAILED = 1;
    static final int ICE_IN_PROGRESS = 2;
    static final int ICE_HOST = 3;
    static final int ICE_REFLEXIVE = 4;
    static final int ICE_RELAY = 5;
}
