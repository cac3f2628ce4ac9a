package org.pult.app.platform;

import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;

/**
 * Where Pult keeps its files: settings, the local cache, logs and the embedded hub's data.
 * {@code PULT_HOME} (or {@code -Dpult.home}) overrides the per-OS default, which IT and tests use.
 */
public record DataPaths(Path home) {

    public static DataPaths fromEnvironment() {
        return fromEnvironment(System.getenv(), System.getProperty("pult.home"),
                System.getProperty("os.name", ""), Path.of(System.getProperty("user.home")));
    }

    static DataPaths fromEnvironment(Map<String, String> env, String homeProperty, String osName, Path userHome) {
        if (homeProperty != null && !homeProperty.isBlank()) {
            return new DataPaths(Path.of(homeProperty));
        }
        String pultHome = env.get("PULT_HOME");
        if (pultHome != null && !pultHome.isBlank()) {
            return new DataPaths(Path.of(pultHome));
        }
        String os = osName.toLowerCase(Locale.ROOT);
        if (os.contains("win")) {
            String appData = env.get("APPDATA");
            return new DataPaths((appData != null ? Path.of(appData) : userHome.resolve("AppData/Roaming")).resolve("Pult"));
        }
        if (os.contains("mac")) {
            return new DataPaths(userHome.resolve("Library/Application Support/Pult"));
        }
        String xdg = env.get("XDG_DATA_HOME");
        return new DataPaths((xdg != null && !xdg.isBlank() ? Path.of(xdg) : userHome.resolve(".local/share")).resolve("pult"));
    }

    public Path settingsFile() {
        return home.resolve("settings.properties");
    }

    public Path cacheDirectory() {
        return home.resolve("cache");
    }

    public Path logDirectory() {
        return home.resolve("logs");
    }

    public Path embeddedHubDirectory() {
        return home.resolve("embedded-hub");
    }

    public Path softphoneDirectory() {
        return home.resolve("softphone");
    }
}
