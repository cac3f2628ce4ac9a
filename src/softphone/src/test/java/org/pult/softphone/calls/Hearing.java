package org.pult.softphone.calls;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import org.pult.siplab.GrowingWav;
import org.pult.siplab.PcmAudio;
import org.pult.siplab.ToneTimeline;
import org.pult.siplab.Tones;
import org.pult.siplab.WavFile;

/**
 * What phones hear during a stretch of wall-clock time: the samples their engines appended to
 * their record files in that stretch ({@link GrowingWav}: the header is zeros until the call ends),
 * analyzed for the standard tones. A record file that was replaced in the meantime (the engine
 * reopens it when streams restart) is read from its start.
 */
final class Hearing {

    /** A tone counts as heard when present in this share of the 100 ms windows. */
    static final double HEARD = 0.6;
    /** ...and as not heard when present in at most this share. */
    static final double NOT_HEARD = 0.15;

    private final Map<TestPhone, GrowingWav> files = new LinkedHashMap<>();

    private Hearing() {
    }

    /** Starts listening: remembers how much each phone has recorded so far. */
    static Hearing start(TestPhone... phones) {
        Hearing hearing = new Hearing();
        for (TestPhone phone : phones) {
            hearing.files.put(phone, GrowingWav.watch(phone.heardFile()));
        }
        return hearing;
    }

    /** Listens for {@code duration} and returns what each phone heard in that time. */
    static Map<TestPhone, ToneTimeline> listen(Duration duration, TestPhone... phones) {
        Hearing hearing = start(phones);
        Commands.pause(duration);
        return hearing.heard();
    }

    Map<TestPhone, ToneTimeline> heard() {
        Map<TestPhone, ToneTimeline> result = new LinkedHashMap<>();
        files.forEach((phone, file) -> result.put(phone, Tones.timeline(file.appended(), Tones.STANDARD)));
        return result;
    }

    /** Asserts {@code listener} heard each of {@code speakers}' tones, and not its own. */
    static void assertHears(Map<TestPhone, ToneTimeline> heard, TestPhone listener, TestPhone... speakers) {
        ToneTimeline timeline = heard.get(listener);
        String context = listener + " heard: " + timeline.describe() + " (" + listener.heardFile() + ")";
        assertThat(timeline.duration()).as(context + "\n-> the engine recorded almost nothing in the last "
                + "stretch").isGreaterThanOrEqualTo(Duration.ofMillis(1000));
        for (TestPhone speaker : speakers) {
            assertThat(timeline.presence(speaker.tone())).as(context + "\n-> should hear " + speaker + " in at least "
                    + percent(HEARD) + " of the time").isGreaterThanOrEqualTo(HEARD);
        }
        assertThat(timeline.presence(listener.tone())).as(context + "\n-> should not hear only itself: its own tone in "
                + "at most " + percent(NOT_HEARD) + " of the time").isLessThanOrEqualTo(NOT_HEARD);
    }

    /** Asserts {@code listener} did not hear any of {@code speakers}' tones. */
    static void assertDoesNotHear(Map<TestPhone, ToneTimeline> heard, TestPhone listener, TestPhone... speakers) {
        ToneTimeline timeline = heard.get(listener);
        String context = listener + " heard: " + timeline.describe() + " (" + listener.heardFile() + ")";
        for (TestPhone speaker : speakers) {
            assertThat(timeline.presence(speaker.tone())).as(context + "\n-> should not hear " + speaker)
                    .isLessThanOrEqualTo(NOT_HEARD);
        }
    }

    /** What the file holds now (8 kHz assumed while its header is unwritten); nothing when it does not exist. */
    static PcmAudio recorded(Path file) {
        try {
            if (!Files.exists(file) || Files.size(file) < 44) {
                return new PcmAudio(8000, new short[0]);
            }
            return WavFile.readUnfinished(file, 8000);
        } catch (java.io.IOException | java.io.UncheckedIOException | IllegalArgumentException e) {
            return new PcmAudio(8000, new short[0]);
        }
    }

    private static String percent(double share) {
        return String.format(Locale.ROOT, "%.0f %%", share * 100);
    }
}
