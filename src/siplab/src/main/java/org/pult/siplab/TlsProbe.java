package org.pult.siplab;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.time.Duration;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.SSLSocket;

/** Tries a TLS handshake, with host name (IP) verification, against a server on 127.0.0.1. */
public final class TlsProbe {

    /**
     * @param succeeded true when the handshake completed and the certificate was trusted and matched
     * @param problem   why not (the exception's description), empty on success
     */
    public record Outcome(boolean succeeded, String problem) {
    }

    private TlsProbe() {
    }

    public static Outcome handshake(int port, SSLContext client, Duration timeout) {
        try (Socket plain = new Socket();
                SSLSocket socket = connect(plain, port, client, timeout)) {
            SSLParameters parameters = socket.getSSLParameters();
            parameters.setEndpointIdentificationAlgorithm("HTTPS");
            socket.setSSLParameters(parameters);
            socket.startHandshake();
            return new Outcome(true, "");
        } catch (IOException e) {
            return new Outcome(false, describe(e));
        }
    }

    /** Named by the IP literal, so the certificate must carry IP:127.0.0.1. */
    private static SSLSocket connect(Socket plain, int port, SSLContext client, Duration timeout) throws IOException {
        plain.connect(new InetSocketAddress(FreePorts.loopback(), port), (int) timeout.toMillis());
        plain.setSoTimeout((int) timeout.toMillis());
        return (SSLSocket) client.getSocketFactory().createSocket(plain, "127.0.0.1", port, true);
    }

    private static String describe(Throwable e) {
        StringBuilder text = new StringBuilder();
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (!text.isEmpty()) {
                text.append(" <- ");
            }
            text.append(t.getClass().getSimpleName()).append(": ").append(t.getMessage());
        }
        return text.toString();
    }
}
