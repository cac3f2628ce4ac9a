package org.pult.app.settings;

/**
 * The operator's sound devices by the engine's device id ("" means the system's default), and
 * whether incoming calls are answered at once (outbound campaigns).
 */
public record VoiceSettings(String microphone, String speaker, String ringer, boolean autoAnswer) {

    public static final VoiceSettings DEFAULTS = new VoiceSettings("", "", "", false);

    public VoiceSettings {
        microphone = microphone == null ? "" : microphone;
        speaker = speaker == null ? "" : speaker;
        ringer = ringer == null ? "" : ringer;
    }

    public VoiceSettings withDevices(String newMicrophone, String newSpeaker, String newRinger) {
        return new VoiceSettings(newMicrophone, newSpeaker, newRinger, autoAnswer);
    }

    public VoiceSettings withAutoAnswer(boolean enabled) {
        return new VoiceSettings(microphone, speaker, ringer, enabled);
    }
}
