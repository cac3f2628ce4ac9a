package org.pult.app.settings;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SettingsStoreTest {

    @TempDir
    Path home;

    @Test
    void savedSettingsComeBack() throws IOException {
        SettingsStore store = new SettingsStore(home.resolve("settings.properties"), Locale.ENGLISH);
        AppSettings saved = new AppSettings(Locale.forLanguageTag("ru"), Theme.DARK, "https://hub.example:8443", "анна",
                new WindowBounds(-1280.5, 40, 1600, 900, true),
                new VoiceSettings("alsa:USB Headset", "alsa:USB Headset", "pulse:Built-in Speakers", true));
        store.save(saved);
        assertThat(store.load()).isEqualTo(saved);
        assertThat(home.resolve("settings.properties.tmp")).doesNotExist();
    }

    @Test
    void aMissingFileGivesDefaultsWithTheSystemLanguage() {
        AppSettings settings = new SettingsStore(home.resolve("none.properties"), Locale.forLanguageTag("ru")).load();
        assertThat(settings.language().getLanguage()).isEqualTo("ru");
        assertThat(settings.usesEmbeddedHub()).isTrue();
    }

    @Test
    void aDamagedFileFallsBackToDefaultsInsteadOfFailing() throws IOException {
        Path file = home.resolve("settings.properties");
        Files.write(file, new byte[] {'t', 'h', 'e', 'm', 'e', '=', '\\', 'u', 'Z', 'Z'});
        AppSettings settings = new SettingsStore(file, Locale.ENGLISH).load();
        assertThat(settings).isEqualTo(AppSettings.defaults(Locale.ENGLISH));
    }

    @Test
    void aMalformedWindowPositionIsForgottenAndTheRestKept() throws IOException {
        Path file = home.resolve("settings.properties");
        Files.writeString(file, "window=10,20,wide,600,false\nlast.username=james\n");
        AppSettings settings = new SettingsStore(file, Locale.ENGLISH).load();
        assertThat(settings.window()).isNull();
        assertThat(settings.lastUsername()).isEqualTo("james");
        Files.writeString(file, "window=10,20,0,600,false\n");
        assertThat(new SettingsStore(file, Locale.ENGLISH).load().window()).isNull();
    }

    @Test
    void anUnknownThemeKeepsTheRest() throws IOException {
        Path file = home.resolve("settings.properties");
        Files.writeString(file, "theme=PURPLE\nlast.username=james\n");
        AppSettings settings = new SettingsStore(file, Locale.ENGLISH).load();
        assertThat(settings.theme()).isEqualTo(Theme.LIGHT);
        assertThat(settings.lastUsername()).isEqualTo("james");
    }
}
