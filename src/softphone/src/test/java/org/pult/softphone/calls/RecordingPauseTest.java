package org.pult.softphone.calls;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.pult.siplab.PcmAudio;
import org.pult.siplab.ToneTimeline;
import org.pult.siplab.Tones;
import org.pult.siplab.WavFile;

/**
 * Call recording with a pause: bob records, pauses 2 s, resumes. The paused stretch must hold no
 * call audio: either it is silence in the file (what LinphoneSoftphone documents) or it is left
 * out, making the file about 2 s shorter than the wall time.
 */
class RecordingPauseTest extends CallScenario {

    @Test
    void pausedStretchHasNoCallAudio() {
        TestPhone alice = lab.registered("alice");
        TestPhone bob = lab.registered("bob");
        CallLab.Connected call = lab.connect(alice, bob);
        Commands.pause(Duration.ofSeconds(1));
        Path recording = bob.folder().resolve("call-recording.wav");

        Commands.done(bob.engine().startRecording(call.calleeSide(), recording), "bob starts recording");
        long started = System.nanoTime();
        Commands.pause(Duration.ofSeconds(3));
        Commands.done(bob.engine().pauseRecording(call.calleeSide()), "bob pauses the recording");
        Duration pausedAt = since(started);
        Commands.pause(Duration.ofSeconds(2));
        Commands.done(bob.engine().resumeRecording(call.calleeSide()), "bob resumes the recording");
        Duration resumedAt = since(started);
        Commands.pause(Duration.ofSeconds(3));
        Duration stoppedAt = since(started);
        Commands.done(bob.engine().stopRecording(call.calleeSide()), "bob stops the recording");

        assertThat(recording).as("the recording file").isRegularFile();
        PcmAudio audio = WavFile.read(recording);
        ToneTimeline timeline = Tones.timeline(audio, Tones.A, Tones.B);
        String context = "recording " + recording + " (" + audio + "): " + timeline.describe() + "; paused "
                + pausedAt.toMillis() + "-" + resumedAt.toMillis() + " ms, stopped at " + stoppedAt.toMillis() + " ms";
        Duration paused = resumedAt.minus(pausedAt);
        assertThat(timeline.presence(Tones.A, Duration.ZERO, pausedAt.minusMillis(500)))
                .as(context + "\n-> the call (alice's tone) is in the recording before the pause").isGreaterThan(0.6);
        if (audio.duration().compareTo(stoppedAt.minus(paused.dividedBy(2))) >= 0) {
            // The pause is kept as time in the file: a toneless stretch where it was.
            Duration silentFrom = pausedAt.plusMillis(300);
            Duration silentTo = resumedAt.minusMillis(300);
            assertThat(timeline.presence(Tones.A, silentFrom, silentTo) + timeline.presence(Tones.B, silentFrom, silentTo))
                    .as(context + "\n-> no call audio between pause and resume").isLessThanOrEqualTo(0.1);
            assertThat(timeline.presence(Tones.A, resumedAt.plusMillis(500), stoppedAt.minusMillis(300)))
                    .as(context + "\n-> the call is recorded again after resume").isGreaterThan(0.6);
        } else {
            // The pause is left out: the file is shorter by about the pause and has no gap.
            assertThat(audio.duration()).as(context + "\n-> left out about as long as the pause")
                    .isBetween(stoppedAt.minus(paused).minusMillis(1500), stoppedAt.minus(paused).plusMillis(1500));
            assertThat(timeline.longestWithoutTones()).as(context + "\n-> no other gap").isLessThan(Duration.ofMillis(700));
        }
    }

    private static Duration since(long nanos) {
        return Duration.ofNanos(System.nanoTime() - nanos);
    }
}
