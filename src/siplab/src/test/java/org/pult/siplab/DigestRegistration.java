package org.pult.siplab;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.HexFormat;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** A REGISTER answered with digest credentials (qop=auth), as a SIP phone would, for lab tests. */
final class DigestRegistration {

    private static final Pattern PARAMETER = Pattern.compile("(\\w+)=\"?([^\",]*)\"?");

    private DigestRegistration() {
    }

    /** The final response to a REGISTER (Contact sip:user@127.0.0.1:9) retried with credentials after the 401. */
    static Optional<UdpSipProbe.Response> register(int port, String user, String password, Duration timeout) {
        return send(port, user, password, "Contact: <sip:" + user + "@127.0.0.1:9>\r\nExpires: 60\r\n", timeout);
    }

    /** A REGISTER without Contact: the 200 lists the bindings the registrar holds for {@code user}. */
    static Optional<UdpSipProbe.Response> query(int port, String user, String password, Duration timeout) {
        return send(port, user, password, "", timeout);
    }

    private static Optional<UdpSipProbe.Response> send(int port, String user, String password, String headers,
            Duration timeout) {
        Optional<UdpSipProbe.Response> challenge = UdpSipProbe.register(port, user, timeout);
        if (challenge.isEmpty() || challenge.get().status() != 401) {
            return challenge;
        }
        String header = challenge.get().header("WWW-Authenticate").orElseThrow();
        String realm = parameter(header, "realm");
        String nonce = parameter(header, "nonce");
        String uri = "sip:127.0.0.1";
        String cnonce = Long.toHexString(System.nanoTime());
        String nc = "00000001";
        String ha1 = md5(user + ":" + realm + ":" + password);
        String ha2 = md5("REGISTER:" + uri);
        String response = md5(ha1 + ":" + nonce + ":" + nc + ":" + cnonce + ":auth:" + ha2);
        String authorization = "Authorization: Digest username=\"" + user + "\", realm=\"" + realm + "\", nonce=\""
                + nonce + "\", uri=\"" + uri + "\", response=\"" + response + "\", algorithm=MD5, cnonce=\"" + cnonce
                + "\", qop=auth, nc=" + nc + "\r\n";
        String aor = "sip:" + user + "@127.0.0.1";
        return UdpSipProbe.send(port, "REGISTER", uri, aor, aor, headers + authorization, timeout);
    }

    private static String parameter(String header, String name) {
        Matcher matcher = PARAMETER.matcher(header);
        while (matcher.find()) {
            if (matcher.group(1).equalsIgnoreCase(name)) {
                return matcher.group(2);
            }
        }
        throw new IllegalArgumentException("no " + name + " in " + header);
    }

    private static String md5(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("MD5").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new AssertionError(e);
        }
    }
}
