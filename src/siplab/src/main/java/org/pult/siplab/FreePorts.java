package org.pult.siplab;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.util.HashSet;
import java.util.Set;

/**
 * Ports on 127.0.0.1 that are free right now, never handed out twice by this JVM (so fixtures started
 * in parallel do not collide with each other). Another process may still take one before it is bound;
 * callers that bind late retry with new ports.
 */
public final class FreePorts {

    private static final Set<Integer> HANDED_OUT = new HashSet<>();
    private static final int ATTEMPTS = 200;
    /** Where {@link #udpRange} looks: above the well-known and common service ports, below the ephemeral range. */
    private static final int RANGE_LOW = 20000;
    private static final int RANGE_HIGH = 32000;

    private FreePorts() {
    }

    /** A port free for both UDP and TCP (SIP uses the same number for both). */
    public static synchronized int udpAndTcp() {
        for (int i = 0; i < ATTEMPTS; i++) {
            int port = ephemeralTcpPort();
            if (!HANDED_OUT.contains(port) && isUdpFree(port)) {
                HANDED_OUT.add(port);
                return port;
            }
        }
        throw new IllegalStateException("no port free for both UDP and TCP on 127.0.0.1 after " + ATTEMPTS + " tries");
    }

    /** A port free for TCP. */
    public static synchronized int tcp() {
        for (int i = 0; i < ATTEMPTS; i++) {
            int port = ephemeralTcpPort();
            if (!HANDED_OUT.contains(port)) {
                HANDED_OUT.add(port);
                return port;
            }
        }
        throw new IllegalStateException("no free TCP port on 127.0.0.1 after " + ATTEMPTS + " tries");
    }

    /**
     * The first of {@code count} consecutive ports that are free for UDP right now, below the kernel's
     * ephemeral range (32768 and up on Linux), so that sockets bound to port 0 elsewhere do not land
     * in it. For servers that allocate ports from a range of their own (a TURN server's relays).
     */
    public static synchronized int udpRange(int count) {
        if (count < 1 || count > 1000) {
            throw new IllegalArgumentException("count must be 1..1000: " + count);
        }
        java.util.concurrent.ThreadLocalRandom random = java.util.concurrent.ThreadLocalRandom.current();
        for (int i = 0; i < ATTEMPTS; i++) {
            int first = random.nextInt(RANGE_LOW, RANGE_HIGH - count);
            boolean free = true;
            for (int port = first; port < first + count && free; port++) {
                free = !HANDED_OUT.contains(port) && isUdpFree(port);
            }
            if (free) {
                for (int port = first; port < first + count; port++) {
                    HANDED_OUT.add(port);
                }
                return first;
            }
        }
        throw new IllegalStateException("no " + count + " consecutive free UDP ports on 127.0.0.1 after " + ATTEMPTS
                + " tries");
    }

    /** True when nothing listens on this port for TCP or UDP right now. */
    public static boolean isFree(int port) {
        return isTcpFree(port) && isUdpFree(port);
    }

    private static int ephemeralTcpPort() {
        try (ServerSocket socket = new ServerSocket()) {
            socket.setReuseAddress(false);
            socket.bind(new InetSocketAddress(loopback(), 0));
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot bind any TCP port on 127.0.0.1", e);
        }
    }

    /** With SO_REUSEADDR, as servers bind: connections in TIME_WAIT do not make a port busy. */
    private static boolean isTcpFree(int port) {
        try (ServerSocket socket = new ServerSocket()) {
            socket.setReuseAddress(true);
            socket.bind(new InetSocketAddress(loopback(), port));
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    private static boolean isUdpFree(int port) {
        try (DatagramSocket socket = new DatagramSocket(new InetSocketAddress(loopback(), port))) {
            return socket.getLocalPort() == port;
        } catch (IOException e) {
            return false;
        }
    }

    /** 127.0.0.1 (never ::1, whatever the JVM prefers). */
    static InetAddress loopback() {
        try {
            return InetAddress.getByAddress("localhost", new byte[] {127, 0, 0, 1});
        } catch (java.net.UnknownHostException e) {
            throw new AssertionError(e);
        }
    }
}
