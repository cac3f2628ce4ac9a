package org.pult.siplab;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ToneDetectionTest {

    private static final Duration SECOND = Duration.ofSeconds(1);

    @ParameterizedTest
    @ValueSource(ints = {8000, 16000, 48000})
    void findsTheToneThatIsThereAndNoOther(int rate) {
        PcmAudio audio = Tones.sine(Tones.A, Duration.ofSeconds(2), rate);

        ToneTimeline timeline = Tones.timeline(audio, Tones.STANDARD);

        assertThat(timeline.presence(Tones.A)).isEqualTo(1.0);
        assertThat(timeline.presence(Tones.B)).isZero();
        assertThat(timeline.presence(Tones.C)).isZero();
        assertThat(timeline.presence(Tones.D)).isZero();
        assertThat(timeline.windows().getFirst().shares()[0]).isCloseTo(1.0, within(0.02));
        assertThat(timeline.windows().getFirst().amplitudes()[0]).isCloseTo(Tones.DEFAULT_AMPLITUDE, within(0.01));
    }

    @Test
    void silenceHasNoTone() {
        ToneTimeline timeline = Tones.timeline(Tones.silence(Duration.ofSeconds(2), 8000), Tones.STANDARD);

        assertThat(timeline.silence()).isEqualTo(1.0);
        assertThat(timeline.describe()).isEqualTo("0.0-2.0 s: -");
        assertThat(Tones.contains(Tones.silence(Duration.ofSeconds(2), 8000), Tones.A)).isFalse();
    }

    @Test
    void aFaintHumIsNotATone() {
        PcmAudio hum = Tones.sine(Tones.A, Duration.ofSeconds(2), 8000, 0.0005);

        assertThat(Tones.contains(hum, Tones.A)).isFalse();
    }

    @Test
    void noiseAloneHasNoToneButATonesSurvivesNoise() {
        PcmAudio noise = Tones.noise(Duration.ofSeconds(3), 8000, 0.2, 7);
        PcmAudio noisyTone = Tones.mix(Tones.sine(Tones.C, Duration.ofSeconds(3), 8000), noise);

        assertThat(Tones.timeline(noise, Tones.STANDARD).silence()).isEqualTo(1.0);
        ToneTimeline timeline = Tones.timeline(noisyTone, Tones.STANDARD);
        assertThat(timeline.presence(Tones.C)).as(timeline.describe()).isGreaterThan(0.95);
        assertThat(timeline.presence(Tones.A)).isZero();
        assertThat(timeline.presence(Tones.B)).isZero();
    }

    @Test
    void twoMixedTonesAreBothFound() {
        PcmAudio two = Tones.mix(Tones.sine(Tones.B, Duration.ofSeconds(2), 16000),
                Tones.sine(Tones.C, Duration.ofSeconds(2), 16000));

        ToneTimeline timeline = Tones.timeline(two, Tones.STANDARD);

        assertThat(timeline.presence(Tones.B)).isEqualTo(1.0);
        assertThat(timeline.presence(Tones.C)).isEqualTo(1.0);
        assertThat(timeline.presence(Tones.A)).isZero();
        assertThat(timeline.windows().getFirst().shares()[1]).isCloseTo(0.5, within(0.05));
    }

    @Test
    void timelineShowsAPauseInTheMiddle() {
        PcmAudio audio = Tones.concat(Tones.sine(Tones.A, Duration.ofSeconds(3), 8000),
                Tones.silence(Duration.ofSeconds(2), 8000), Tones.sine(Tones.A, Duration.ofSeconds(3), 8000));

        ToneTimeline timeline = Tones.timeline(audio, Tones.A, Tones.B);

        assertThat(timeline.presence(Tones.A, Duration.ZERO, Duration.ofSeconds(3))).isEqualTo(1.0);
        assertThat(timeline.presence(Tones.A, Duration.ofSeconds(3), Duration.ofSeconds(5))).isZero();
        assertThat(timeline.presence(Tones.A, Duration.ofSeconds(5), Duration.ofSeconds(8))).isEqualTo(1.0);
        assertThat(timeline.longestWithoutTones()).isEqualTo(Duration.ofSeconds(2));
        assertThat(timeline.describe()).isEqualTo("0.0-3.0 s: 440 Hz; 3.0-5.0 s: -; 5.0-8.0 s: 440 Hz");
    }

    @Test
    void toneSurvivesTheG711AlawRoundTrip() {
        PcmAudio coded = G711.alawRoundTrip(Tones.sine(Tones.D, Duration.ofSeconds(2), 8000));

        ToneTimeline timeline = Tones.timeline(coded, Tones.STANDARD);

        assertThat(timeline.presence(Tones.D)).isEqualTo(1.0);
        assertThat(timeline.presence(Tones.A) + timeline.presence(Tones.B) + timeline.presence(Tones.C)).isZero();
    }

    @Test
    void aNeighbourFrequencyIsNotMistakenForTheTone() {
        PcmAudio near = Tones.sine(Tones.A + 60, SECOND, 8000);

        assertThat(Tones.contains(near, Tones.A)).isFalse();
    }
}
