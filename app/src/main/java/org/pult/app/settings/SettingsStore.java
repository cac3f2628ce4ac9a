package org.pult.app.settings;

import java.io.IOException;
import java.io.Reader;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Locale;
import java.util.Properties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads and writes {@code settings.properties}. A damaged or unreadable file never stops Pult:
 * it falls back to defaults and logs why; writes go through a temp file so a crash mid-write
 * leaves the previous settings intact.
 */
public final class SettingsStore {

    private static final Logger LOG = LoggerFactory.getLogger(SettingsStore.class);
    private static final String LANGUAGE = "language";
    private static final String THEME = "theme";
    private static final String BACKEND_URL = "backend.url";
    private static final String LAST_USERNAME = "last.username";
    private static final String WINDOW = "window";
    private static final String MICROPHONE = "voice.microphone";
    private static final String SPEAKER = "voice.speaker";
    private static final String RINGER = "voice.ringer";
    private static final String AUTO_ANSWER = "voice.autoAnswer";

    private final Path file;
    private final Locale systemLocale;

    public SettingsStore(Path file, Locale systemLocale) {
        this.file = file;
        this.systemLocale = systemLocale;
    }

    public AppSettings load() {
        AppSettings defaults = AppSettings.defaults(systemLocale);
        if (!Files.isRegularFile(file)) {
            return defaults;
        }
        Properties properties = new Properties();
        try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            properties.load(reader);
        } catch (IOException | IllegalArgumentException unreadable) {
            LOG.warn("Settings file {} is unreadable; using defaults: {}", file, unreadable.getMessage());
            return defaults;
        }
        return new AppSettings(
                languageOf(properties.getProperty(LANGUAGE), defaults.language()),
                themeOf(properties.getProperty(THEME), defaults.theme()),
                properties.getProperty(BACKEND_URL, defaults.backendUrl()),
                properties.getProperty(LAST_USERNAME, defaults.lastUsername()),
                windowOf(properties.getProperty(WINDOW)),
                new VoiceSettings(properties.getProperty(MICROPHONE), properties.getProperty(SPEAKER),
                        properties.getProperty(RINGER), Boolean.parseBoolean(properties.getProperty(AUTO_ANSWER, "false").strip())));
    }

    public void save(AppSettings settings) throws IOException {
        Properties properties = new Properties();
        properties.setProperty(LANGUAGE, settings.language().toLanguageTag());
        properties.setProperty(THEME, settings.theme().name());
        properties.setProperty(BACKEND_URL, settings.backendUrl());
        properties.setProperty(LAST_USERNAME, settings.lastUsername());
        properties.setProperty(MICROPHONE, settings.voice().microphone());
        properties.setProperty(SPEAKER, settings.voice().speaker());
        properties.setProperty(RINGER, settings.voice().ringer());
        properties.setProperty(AUTO_ANSWER, Boolean.toString(settings.voice().autoAnswer()));
        WindowBounds window = settings.window();
        if (window != null) {
            properties.setProperty(WINDOW, window.x() + "," + window.y() + "," + window.width() + ","
                    + window.height() + "," + window.maximized());
        }
        Files.createDirectories(file.toAbsolutePath().getParent());
        Path temp = file.resolveSibling(file.getFileName() + ".tmp");
        try (Writer writer = Files.newBufferedWriter(temp, StandardCharsets.UTF_8)) {
            properties.store(writer, "Pult operator settings");
        }
        try {
            Files.move(temp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (AtomicMoveNotSupportedException notAtomic) {
            Files.move(temp, file, StandardCopyOption.REPLACE_EXISTING);
        }
    }

    private static Locale languageOf(String tag, Locale fallback) {
        return tag == null || tag.isBlank() ? fallback : Locale.forLanguageTag(tag.strip());
    }

    /** "x,y,width,height,maximized"; anything else (hand-edited, truncated) means "not known". */
    private static WindowBounds windowOf(String text) {
        if (text == null) {
            return null;
        }
        String[] parts = text.split(",");
        try {
            if (parts.length == 5) {
                WindowBounds bounds = new WindowBounds(Double.parseDouble(parts[0]), Double.parseDouble(parts[1]),
                        Double.parseDouble(parts[2]), Double.parseDouble(parts[3]), Boolean.parseBoolean(parts[4].strip()));
                if (bounds.width() > 0 && bounds.height() > 0) {
                    return bounds;
                }
            }
        } catch (NumberFormatException malformed) {
            // Falls through to the warning below.
        }
        LOG.warn("Ignoring malformed window position '{}' in settings", text);
        return null;
    }

    private static Theme themeOf(String name, Theme fallback) {
        if (name == null) {
            return fallback;
        }
        try {
            return Theme.valueOf(name.strip());
        } catch (IllegalArgumentException unknown) {
            LOG.warn("Unknown theme '{}' in settings; using {}", name, fallback);
            return fallback;
        }
    }
}
