package org.pult.siplab;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.SocketTimeoutException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Hand-written STUN (RFC 5389) and TURN (RFC 5766) requests over UDP, for probing a server on this
 * machine (127.0.0.1 unless told otherwise): a Binding request, and an Allocate with the long-term credential mechanism
 * (unauthenticated first, then again with the realm and nonce the server's 401 named). No
 * retransmissions: loopback does not lose datagrams.
 */
public final class StunProbe {

    private static final int MAGIC_COOKIE = 0x2112A442;
    private static final int BINDING_REQUEST = 0x0001;
    private static final int BINDING_SUCCESS = 0x0101;
    private static final int ALLOCATE_REQUEST = 0x0003;
    private static final int ALLOCATE_SUCCESS = 0x0103;
    private static final int ALLOCATE_ERROR = 0x0113;
    private static final int ATTR_USERNAME = 0x0006;
    private static final int ATTR_MESSAGE_INTEGRITY = 0x0008;
    private static final int ATTR_ERROR_CODE = 0x0009;
    private static final int ATTR_REALM = 0x0014;
    private static final int ATTR_NONCE = 0x0015;
    private static final int ATTR_XOR_RELAYED_ADDRESS = 0x0016;
    private static final int ATTR_REQUESTED_TRANSPORT = 0x0019;
    private static final int ATTR_XOR_MAPPED_ADDRESS = 0x0020;
    private static final int UDP = 17;
    private static final SecureRandom RANDOM = new SecureRandom();

    /**
     * How an Allocate ended.
     *
     * @param status  0 for success, else the STUN error code of the final answer (401, 437, 486, ...)
     * @param relayed the relayed transport address on success
     */
    public record Allocation(int status, Optional<InetSocketAddress> relayed) {
        public boolean succeeded() {
            return status == 0;
        }
    }

    private StunProbe() {
    }

    /** The reflexive address a STUN server on 127.0.0.1:{@code port} saw; empty when it did not answer in time. */
    public static Optional<InetSocketAddress> binding(int port, Duration timeout) {
        return binding(FreePorts.loopback(), port, timeout);
    }

    /** As {@link #binding(int, Duration)} for a server on {@code host} (a local address), sent from that address. */
    public static Optional<InetSocketAddress> binding(InetAddress host, int port, Duration timeout) {
        try (DatagramSocket socket = new DatagramSocket(new InetSocketAddress(host, 0))) {
            byte[] id = transactionId();
            Optional<Message> answer = exchange(socket, new InetSocketAddress(host, port),
                    encode(BINDING_REQUEST, id, new LinkedHashMap<>(), null), id, deadline(timeout));
            return answer.filter(m -> m.type == BINDING_SUCCESS)
                    .flatMap(m -> Optional.ofNullable(m.attributes.get(ATTR_XOR_MAPPED_ADDRESS)))
                    .map(StunProbe::xorAddress);
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    /**
     * Asks a TURN server on 127.0.0.1:{@code port} for a UDP relay as {@code user}; empty when it did not
     * answer in time. The allocation is left to expire (or to the server's stop).
     */
    public static Optional<Allocation> allocate(int port, String user, String password, Duration timeout) {
        return allocate(FreePorts.loopback(), port, user, password, timeout);
    }

    /** As {@link #allocate(int, String, String, Duration)} for a server on {@code host} (a local address). */
    public static Optional<Allocation> allocate(InetAddress host, int port, String user, String password,
            Duration timeout) {
        long deadline = deadline(timeout);
        InetSocketAddress server = new InetSocketAddress(host, port);
        try (DatagramSocket socket = new DatagramSocket(new InetSocketAddress(host, 0))) {
            Map<Integer, byte[]> attributes = new LinkedHashMap<>();
            attributes.put(ATTR_REQUESTED_TRANSPORT, new byte[] {UDP, 0, 0, 0});
            byte[] id = transactionId();
            Optional<Message> challenge = exchange(socket, server, encode(ALLOCATE_REQUEST, id, attributes, null), id,
                    deadline);
            if (challenge.isEmpty()) {
                return Optional.empty();
            }
            if (challenge.get().type != ALLOCATE_ERROR || errorCode(challenge.get()) != 401) {
                return Optional.of(outcome(challenge.get()));
            }
            byte[] realm = challenge.get().attributes.get(ATTR_REALM);
            byte[] nonce = challenge.get().attributes.get(ATTR_NONCE);
            if (realm == null || nonce == null) {
                return Optional.of(new Allocation(401, Optional.empty()));
            }
            attributes.put(ATTR_USERNAME, user.getBytes(StandardCharsets.UTF_8));
            attributes.put(ATTR_REALM, realm);
            attributes.put(ATTR_NONCE, nonce);
            byte[] key = md5(user + ":" + new String(realm, StandardCharsets.UTF_8) + ":" + password);
            id = transactionId();
            return exchange(socket, server, encode(ALLOCATE_REQUEST, id, attributes, key), id, deadline)
                    .map(StunProbe::outcome);
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    private static Allocation outcome(Message answer) {
        if (answer.type == ALLOCATE_SUCCESS) {
            return new Allocation(0, Optional.ofNullable(answer.attributes.get(ATTR_XOR_RELAYED_ADDRESS))
                    .map(StunProbe::xorAddress));
        }
        int code = errorCode(answer);
        return new Allocation(code == 0 ? -1 : code, Optional.empty());
    }

    private static int errorCode(Message message) {
        byte[] value = message.attributes.get(ATTR_ERROR_CODE);
        return value == null || value.length < 4 ? 0 : (value[2] & 0x07) * 100 + (value[3] & 0xff);
    }

    private static long deadline(Duration timeout) {
        return System.nanoTime() + timeout.toNanos();
    }

    private static Optional<Message> exchange(DatagramSocket socket, InetSocketAddress server, byte[] request, byte[] id,
            long deadline) throws IOException {
        socket.send(new DatagramPacket(request, request.length, server));
        byte[] buffer = new byte[2048];
        while (true) {
            long leftMillis = (deadline - System.nanoTime()) / 1_000_000;
            if (leftMillis <= 0) {
                return Optional.empty();
            }
            socket.setSoTimeout((int) Math.min(Integer.MAX_VALUE, leftMillis));
            DatagramPacket packet = new DatagramPacket(buffer, buffer.length);
            try {
                socket.receive(packet);
            } catch (SocketTimeoutException e) {
                return Optional.empty();
            }
            Optional<Message> message = decode(Arrays.copyOf(packet.getData(), packet.getLength()));
            if (message.isPresent() && Arrays.equals(message.get().id, id)) {
                return message;
            }
        }
    }

    private static byte[] transactionId() {
        byte[] id = new byte[12];
        RANDOM.nextBytes(id);
        return id;
    }

    /** A request; with {@code integrityKey}, MESSAGE-INTEGRITY last (no FINGERPRINT: optional for servers). */
    private static byte[] encode(int type, byte[] id, Map<Integer, byte[]> attributes, byte[] integrityKey) {
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        attributes.forEach((attribute, value) -> {
            body.writeBytes(ByteBuffer.allocate(4).putShort((short) attribute.intValue()).putShort((short) value.length)
                    .array());
            body.writeBytes(value);
            body.writeBytes(new byte[(4 - value.length % 4) % 4]);
        });
        int length = body.size() + (integrityKey == null ? 0 : 24);
        ByteBuffer header = ByteBuffer.allocate(20).putShort((short) type).putShort((short) length).putInt(MAGIC_COOKIE)
                .put(id);
        ByteArrayOutputStream message = new ByteArrayOutputStream();
        message.writeBytes(header.array());
        message.writeBytes(body.toByteArray());
        if (integrityKey != null) {
            byte[] hmac = hmacSha1(integrityKey, message.toByteArray());
            message.writeBytes(ByteBuffer.allocate(4).putShort((short) ATTR_MESSAGE_INTEGRITY).putShort((short) 20)
                    .array());
            message.writeBytes(hmac);
        }
        return message.toByteArray();
    }

    private static Optional<Message> decode(byte[] bytes) {
        if (bytes.length < 20) {
            return Optional.empty();
        }
        ByteBuffer buffer = ByteBuffer.wrap(bytes);
        int type = buffer.getShort() & 0xffff;
        int length = buffer.getShort() & 0xffff;
        if (buffer.getInt() != MAGIC_COOKIE || 20 + length > bytes.length) {
            return Optional.empty();
        }
        byte[] id = new byte[12];
        buffer.get(id);
        Map<Integer, byte[]> attributes = new LinkedHashMap<>();
        while (buffer.position() + 4 <= 20 + length) {
            int attribute = buffer.getShort() & 0xffff;
            int size = buffer.getShort() & 0xffff;
            if (buffer.position() + size > bytes.length) {
                return Optional.empty();
            }
            byte[] value = new byte[size];
            buffer.get(value);
            buffer.position(Math.min(bytes.length, buffer.position() + (4 - size % 4) % 4));
            attributes.putIfAbsent(attribute, value);
        }
        return Optional.of(new Message(type, id, attributes));
    }

    /** XOR-MAPPED-ADDRESS and XOR-RELAYED-ADDRESS, IPv4 only (the lab is IPv4). */
    private static InetSocketAddress xorAddress(byte[] value) {
        if (value.length < 8 || value[1] != 0x01) {
            throw new IllegalArgumentException("not an IPv4 XOR address attribute");
        }
        int port = ((value[2] & 0xff) << 8 | (value[3] & 0xff)) ^ (MAGIC_COOKIE >>> 16);
        byte[] address = ByteBuffer.allocate(4).putInt(ByteBuffer.wrap(value, 4, 4).getInt() ^ MAGIC_COOKIE).array();
        try {
            return new InetSocketAddress(InetAddress.getByAddress(address), port);
        } catch (java.net.UnknownHostException e) {
            throw new AssertionError(e);
        }
    }

    private static byte[] md5(String text) {
        try {
            return MessageDigest.getInstance("MD5").digest(text.getBytes(StandardCharsets.UTF_8));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private static byte[] hmacSha1(byte[] key, byte[] data) {
        try {
            Mac mac = Mac.getInstance("HmacSHA1");
            mac.init(new SecretKeySpec(key, "HmacSHA1"));
            return mac.doFinal(data);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private record Message(int type, byte[] id, Map<Integer, byte[]> attributes) {
    }
}
