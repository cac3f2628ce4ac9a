package org.pult.softphone.calls;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.concurrent.atomic.AtomicInteger;

/** A UDP port that reads everything sent to it and never answers (a STUN server that is down but not refusing). */
final class SilentUdpServer implements AutoCloseable {

    private final DatagramSocket socket;
    private final AtomicInteger received = new AtomicInteger();
    private final Thread reader;

    private SilentUdpServer(DatagramSocket socket) {
        this.socket = socket;
        this.reader = Thread.ofVirtual().name("silent-udp-" + socket.getLocalPort()).start(this::drain);
    }

    static SilentUdpServer start(InetAddress address) {
        try {
            return new SilentUdpServer(new DatagramSocket(new InetSocketAddress(address, 0)));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot bind a UDP port on " + address, e);
        }
    }

    /** {@code host:port}, as a server setting. */
    String address() {
        return socket.getLocalAddress().getHostAddress() + ":" + socket.getLocalPort();
    }

    /** Datagrams that arrived so far. */
    int received() {
        return received.get();
    }

    private void drain() {
        byte[] buffer = new byte[2048];
        while (!socket.isClosed()) {
            try {
                socket.receive(new DatagramPacket(buffer, buffer.length));
                received.incrementAndGet();
            } catch (IOException e) {
                return; // closed
            }
        }
    }

    @Override
    public void close() {
        socket.close();
        try {
            reader.join(1000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
