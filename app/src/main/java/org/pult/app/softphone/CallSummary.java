package org.pult.app.softphone;

import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import org.pult.app.i18n.I18n;
import org.pult.softphone.api.CallDirection;
import org.pult.softphone.api.CallQuality;

/**
 * The line a finished call leaves in the customer's conversation notes, in the operator's language:
 * "Incoming call, answered, 2:31 · MOS 4.3, jitter 3 ms, loss 0.0 %, RTT 12 ms".
 */
public final class CallSummary {

    private CallSummary() {
    }

    public static String of(CallModel call, I18n i18n, Instant now) {
        Duration talked = call.talkTime(now);
        boolean answered = call.connectedAtProperty().get() != null;
        String kind = i18n.get(call.direction() == CallDirection.INCOMING ? "call.note.incoming" : "call.note.outgoing");
        String outcome = answered
                ? i18n.get("call.note.answered", talkTime(talked))
                : i18n.get("call.note.notAnswered", call.endReasonProperty().get());
        CallQuality quality = call.qualityProperty().get();
        String text = i18n.get("call.note", kind, call.displayNumber(), outcome);
        if (answered && quality != null) {
            text += " · " + quality(quality, i18n);
        }
        return text;
    }

    /** "2:31": minutes and seconds, as on a phone's display. */
    public static String talkTime(Duration talked) {
        return String.format(Locale.ROOT, "%d:%02d", talked.toMinutes(), talked.toSecondsPart());
    }

    /** "MOS 4.3 · jitter 3 ms · loss 0.0 % · RTT 12 ms", with a dash for what is not measured yet. */
    public static String quality(CallQuality quality, I18n i18n) {
        return i18n.get("softphone.quality", number(quality.mos(), "%.1f"), number(quality.jitterMs(), "%.0f"),
                number(quality.lossPercent(), "%.1f"), number(quality.rttMs(), "%.0f"));
    }

    private static String number(double value, String format) {
        return Double.isNaN(value) ? "–" : String.format(Locale.ROOT, format, value);
    }
}
