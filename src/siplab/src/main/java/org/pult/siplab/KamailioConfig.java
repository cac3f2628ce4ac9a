package org.pult.siplab;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Writes the files one Kamailio fixture runs from: {@code kamailio.cfg} (generated {@code #!substdef}
 * header + the template resource), {@code tls.cfg} and {@code users.cfg} (the digest passwords,
 * readable by the owner only, never logged).
 */
final class KamailioConfig {

    static final String TEMPLATE = "kamailio.cfg";
    private static final Pattern USER_NAME = Pattern.compile("[A-Za-z0-9._~+-]+");

    private KamailioConfig() {
    }

    /** Refuses names and passwords that could not be written safely into the config's string literals. */
    static void validate(Map<String, String> users) {
        users.forEach((user, password) -> {
            if (!USER_NAME.matcher(user).matches()) {
                throw new IllegalArgumentException("SIP user name '" + user + "' must match " + USER_NAME.pattern());
            }
            for (char c : password.toCharArray()) {
                if (c == '"' || c == '\\' || c < 0x20 || c == 0x7f) {
                    throw new IllegalArgumentException("the password of '" + user
                            + "' contains a quote, backslash or control character, which the lab cannot store");
                }
            }
        });
    }

    /** Writes everything into {@code directory} and returns the path of kamailio.cfg. */
    static Path write(Path directory, Map<String, String> users, int udpTcpPort, int tlsPort, TestCa ca,
            Duration minExpires, Duration maxExpires) {
        Path tlsCfg = directory.resolve("tls.cfg");
        Path usersCfg = directory.resolve("users.cfg");
        Path kamailioCfg = directory.resolve("kamailio.cfg");
        writeString(tlsCfg, """
                [server:default]
                method = TLSv1.2+
                verify_certificate = no
                require_certificate = no
                private_key = %s
                certificate = %s

                [client:default]
                method = TLSv1.2+
                verify_certificate = no
                require_certificate = no
                """.formatted(ca.serverKey(), ca.serverCertificate()));
        writeSecret(usersCfg, usersRoute(users));
        String header = String.join("\n",
                substdef("LAB_DOMAIN", Kamailio.DOMAIN),
                substdef("LAB_UDP_PORT", Integer.toString(udpTcpPort)),
                substdef("LAB_TCP_PORT", Integer.toString(udpTcpPort)),
                substdef("LAB_TLS_PORT", Integer.toString(tlsPort)),
                substdef("LAB_TLS_CFG", tlsCfg.toString()),
                substdef("LAB_USERS_CFG", usersCfg.toString()),
                substdef("LAB_MIN_EXPIRES", Long.toString(minExpires.toSeconds())),
                substdef("LAB_MAX_EXPIRES", Long.toString(maxExpires.toSeconds())),
                "");
        writeString(kamailioCfg, header + template());
        return kamailioCfg;
    }

    private static String usersRoute(Map<String, String> users) {
        StringBuilder route = new StringBuilder("event_route[htable:mod-init] {\n");
        users.forEach((user, password) ->
                route.append("\t$sht(users=>").append(user).append(") = \"").append(password).append("\";\n"));
        route.append("\txlog(\"L_INFO\", \"lab: ").append(users.size()).append(" users loaded\\n\");\n}\n");
        return route.toString();
    }

    private static String substdef(String name, String value) {
        if (value.indexOf('!') >= 0) {
            throw new IllegalArgumentException(name + " must not contain '!': " + value);
        }
        return "#!substdef \"!" + name + "!" + value + "!g\"";
    }

    private static String template() {
        try (InputStream in = KamailioConfig.class.getResourceAsStream(TEMPLATE)) {
            if (in == null) {
                throw new IllegalStateException("resource org/pult/siplab/" + TEMPLATE + " is missing from the siplab jar");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void writeString(Path file, String text) {
        try {
            Files.writeString(file, text);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file, e);
        }
    }

    private static void writeSecret(Path file, String text) {
        try {
            Files.deleteIfExists(file);
            Files.createFile(file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
            Files.writeString(file, text);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file, e);
        }
    }
}
