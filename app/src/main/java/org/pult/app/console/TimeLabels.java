package org.pult.app.console;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import org.pult.app.i18n.I18n;

/** Short, localized times for lists and timelines: "3 min", "14:32", "21 Nov". */
final class TimeLabels {

    private final I18n i18n;
    private final Clock clock;

    TimeLabels(I18n i18n, Clock clock) {
        this.i18n = i18n;
        this.clock = clock;
    }

    /** For the inbox: how long ago, for the last hour; the time today; the date before. */
    String sinceShort(Instant when) {
        Duration age = Duration.between(when, clock.instant());
        if (age.toMinutes() < 1) {
            return i18n.get("time.justNow");
        }
        if (age.toMinutes() < 60) {
            return i18n.get("time.minutesAgo", age.toMinutes());
        }
        ZonedDateTime local = when.atZone(zone());
        if (local.toLocalDate().equals(LocalDate.now(clock.withZone(zone())))) {
            return timeOfDay(when);
        }
        return DateTimeFormatter.ofPattern("d MMM", i18n.locale()).format(local);
    }

    String timeOfDay(Instant when) {
        return DateTimeFormatter.ofLocalizedTime(FormatStyle.SHORT).withLocale(i18n.locale()).format(when.atZone(zone()));
    }

    String dateAndTime(Instant when) {
        return DateTimeFormatter.ofLocalizedDateTime(FormatStyle.MEDIUM, FormatStyle.SHORT)
                .withLocale(i18n.locale()).format(when.atZone(zone()));
    }

    private ZoneId zone() {
        return clock.getZone();
    }
}
