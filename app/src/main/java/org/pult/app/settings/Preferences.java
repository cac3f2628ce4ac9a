package org.pult.app.settings;

import java.io.IOException;
import java.util.concurrent.Executor;
import java.util.function.UnaryOperator;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.SimpleObjectProperty;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The live settings of the running app. Changes apply at once (the window listens) and are saved
 * in the background; a failed save is logged and the change still holds for this run.
 */
public final class Preferences {

    private static final Logger LOG = LoggerFactory.getLogger(Preferences.class);

    private final SettingsStore store;
    private final Executor background;
    private final ObjectProperty<AppSettings> current;
    private final Object saveLock = new Object();

    public Preferences(SettingsStore store, AppSettings initial, Executor background) {
        this.store = store;
        this.background = background;
        this.current = new SimpleObjectProperty<>(initial);
    }

    public AppSettings get() {
        return current.get();
    }

    public ReadOnlyObjectProperty<AppSettings> settingsProperty() {
        return current;
    }

    public void update(UnaryOperator<AppSettings> change) {
        AppSettings changed = change.apply(current.get());
        if (changed.equals(current.get())) {
            return;
        }
        current.set(changed);
        background.execute(() -> {
            // Saves run in order of the latest value so an older write never lands last.
            synchronized (saveLock) {
                try {
                    store.save(current.get());
                } catch (IOException failure) {
                    LOG.warn("Could not save settings: {}", failure.getMessage());
                }
            }
        });
    }
}
