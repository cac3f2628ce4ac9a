package org.pult.siplab;

import java.io.IOException;
import java.net.DatagramSocket;
import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.Optional;

/** This machine's addresses other than loopback, for lab parts that cannot live on 127.0.0.1. */
public final class HostAddresses {

    /** Any public address: only the route to it matters, nothing is sent (liblinphone asks the same way). */
    private static final InetSocketAddress PUBLIC = new InetSocketAddress("87.98.157.38", 5060);

    private HostAddresses() {
    }

    /**
     * The IPv4 address this machine sends from towards the internet (the one with the default route),
     * found by connecting a UDP socket, which sends nothing; empty when there is no such route.
     * liblinphone 5.1 offers exactly this address (and never a loopback one) as an ICE host candidate.
     */
    public static Optional<InetAddress> defaultRouteIpv4() {
        try (DatagramSocket socket = new DatagramSocket()) {
            socket.connect(PUBLIC);
            InetAddress local = socket.getLocalAddress();
            if (local instanceof Inet4Address && !local.isAnyLocalAddress() && !local.isLoopbackAddress()) {
                return Optional.of(local);
            }
            return Optional.empty();
        } catch (IOException | RuntimeException e) {
            return Optional.empty();
        }
    }
}
