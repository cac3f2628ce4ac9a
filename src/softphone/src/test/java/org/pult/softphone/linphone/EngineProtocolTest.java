package org.pult.softphone.linphone;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** engine_protocol.h and EngineProtocol must agree number for number, or events decode as nonsense. */
class EngineProtocolTest {

    private static final Pattern DEFINE = Pattern.compile("#define PULT_(\\w+) (-?\\d+)");

    @Test
    void everyNumberMatchesItsCTwin() throws IOException, IllegalAccessException {
        Path header = Path.of(System.getProperty("pult.headers.checkedIn")).resolveSibling("src/engine_protocol.h");
        Map<String, Integer> c = new TreeMap<>();
        Matcher matcher = DEFINE.matcher(Files.readString(header));
        while (matcher.find()) {
            c.put(matcher.group(1), Integer.parseInt(matcher.group(2)));
        }
        Map<String, Integer> java = new TreeMap<>();
        for (Field field : EngineProtocol.class.getDeclaredFields()) {
            if (Modifier.isStatic(field.getModifiers()) && field.getType() == int.class) {
                java.put(field.getName(), field.getInt(null));
            }
        }

        assertThat(c).isNotEmpty();
        assertThat(java).isEqualTo(c);
    }
}
