package org.pult.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class LaunchOptionsTest {

    @Test
    void theCommandLineWinsOverTheEnvironment() {
        LaunchOptions options = LaunchOptions.parse(List.of("--backend", "https://a.example"), Map.of("PULT_BACKEND_URL", "https://b.example"));
        assertThat(options.backendUrl()).isEqualTo("https://a.example");
        assertThat(LaunchOptions.parse(List.of(), Map.of("PULT_BACKEND_URL", "https://b.example")).backendUrl()).isEqualTo("https://b.example");
        assertThat(LaunchOptions.parse(List.of("--backend=https://c.example", "--benchmark-startup"), Map.of()))
                .isEqualTo(new LaunchOptions("https://c.example", true));
    }

    @Test
    void anUnknownOptionIsNamedWithTheUsage() {
        assertThatIllegalArgumentException().isThrownBy(() -> LaunchOptions.parse(List.of("--bakend", "x"), Map.of()))
                .withMessageContaining("--bakend").withMessageContaining("Usage");
    }
}
