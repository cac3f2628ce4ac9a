package org.pult.app.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;

class DataPathsTest {

    private static final Path USER_HOME = Path.of("/home/op");

    @Test
    void linuxFollowsXdg() {
        assertThat(DataPaths.fromEnvironment(Map.of(), null, "Linux", USER_HOME).home()).isEqualTo(Path.of("/home/op/.local/share/pult"));
        assertThat(DataPaths.fromEnvironment(Map.of("XDG_DATA_HOME", "/data"), null, "Linux", USER_HOME).home()).isEqualTo(Path.of("/data/pult"));
    }

    @Test
    void windowsAndMacUseTheirOwnPlaces() {
        assertThat(DataPaths.fromEnvironment(Map.of("APPDATA", "/c/Users/op/AppData/Roaming"), null, "Windows 11", USER_HOME).home())
                .isEqualTo(Path.of("/c/Users/op/AppData/Roaming/Pult"));
        assertThat(DataPaths.fromEnvironment(Map.of(), null, "Mac OS X", USER_HOME).home())
                .isEqualTo(Path.of("/home/op/Library/Application Support/Pult"));
    }

    @Test
    void pultHomeOverridesAndThePropertyWinsOverIt() {
        assertThat(DataPaths.fromEnvironment(Map.of("PULT_HOME", "/srv/pult"), null, "Linux", USER_HOME).home()).isEqualTo(Path.of("/srv/pult"));
        assertThat(DataPaths.fromEnvironment(Map.of("PULT_HOME", "/srv/pult"), "/tmp/p", "Linux", USER_HOME).home()).isEqualTo(Path.of("/tmp/p"));
    }
}
