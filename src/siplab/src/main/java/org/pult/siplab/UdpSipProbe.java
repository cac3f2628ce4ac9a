package org.pult.siplab;

import java.io.IOException;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetSocketAddress;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Optional;
import java.util.UUID;

/**
 * Sends one hand-written SIP request over UDP from 127.0.0.1 and returns the first final
 * response (provisional 1xx ones are skipped). No retransmissions: a probe on loopback.
 */
public final class UdpSipProbe {

    /** A response's status line and the whole text. */
    public record Response(int status, String reason, String text) {
        public Optional<String> header(String name) {
            for (String line : text.split("\r\n")) {
                int colon = line.indexOf(':');
                if (colon > 0 && line.substring(0, colon).trim().equalsIgnoreCase(name)) {
                    return Optional.of(line.substring(colon + 1).trim());
                }
            }
            return Optional.empty();
        }
    }

    private UdpSipProbe() {
    }

    /** OPTIONS to the server itself ({@code sip:127.0.0.1:port}). */
    public static Optional<Response> options(int port, Duration timeout) {
        return send(port, "OPTIONS", "sip:127.0.0.1:" + port, "sip:probe@127.0.0.1", "sip:127.0.0.1:" + port, "", timeout);
    }

    /**
     * An unauthenticated REGISTER for {@code user} (Contact {@code sip:user@127.0.0.1:9}); a registrar with
     * digest authentication answers 401.
     */
    public static Optional<Response> register(int port, String user, Duration timeout) {
        return send(port, "REGISTER", "sip:127.0.0.1", "sip:" + user + "@127.0.0.1", "sip:" + user + "@127.0.0.1",
                "Contact: <sip:" + user + "@127.0.0.1:9>\r\nExpires: 60\r\n", timeout);
    }

    /**
     * Sends {@code method} and waits for a final response; empty when none came within {@code timeout}.
     * {@code extraHeaders} (Contact, Expires, ...) is inserted verbatim after Via, Max-Forwards, From, To,
     * Call-ID and CSeq, each line ending in CRLF.
     */
    public static Optional<Response> send(int port, String method, String requestUri, String fromUri, String toUri,
            String extraHeaders, Duration timeout) {
        try (DatagramSocket socket = new DatagramSocket(new InetSocketAddress(FreePorts.loopback(), 0))) {
            int localPort = socket.getLocalPort();
            String callId = UUID.randomUUID() + "@127.0.0.1";
            String request = method + " " + requestUri + " SIP/2.0\r\n"
                    + "Via: SIP/2.0/UDP 127.0.0.1:" + localPort + ";rport;branch=z9hG4bK" + UUID.randomUUID() + "\r\n"
                    + "Max-Forwards: 70\r\n"
                    + "From: <" + fromUri + ">;tag=" + Long.toHexString(System.nanoTime()) + "\r\n"
                    + "To: <" + toUri + ">\r\n"
                    + "Call-ID: " + callId + "\r\n"
                    + "CSeq: 1 " + method + "\r\n"
                    + extraHeaders
                    + "User-Agent: pult-siplab-probe\r\n"
                    + "Content-Length: 0\r\n\r\n";
            byte[] bytes = request.getBytes(StandardCharsets.UTF_8);
            socket.send(new DatagramPacket(bytes, bytes.length, new InetSocketAddress(FreePorts.loopback(), port)));
            long deadline = System.nanoTime() + timeout.toNanos();
            byte[] buffer = new byte[65535];
            while (true) {
                long left = Math.max(1, (deadline - System.nanoTime()) / 1_000_000);
                if (System.nanoTime() >= deadline) {
                    return Optional.empty();
                }
                socket.setSoTimeout((int) Math.min(Integer.MAX_VALUE, left));
                DatagramPacket packet = new DatagramPacket(buffer, buffer.length);
                try {
                    socket.receive(packet);
                } catch (SocketTimeoutException e) {
                    return Optional.empty();
                }
                String text = new String(packet.getData(), 0, packet.getLength(), StandardCharsets.UTF_8);
                Optional<Response> response = parse(text);
                if (response.isPresent() && response.get().status() >= 200) {
                    return response;
                }
            }
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    private static Optional<Response> parse(String text) {
        String[] statusLine = text.split("\r\n", 2)[0].split(" ", 3);
        if (statusLine.length < 2 || !statusLine[0].startsWith("SIP/2.0")) {
            return Optional.empty();
        }
        try {
            return Optional.of(new Response(Integer.parseInt(statusLine[1]), statusLine.length > 2 ? statusLine[2] : "", text));
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }
}
