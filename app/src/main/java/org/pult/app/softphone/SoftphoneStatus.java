package org.pult.app.softphone;

import java.nio.file.Path;
import java.util.concurrent.Executor;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.SimpleObjectProperty;
import org.pult.app.i18n.UserMessage;
import org.pult.softphone.SoftphoneAvailability;
import org.pult.softphone.SoftphoneProbe;

/**
 * What the softphone strip says about the engine on this machine. The probe runs once, in the
 * background, while the operator signs in; a missing engine never stops the rest of the app.
 */
public final class SoftphoneStatus {

    private final SimpleObjectProperty<UserMessage> message = new SimpleObjectProperty<>();

    public void probe(SoftphoneProbe probe, Path workDirectory, Executor background, Executor ui) {
        background.execute(() -> {
            SoftphoneAvailability availability = probe.probe(workDirectory);
            ui.execute(() -> message.set(describe(availability)));
        });
    }

    static UserMessage describe(SoftphoneAvailability availability) {
        return switch (availability) {
            case SoftphoneAvailability.Available available ->
                    UserMessage.of("softphone.status.ready", available.engineVersion());
            case SoftphoneAvailability.Unavailable unavailable -> UserMessage.of(
                    "softphone.status.unavailable." + unavailable.reason().name(), unavailable.reason().installHint());
        };
    }

    public ReadOnlyObjectProperty<UserMessage> messageProperty() {
        return message;
    }
}
