package org.pult.app.settings;

import java.util.Locale;
import java.util.Objects;

/**
 * The operator's own settings. {@code backendUrl} is blank when Pult should start its embedded hub;
 * {@code window} is null until the window has been closed once. Secrets never live here: this is
 * a plain file.
 */
public record AppSettings(Locale language, Theme theme, String backendUrl, String lastUsername, WindowBounds window,
        VoiceSettings voice) {

    public AppSettings {
        Objects.requireNonNull(language, "language");
        Objects.requireNonNull(theme, "theme");
        backendUrl = backendUrl == null ? "" : backendUrl.strip();
        lastUsername = lastUsername == null ? "" : lastUsername.strip();
        voice = voice == null ? VoiceSettings.DEFAULTS : voice;
    }

    public AppSettings(Locale language, Theme theme, String backendUrl, String lastUsername, WindowBounds window) {
        this(language, theme, backendUrl, lastUsername, window, VoiceSettings.DEFAULTS);
    }

    public static AppSettings defaults(Locale systemLocale) {
        return new AppSettings(systemLocale, Theme.LIGHT, "", "", null);
    }

    public boolean usesEmbeddedHub() {
        return backendUrl.isEmpty();
    }

    public AppSettings withLanguage(Locale newLanguage) {
        return new AppSettings(newLanguage, theme, backendUrl, lastUsername, window, voice);
    }

    public AppSettings withTheme(Theme newTheme) {
        return new AppSettings(language, newTheme, backendUrl, lastUsername, window, voice);
    }

    public AppSettings withLastUsername(String username) {
        return new AppSettings(language, theme, backendUrl, username, window, voice);
    }

    public AppSettings withBackendUrl(String url) {
        return new AppSettings(language, theme, url, lastUsername, window, voice);
    }

    public AppSettings withWindow(WindowBounds bounds) {
        return new AppSettings(language, theme, backendUrl, lastUsername, bounds, voice);
    }

    public AppSettings withVoice(VoiceSettings newVoice) {
        return new AppSettings(language, theme, backendUrl, lastUsername, window, newVoice);
    }
}
