#ifndef PULT_ENGINE_PROTOCOL_H
#define PULT_ENGINE_PROTOCOL_H

/*
 * The numbers shared with Java (org.pult.softphone.linphone.EngineProtocol). EngineProtocolTest
 * reads this file and fails when a value differs from its Java twin, so change both together.
 */

/* Start settings: indices into the numbers array. */
#define PULT_SETTING_USE_FILES 0
#define PULT_SETTING_ICE 1
#define PULT_SETTING_TURN 2
#define PULT_SETTING_ENCRYPTION 3
#define PULT_SETTING_ENCRYPTION_MANDATORY 4
#define PULT_SETTING_AUTO_ANSWER 5
#define PULT_SETTING_DTMF_SIP_INFO 6
#define PULT_SETTING_REGISTRATION_EXPIRY 7
#define PULT_SETTING_REGISTRATION_RETRY 8
#define PULT_SETTING_ECHO_CANCELLATION 9
#define PULT_SETTING_COUNT 10

/* Start settings: indices into the texts array. */
#define PULT_TEXT_WORK_DIR 0
#define PULT_TEXT_BIND_ADDRESS 1
#define PULT_TEXT_PLAY_FILE 2
#define PULT_TEXT_RECORD_FILE 3
#define PULT_TEXT_CODECS 4
#define PULT_TEXT_STUN_SERVER 5
#define PULT_TEXT_TURN_USER 6
#define PULT_TEXT_TURN_PASSWORD 7
#define PULT_TEXT_HOLD_MUSIC 8
#define PULT_TEXT_RING_TONE 9
#define PULT_TEXT_COUNT 10

#define PULT_TRANSPORT_UDP 0
#define PULT_TRANSPORT_TCP 1
#define PULT_TRANSPORT_TLS 2

#define PULT_ENCRYPTION_NONE 0
#define PULT_ENCRYPTION_SRTP 1
#define PULT_ENCRYPTION_ZRTP 2
#define PULT_ENCRYPTION_DTLS 3

/* Commands. numbers[0] is the call id where a command names a call. */
#define PULT_COMMAND_REGISTER 1
#define PULT_COMMAND_UNREGISTER 2
#define PULT_COMMAND_DIAL 3
#define PULT_COMMAND_ANSWER 4
#define PULT_COMMAND_REJECT 5
#define PULT_COMMAND_HANG_UP 6
#define PULT_COMMAND_HOLD 7
#define PULT_COMMAND_RESUME 8
#define PULT_COMMAND_MUTE 9
#define PULT_COMMAND_DTMF 10
#define PULT_COMMAND_TRANSFER_BLIND 11
#define PULT_COMMAND_TRANSFER_ATTENDED 12
#define PULT_COMMAND_CONFERENCE 13
#define PULT_COMMAND_START_RECORDING 14
#define PULT_COMMAND_PAUSE_RECORDING 15
#define PULT_COMMAND_RESUME_RECORDING 16
#define PULT_COMMAND_STOP_RECORDING 17
#define PULT_COMMAND_AUDIO_DEVICES 18
#define PULT_COMMAND_SELECT_DEVICES 19

/* Register command texts. */
#define PULT_REGISTER_IDENTITY 0
#define PULT_REGISTER_REGISTRAR 1
#define PULT_REGISTER_USERNAME 2
#define PULT_REGISTER_PASSWORD 3
#define PULT_REGISTER_TRUSTED_CA 4
#define PULT_REGISTER_STUN_SERVER 5
#define PULT_REGISTER_TURN_USER 6
#define PULT_REGISTER_TURN_PASSWORD 7
/* register numbers: 0 transport, 1 ICE on, 2 TURN on */

/* Command outcomes (SoftphoneCommandException.Problem, plus OK). */
#define PULT_PROBLEM_NONE 0
#define PULT_PROBLEM_NO_SUCH_CALL 1
#define PULT_PROBLEM_BAD_ADDRESS 2
#define PULT_PROBLEM_WRONG_STATE 3
#define PULT_PROBLEM_CLOSED 4
#define PULT_PROBLEM_ENGINE_ERROR 5

/* Events: numbers[0] is the kind, numbers[1] the CLOCK_MONOTONIC nanos of the callback. */
#define PULT_EVENT_RESULT 1
#define PULT_EVENT_REGISTRATION 2
#define PULT_EVENT_CALL_STATE 3
#define PULT_EVENT_DTMF 4
#define PULT_EVENT_QUALITY 5
#define PULT_EVENT_ENCRYPTION 6
#define PULT_EVENT_TRANSFER 7
#define PULT_EVENT_LOG 8
#define PULT_EVENT_CLOSED 9
/* Length of the numbers array an event is copied into; bounds the audio devices one result lists. */
#define PULT_EVENT_NUMBERS 72
#define PULT_EVENT_MAX_DEVICES 64

/* Result: numbers[2] request id, [3] problem, [4] value (the call id of a dial), [5] device count,
 * [6 + i] device i's capabilities; texts[0] message, texts[1 + 2i] device id, texts[2 + 2i] its name. */
#define PULT_DEVICE_CAN_CAPTURE 1
#define PULT_DEVICE_CAN_PLAY 2

/* Registration: numbers[2] state; texts[0] reason. */
#define PULT_REGISTRATION_NONE 0
#define PULT_REGISTRATION_IN_PROGRESS 1
#define PULT_REGISTRATION_REGISTERED 2
#define PULT_REGISTRATION_CLEARED 3
#define PULT_REGISTRATION_FAILED 4

/* Call state: numbers[2] call id, [3] state, [4] direction; texts remote URI, display name, reason.
 * Transfer: numbers[2] call id, [3] state. */
#define PULT_CALL_INCOMING 0
#define PULT_CALL_DIALING 1
#define PULT_CALL_RINGING_OUT 2
#define PULT_CALL_ACTIVE 3
#define PULT_CALL_HELD 4
#define PULT_CALL_HELD_BY_REMOTE 5
#define PULT_CALL_ENDED 6
#define PULT_CALL_FAILED 7
#define PULT_DIRECTION_INCOMING 0
#define PULT_DIRECTION_OUTGOING 1

/* DTMF: numbers[2] call id, [3] the digit. Quality: numbers[2] call id, [3..6] IEEE-754 bits of
 * mos, jitter ms, loss percent, rtt ms, [7] the audio stream's PULT_ICE_*. Encryption: numbers[2] call id, [3] PULT_ENCRYPTION_*;
 * texts[0] the ZRTP SAS. Log: numbers[2] level; texts[0] domain, texts[1] message. DEBUG marks
 * warnings and errors that are expected where they come from (no sound card in file mode). */
#define PULT_LOG_DEBUG 0
#define PULT_LOG_WARNING 1
#define PULT_LOG_ERROR 2

/* Quality numbers[7]: where ICE got the audio stream (LinphoneIceState, same order). */
#define PULT_ICE_NOT_USED 0
#define PULT_ICE_FAILED 1
#define PULT_ICE_IN_PROGRESS 2
#define PULT_ICE_HOST 3
#define PULT_ICE_REFLEXIVE 4
#define PULT_ICE_RELAY 5

#endif
