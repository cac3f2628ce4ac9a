package org.pult.softphone.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.SocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.ClosedChannelException;
import java.nio.channels.DatagramChannel;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A UDP relay between one caller and one callee on loopback, for measuring what is on the wire.
 * The caller dials {@code sip:x@127.0.0.1:<callerFacingPort>}; every datagram arriving there is
 * sent on to the callee's SIP port from a second socket, and what the callee sends back to that
 * second socket (belle-sip answers to the source address and port of a request, RFC 3581 rport) goes
 * back to the caller. In-dialog requests (ACK, BYE) follow the Contact headers and bypass the relay,
 * which is fine: only the INVITE transaction is measured.
 *
 * <p>The relay also carries the media: it rewrites the port of {@code m=audio} (and
 * {@code a=rtcp:}) in the SDP of the INVITE and of the callee's answer to ports of its own, so every
 * RTP/RTCP packet of the call passes through it and the first one each way is timestamped.
 * Packets from the callee go out to the caller from the socket the caller sends to, and the other way
 * round, so symmetric RTP latches onto the relay and nothing loops. Content-Length is recomputed.
 *
 * <p>Every timestamp is {@link System#nanoTime()} read right after the datagram was received
 * (or right after it was forwarded), on the relay's receiving thread (one platform thread per socket).
 */
final class SipRelay implements AutoCloseable {

    private static final InetSocketAddress LOOPBACK_ANY = new InetSocketAddress("127.0.0.1", 0);
    private static final Pattern CONTENT_LENGTH = Pattern.compile("(?im)^(content-length|l)[ \\t]*:[ \\t]*\\d+");
    private static final Pattern M_AUDIO = Pattern.compile("^m=audio (\\d+)(.*)$");
    private static final Pattern A_RTCP = Pattern.compile("^a=rtcp:(\\d+)(.*)$");

    /** One SIP datagram the relay passed on. */
    record SipSeen(boolean fromCaller, String firstLine, String cseqMethod, String callId, long receivedNanos,
            long forwardedNanos) {
        boolean isResponse() {
            return firstLine.startsWith("SIP/2.0 ");
        }

        int status() {
            return isResponse() ? Integer.parseInt(firstLine.substring(8, 11)) : 0;
        }

        boolean isRequest(String method) {
            return !isResponse() && firstLine.startsWith(method + " ");
        }
    }

    /** What the relay saw of one call (by Call-ID). */
    static final class CallTrace {
        final String callId;
        final List<SipSeen> sip = new CopyOnWriteArrayList<>();
        final MediaLeg media;
        /** The first INVITE and the first response with SDP as they arrived, before the relay rewrote them. */
        volatile String inviteText;
        volatile String answerText;

        CallTrace(String callId, MediaLeg media) {
            this.callId = callId;
            this.media = media;
        }

        /** The first datagram matching, or null. */
        SipSeen first(java.util.function.Predicate<SipSeen> matches) {
            for (SipSeen seen : sip) {
                if (matches.test(seen)) {
                    return seen;
                }
            }
            return null;
        }

        SipSeen firstInvite() {
            return first(s -> s.fromCaller() && s.isRequest("INVITE"));
        }

        SipSeen firstResponse(int status) {
            return first(s -> !s.fromCaller() && s.status() == status && "INVITE".equals(s.cseqMethod()));
        }
    }

    private final DatagramChannel callerFacing;
    private final DatagramChannel calleeFacing;
    private final InetSocketAddress callee;
    private volatile SocketAddress caller;
    private final Map<String, CallTrace> calls = new ConcurrentHashMap<>();
    private final List<DatagramChannel> channels = new CopyOnWriteArrayList<>();
    private volatile boolean closed;
    private final List<String> problems = new CopyOnWriteArrayList<>();

    SipRelay(int calleeSipPort) {
        try {
            this.callerFacing = open(LOOPBACK_ANY);
            this.calleeFacing = open(LOOPBACK_ANY);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        this.callee = new InetSocketAddress("127.0.0.1", calleeSipPort);
        pump("relay-sip-caller", callerFacing, this::fromCaller);
        pump("relay-sip-callee", calleeFacing, this::fromCallee);
    }

    /** Where the caller dials. */
    int port() {
        return callerFacing.socket().getLocalPort();
    }

    CallTrace trace(String callId) {
        return calls.get(callId);
    }

    /** The calls seen so far, in no particular order. */
    List<CallTrace> traces() {
        return List.copyOf(calls.values());
    }

    /** Calls seen whose INVITE came after {@code nanos}. */
    CallTrace callAfter(long nanos) {
        for (CallTrace trace : calls.values()) {
            SipSeen invite = trace.firstInvite();
            if (invite != null && invite.receivedNanos() >= nanos) {
                return trace;
            }
        }
        return null;
    }

    /** Closes the media sockets of a finished call (its timestamps stay readable). */
    void finish(CallTrace trace) {
        trace.media.close();
    }

    List<String> problems() {
        return problems;
    }

    @Override
    public void close() {
        closed = true;
        for (DatagramChannel channel : channels) {
            try {
                channel.close();
            } catch (IOException e) {
                // closing anyway
            }
        }
    }

    // ---- SIP ---------------------------------------------------------------------------------

    private void fromCaller(ByteBuffer packet, SocketAddress source, long received) throws IOException {
        caller = source;
        String text = StandardCharsets.ISO_8859_1.decode(packet).toString();
        if (text.isBlank()) {
            // A CRLF keep-alive (RFC 5626): pass it on, nothing to measure.
            calleeFacing.send(ByteBuffer.wrap(text.getBytes(StandardCharsets.ISO_8859_1)), callee);
            return;
        }
        Sip sip = Sip.parse(text);
        CallTrace trace = sip.callId == null ? null
                : calls.computeIfAbsent(sip.callId, id -> new CallTrace(id, new MediaLeg(this)));
        if (trace != null && sip.hasSdp() && sip.firstLine.startsWith("INVITE ")) {
            if (trace.inviteText == null) {
                trace.inviteText = text;
            }
            // The caller's offer: the callee is to send to our A side, which forwards to the caller's ports.
            text = sip.withSdp(trace.media.rewriteOffer(sip.body));
        }
        calleeFacing.send(ByteBuffer.wrap(text.getBytes(StandardCharsets.ISO_8859_1)), callee);
        long forwarded = System.nanoTime();
        if (trace != null) {
            trace.sip.add(new SipSeen(true, sip.firstLine, sip.cseqMethod, sip.callId, received, forwarded));
        }
    }

    private void fromCallee(ByteBuffer packet, SocketAddress source, long received) throws IOException {
        String text = StandardCharsets.ISO_8859_1.decode(packet).toString();
        SocketAddress to = caller;
        if (text.isBlank()) {
            if (to != null) {
                callerFacing.send(ByteBuffer.wrap(text.getBytes(StandardCharsets.ISO_8859_1)), to);
            }
            return;
        }
        Sip sip = Sip.parse(text);
        CallTrace trace = sip.callId == null ? null : calls.get(sip.callId);
        if (trace != null && sip.hasSdp() && sip.firstLine.startsWith("SIP/2.0 ")) {
            if (trace.answerText == null) {
                trace.answerText = text;
            }
            // The callee's answer (200 OK, or 183 for early media): the caller is to send to our B side.
            text = sip.withSdp(trace.media.rewriteAnswer(sip.body));
        }
        if (to == null) {
            problems.add("datagram from the callee before any from the caller: " + sip.firstLine);
            return;
        }
        callerFacing.send(ByteBuffer.wrap(text.getBytes(StandardCharsets.ISO_8859_1)), to);
        long forwarded = System.nanoTime();
        if (trace != null) {
            trace.sip.add(new SipSeen(false, sip.firstLine, sip.cseqMethod, sip.callId, received, forwarded));
        } else {
            problems.add("callee sent a datagram for an unknown Call-ID: " + sip.firstLine);
        }
    }

    /** Just enough of a SIP message: first line, Call-ID, CSeq method, body. */
    record Sip(String firstLine, String callId, String cseqMethod, String head, String body, String contentType) {
        static Sip parse(String text) {
            int end = text.indexOf("\r\n\r\n");
            String head = end < 0 ? text : text.substring(0, end);
            String body = end < 0 ? "" : text.substring(end + 4);
            String[] lines = head.split("\r\n");
            String callId = null;
            String cseq = null;
            String type = "";
            for (int i = 1; i < lines.length; i++) {
                String line = lines[i];
                int colon = line.indexOf(':');
                if (colon < 0) {
                    continue;
                }
                String name = line.substring(0, colon).trim().toLowerCase(java.util.Locale.ROOT);
                String value = line.substring(colon + 1).trim();
                switch (name) {
                    case "call-id", "i" -> callId = value;
                    case "cseq" -> {
                        String[] parts = value.split("\\s+");
                        cseq = parts.length > 1 ? parts[1] : null;
                    }
                    case "content-type", "c" -> type = value.toLowerCase(java.util.Locale.ROOT);
                    default -> {
                    }
                }
            }
            return new Sip(lines[0], callId, cseq, head, body, type);
        }

        boolean hasSdp() {
            return !body.isEmpty() && contentType.startsWith("application/sdp");
        }

        String withSdp(String sdp) {
            Matcher length = CONTENT_LENGTH.matcher(head);
            String newHead = length.find()
                    ? length.replaceFirst(Matcher.quoteReplacement(length.group(1) + ": " + sdp.length()))
                    : head + "\r\nContent-Length: " + sdp.length();
            return newHead + "\r\n\r\n" + sdp;
        }
    }

    // ---- media -------------------------------------------------------------------------------

    /**
     * The relay's four media sockets for one call. A side: the callee sends here (ports advertised in
     * the offer the callee gets), forwarded to the caller from the B side. B side: the caller sends
     * here (ports advertised in the answer), forwarded to the callee from the A side.
     */
    static final class MediaLeg {
        private final SipRelay relay;
        private final DatagramChannel[] a; // [rtp, rtcp]
        private final DatagramChannel[] b;
        private volatile InetSocketAddress callerRtp;
        private volatile InetSocketAddress callerRtcp;
        private volatile InetSocketAddress calleeRtp;
        private volatile InetSocketAddress calleeRtcp;
        /** First RTP (not RTCP) datagram each way, 0 until seen; counts of RTP datagrams. */
        volatile long firstRtpFromCallee;
        volatile long firstRtpFromCaller;
        volatile long rtpFromCallee;
        volatile long rtpFromCaller;
        private boolean started;

        MediaLeg(SipRelay relay) {
            this.relay = relay;
            this.a = relay.pair();
            this.b = relay.pair();
        }

        synchronized String rewriteOffer(String sdp) {
            InetSocketAddress[] original = new InetSocketAddress[2];
            String rewritten = rewrite(sdp, a, original);
            if (original[0] != null) {
                callerRtp = original[0];
                callerRtcp = original[1];
                start();
            }
            return rewritten;
        }

        synchronized String rewriteAnswer(String sdp) {
            InetSocketAddress[] original = new InetSocketAddress[2];
            String rewritten = rewrite(sdp, b, original);
            if (original[0] != null) {
                calleeRtp = original[0];
                calleeRtcp = original[1];
                start();
            }
            return rewritten;
        }

        private void start() {
            if (started) {
                return;
            }
            started = true;
            relay.pump("relay-rtp-a", a[0], (packet, source, nanos) -> {
                if (isRtp(packet)) {
                    if (firstRtpFromCallee == 0) {
                        firstRtpFromCallee = nanos;
                    }
                    rtpFromCallee++;
                }
                forward(b[0], packet, callerRtp);
            });
            relay.pump("relay-rtcp-a", a[1], (packet, source, nanos) -> forward(b[1], packet, callerRtcp));
            relay.pump("relay-rtp-b", b[0], (packet, source, nanos) -> {
                if (isRtp(packet)) {
                    if (firstRtpFromCaller == 0) {
                        firstRtpFromCaller = nanos;
                    }
                    rtpFromCaller++;
                }
                forward(a[0], packet, calleeRtp);
            });
            relay.pump("relay-rtcp-b", b[1], (packet, source, nanos) -> forward(a[1], packet, calleeRtcp));
        }

        private static void forward(DatagramChannel from, ByteBuffer packet, InetSocketAddress to) throws IOException {
            if (to != null) {
                from.send(packet, to);
            }
        }

        /** RTP version 2 and not an RTCP packet type (200-204, for rtcp-mux, RFC 5761). */
        static boolean isRtp(ByteBuffer packet) {
            if (packet.remaining() < 12 || (packet.get(packet.position()) & 0xC0) != 0x80) {
                return false;
            }
            int type = packet.get(packet.position() + 1) & 0xFF;
            return type < 192 || type > 223;
        }

        /** Replaces the audio RTP/RTCP ports with {@code ours}; stores the original ones in {@code original}. */
        private static String rewrite(String sdp, DatagramChannel[] ours, InetSocketAddress[] original) {
            String host = "127.0.0.1";
            List<String> out = new ArrayList<>();
            boolean inAudio = false;
            Integer rtp = null;
            Integer rtcp = null;
            for (String line : sdp.split("\r\n", -1)) {
                if (line.startsWith("c=IN IP4 ")) {
                    host = line.substring(9).trim();
                }
                if (line.startsWith("m=")) {
                    inAudio = false;
                    Matcher audio = M_AUDIO.matcher(line);
                    if (audio.matches() && !"0".equals(audio.group(1)) && rtp == null) {
                        inAudio = true;
                        rtp = Integer.parseInt(audio.group(1));
                        line = "m=audio " + localPort(ours[0]) + audio.group(2);
                    }
                } else if (inAudio) {
                    Matcher a = A_RTCP.matcher(line);
                    if (a.matches()) {
                        rtcp = Integer.parseInt(a.group(1));
                        line = "a=rtcp:" + localPort(ours[1]) + a.group(2);
                    }
                }
                out.add(line);
            }
            if (rtp != null) {
                original[0] = new InetSocketAddress(host, rtp);
                original[1] = new InetSocketAddress(host, rtcp != null ? rtcp : rtp + 1);
            }
            return String.join("\r\n", out);
        }

        void close() {
            for (DatagramChannel channel : List.of(a[0], a[1], b[0], b[1])) {
                try {
                    channel.close();
                } catch (IOException e) {
                    // closing anyway
                }
                relay.channels.remove(channel);
            }
        }
    }

    private static int localPort(DatagramChannel channel) {
        return channel.socket().getLocalPort();
    }

    /** Two sockets on consecutive ports, the first even (where a peer without a=rtcp expects RTCP at port + 1). */
    private DatagramChannel[] pair() {
        for (int attempt = 0; attempt < 200; attempt++) {
            DatagramChannel first = null;
            try {
                first = open(LOOPBACK_ANY);
                int port = localPort(first);
                if (port % 2 == 0 && port < 65535) {
                    DatagramChannel second = open(new InetSocketAddress("127.0.0.1", port + 1));
                    return new DatagramChannel[] {first, second};
                }
            } catch (IOException e) {
                // taken: try another
            }
            if (first != null) {
                try {
                    first.close();
                } catch (IOException e) {
                    // ignore
                }
                channels.remove(first);
            }
        }
        throw new IllegalStateException("no free even/odd UDP port pair on 127.0.0.1");
    }

    private DatagramChannel open(InetSocketAddress address) throws IOException {
        DatagramChannel channel = DatagramChannel.open();
        try {
            channel.bind(address);
        } catch (IOException e) {
            channel.close();
            throw e;
        }
        channels.add(channel);
        return channel;
    }

    interface Handler {
        void handle(ByteBuffer packet, SocketAddress source, long receivedNanos) throws IOException;
    }

    private void pump(String name, DatagramChannel channel, Handler handler) {
        Thread.ofPlatform().name(name).daemon().start(() -> {
            ByteBuffer buffer = ByteBuffer.allocateDirect(65536);
            while (!closed && channel.isOpen()) {
                try {
                    buffer.clear();
                    SocketAddress source = channel.receive(buffer);
                    long received = System.nanoTime();
                    buffer.flip();
                    handler.handle(buffer, source, received);
                } catch (ClosedChannelException e) {
                    return;
                } catch (IOException | RuntimeException e) {
                    if (!closed && channel.isOpen()) {
                        problems.add(name + ": " + e);
                    }
                }
            }
        });
    }
}
