package org.pult.app.i18n;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.pult.core.model.Channel;
import org.pult.core.model.ConversationStatus;
import org.pult.core.model.Direction;
import org.pult.core.model.OperatorState;
import org.pult.core.model.Role;
import org.pult.app.softphone.CallModel;
import org.pult.softphone.SoftphoneAvailability;
import org.pult.softphone.api.DialPlan;
import org.pult.softphone.api.MediaEncryption;
import org.pult.softphone.api.SoftphoneCommandException;

/** Every string exists in English and Russian, and every key the code asks for exists. */
class BundleCompletenessTest {

    private static final Pattern KEY_IN_CODE = Pattern.compile("(?:i18n\\.get|UserMessage\\.of|text)\\(\\s*\"([a-zA-Z0-9_.]+)\"");

    @Test
    void englishAndRussianHaveTheSameKeysAndNoBlankValues() throws IOException {
        Properties english = load("messages.properties");
        Properties russian = load("messages_ru.properties");
        assertThat(russian.stringPropertyNames()).isEqualTo(english.stringPropertyNames());
        assertThat(english.stringPropertyNames()).allSatisfy(key -> {
            assertThat(english.getProperty(key)).as("en " + key).isNotBlank();
            assertThat(russian.getProperty(key)).as("ru " + key).isNotBlank();
        });
    }

    @Test
    void russianTextIsActuallyRussian() throws IOException {
        Properties russian = load("messages_ru.properties");
        long cyrillic = russian.stringPropertyNames().stream()
                .filter(key -> russian.getProperty(key).codePoints().anyMatch(c -> Character.UnicodeScript.of(c) == Character.UnicodeScript.CYRILLIC))
                .count();
        assertThat(cyrillic).isGreaterThan(russian.size() * 8L / 10);
    }

    @Test
    void everyKeyUsedInTheCodeExists() throws IOException {
        Set<String> keys = load("messages.properties").stringPropertyNames();
        Set<String> used = new TreeSet<>();
        try (Stream<Path> sources = Files.walk(Path.of("src/main/java"))) {
            for (Path source : sources.filter(path -> path.toString().endsWith(".java")).toList()) {
                Matcher matcher = KEY_IN_CODE.matcher(Files.readString(source));
                while (matcher.find()) {
                    // A key ending in a dot is a prefix completed by an enum; the enum test covers those.
                    if (!matcher.group(1).endsWith(".")) {
                        used.add(matcher.group(1));
                    }
                }
            }
        }
        assertThat(used).hasSizeGreaterThan(40);
        assertThat(keys).containsAll(used);
    }

    @Test
    void everyEnumShownOnScreenHasItsKeys() throws IOException {
        Set<String> keys = load("messages.properties").stringPropertyNames();
        assertPrefixed(keys, "role.", Role.values());
        assertPrefixed(keys, "state.", OperatorState.values());
        assertPrefixed(keys, "channel.", Channel.values());
        assertPrefixed(keys, "status.", ConversationStatus.values());
        assertPrefixed(keys, "direction.", Direction.values());
        assertPrefixed(keys, "softphone.status.unavailable.", SoftphoneAvailability.Reason.values());
        assertPrefixed(keys, "softphone.error.", SoftphoneCommandException.Problem.values());
        assertPrefixed(keys, "softphone.dial.invalid.", DialPlan.Problem.values());
        assertPrefixed(keys, "softphone.encryption.", MediaEncryption.values());
        assertPrefixed(keys, "softphone.recording.", CallModel.Recording.values());
        I18n.SUPPORTED.forEach(locale -> assertThat(keys).contains("language." + locale.getLanguage()));
    }

    private static void assertPrefixed(Set<String> keys, String prefix, Enum<?>[] values) {
        for (Enum<?> value : values) {
            assertThat(keys).contains(prefix + value.name());
        }
    }

    private static Properties load(String name) throws IOException {
        Properties properties = new Properties();
        try (InputStream in = BundleCompletenessTest.class.getResourceAsStream("/org/pult/app/i18n/" + name)) {
            assertThat(in).as(name).isNotNull();
            properties.load(new InputStreamReader(in, StandardCharsets.UTF_8));
        }
        return properties;
    }
}
