package org.pult.siplab;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * Datagrams a SIP stack must survive: random bytes, truncated and malformed requests (bad Via,
 * absurd Content-Length, broken URIs, NUL bytes, a 60 KB header), stray responses and in-dialog
 * requests for dialogs that do not exist. None is a valid new call.
 */
public final class SipGarbage {

    private SipGarbage() {
    }

    /** The hand-made malformed messages followed by {@code randomCount} random byte strings. */
    public static List<byte[]> corpus(long seed, int randomCount) {
        Random random = new Random(seed);
        List<byte[]> datagrams = new ArrayList<>();
        for (String text : malformedMessages(random)) {
            datagrams.add(text.getBytes(StandardCharsets.ISO_8859_1));
        }
        datagrams.add(new byte[0]);
        datagrams.add(new byte[] {0});
        byte[] huge = new byte[60_000];
        java.util.Arrays.fill(huge, (byte) 'A');
        byte[] prefix = ("OPTIONS sip:x@127.0.0.1 SIP/2.0\r\nX-Long: ").getBytes(StandardCharsets.US_ASCII);
        System.arraycopy(prefix, 0, huge, 0, prefix.length);
        datagrams.add(huge);
        for (int i = 0; i < randomCount; i++) {
            byte[] bytes = new byte[1 + random.nextInt(1400)];
            random.nextBytes(bytes);
            if (i % 3 == 0) {
                byte[] start = "INVITE sip:".getBytes(StandardCharsets.US_ASCII);
                System.arraycopy(start, 0, bytes, 0, Math.min(start.length, bytes.length));
            }
            datagrams.add(bytes);
        }
        return datagrams;
    }

    /** Sends every datagram to 127.0.0.1:{@code port}, 1 ms apart; returns how many were sent. */
    public static int sendTo(int port, List<byte[]> datagrams) {
        int sent = 0;
        try (DatagramSocket socket = new DatagramSocket(new InetSocketAddress(FreePorts.loopback(), 0))) {
            InetSocketAddress target = new InetSocketAddress(FreePorts.loopback(), port);
            for (byte[] datagram : datagrams) {
                socket.send(new DatagramPacket(datagram, datagram.length, target));
                sent++;
                Thread.sleep(1);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot send garbage to port " + port + " after " + sent + " datagrams", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return sent;
    }

    private static List<String> malformedMessages(Random random) {
        String callId = Long.toHexString(random.nextLong());
        String headers = "From: <sip:garbage@127.0.0.1>;tag=g1\r\nTo: <sip:victim@127.0.0.1>\r\nCall-ID: " + callId
                + "@garbage\r\nMax-Forwards: 70\r\n";
        String via = "Via: SIP/2.0/UDP 127.0.0.1:9;branch=z9hG4bK" + callId + "\r\n";
        String sdpBroken = "v=0\r\no=- x y IN IP4\r\ns\r\nc=IN IP4 999.1.1.1\r\nm=audio notaport RTP/AVP x\r\n";
        return List.of(
                "INVITE",
                "INVITE sip:victim@127.0.0.1 SIP/2.0\r\n\r\n",
                "INVITE sip:victim@127.0.0.1 SIP/2.0\r\nVia: SIP/2.0/UDP\r\n" + headers + "CSeq: 1 INVITE\r\nContent-Length: 0\r\n\r\n",
                "INVITE sip:victim@127.0.0.1 SIP/2.0\r\nVia: garbage;;;===\r\n" + headers + "CSeq: 1 INVITE\r\nContent-Length: 0\r\n\r\n",
                "INVITE sip:victim@127.0.0.1 SIP/2.0\r\nVia: SIP/2.0/UDP 127.0.0.1:99999;branch=z9hG4bKx\r\n" + headers
                        + "CSeq: 1 INVITE\r\nContent-Length: 0\r\n\r\n",
                "INVITE sip:victim@127.0.0.1 SIP/2.0\r\n" + via + headers + "CSeq: 1 INVITE\r\nContent-Length: 999999\r\n\r\nv=0\r\n",
                "INVITE sip:victim@127.0.0.1 SIP/2.0\r\n" + via + headers + "CSeq: 1 INVITE\r\nContent-Length: -5\r\n\r\n",
                "INVITE sip:victim@127.0.0.1 SIP/2.0\r\n" + via + headers + "CSeq: 99999999999999999999999 INVITE\r\nContent-Length: 0\r\n\r\n",
                "INVITE sip:victim@127.0.0.1 SIP/2.0\r\n" + via + headers + "CSeq: 1 BYE\r\nContent-Length: 0\r\n\r\n",
                "INVITE sip:victim@127.0.0.1 SIP/2.0\r\n" + via + headers + "CSeq: 2 INVITE\r\nContent-Type: application/sdp\r\nContent-Length: "
                        + sdpBroken.length() + "\r\n\r\n" + sdpBroken,
                "INVITE sip:%%%@@@[[[ SIP/2.0\r\n" + via + headers + "CSeq: 1 INVITE\r\nContent-Length: 0\r\n\r\n",
                "INVITE sip:victim@127.0.0.1 SIP/3.0\r\n" + via + headers + "CSeq: 1 INVITE\r\nContent-Length: 0\r\n\r\n",
                "INVITE sip:victim@127.0.0.1 SIP/2.0\r\n" + via + "From: \"\u00ff\u00fe\u0000\u0001\" <sip:x@127.0.0.1>;tag=1\r\nTo: <sip:victim@127.0.0.1>\r\nCall-ID: nul\u0000byte\r\nCSeq: 1 INVITE\r\nContent-Length: 0\r\n\r\n",
                "INVITE sip:victim@127.0.0.1 SIP/2.0\r\n" + via + "CSeq: 1 INVITE\r\n\r\n",
                "BYE sip:victim@127.0.0.1 SIP/2.0\r\n" + via + headers.replace("To: <sip:victim@127.0.0.1>", "To: <sip:victim@127.0.0.1>;tag=nope")
                        + "CSeq: 5 BYE\r\nContent-Length: 0\r\n\r\n",
                "CANCEL sip:victim@127.0.0.1 SIP/2.0\r\n" + via + headers + "CSeq: 1 CANCEL\r\nContent-Length: 0\r\n\r\n",
                "ACK sip:victim@127.0.0.1 SIP/2.0\r\n" + via + headers + "CSeq: 1 ACK\r\nContent-Length: 0\r\n\r\n",
                "NOTIFY sip:victim@127.0.0.1 SIP/2.0\r\n" + via + headers + "CSeq: 1 NOTIFY\r\nEvent: refer\r\nContent-Type: message/sipfrag\r\nContent-Length: 8\r\n\r\nSIP/2.0 ",
                "SIP/2.0 200 OK\r\n" + via + headers + "CSeq: 1 INVITE\r\nContent-Length: 0\r\n\r\n",
                "SIP/2.0 999999 Whatever\r\n\r\n",
                "\r\n\r\n",
                "GET / HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n");
    }
}
