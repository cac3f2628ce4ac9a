package org.pult.siplab;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;

/**
 * A throw-away certificate authority made with the {@code openssl} command line, and a server
 * certificate it signed for 127.0.0.1 (subjectAltName IP:127.0.0.1, DNS:localhost, and also
 * DNS:127.0.0.1 because mbedTLS 2.x — what Debian's liblinphone uses — matches a host name only
 * against dNSName entries and ignores iPAddress ones). Each instance is a new, unrelated CA: a
 * second one is the "wrong CA" a client must refuse.
 */
public final class TestCa {

    private static final Duration OPENSSL_TIMEOUT = Duration.ofSeconds(60);

    private final Path directory;
    private final String name;

    private TestCa(Path directory, String name) {
        this.directory = directory;
        this.name = name;
    }

    /** Creates the CA and the server certificate in {@code directory} (created if missing). */
    public static TestCa create(Path directory) {
        try {
            Files.createDirectories(directory);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create " + directory, e);
        }
        String name = "Pult Test CA " + UUID.randomUUID().toString().substring(0, 8);
        TestCa ca = new TestCa(directory, name);
        ca.generate();
        return ca;
    }

    /** PEM of the CA certificate: what a client must trust. */
    public Path caPem() {
        return directory.resolve("ca.pem");
    }

    /** PEM of the server certificate for 127.0.0.1 / localhost, signed by this CA. */
    public Path serverCertificate() {
        return directory.resolve("server.pem");
    }

    /** PEM of the server's private key (unencrypted). */
    public Path serverKey() {
        return directory.resolve("server.key");
    }

    /** The CA's subject common name, unique per instance. */
    public String name() {
        return name;
    }

    public Path directory() {
        return directory;
    }

    /** A TLS client context trusting exactly this CA. */
    public SSLContext clientContext() {
        try (InputStream in = Files.newInputStream(caPem())) {
            X509Certificate certificate = (X509Certificate) CertificateFactory.getInstance("X.509")
                    .generateCertificate(in);
            KeyStore trust = KeyStore.getInstance(KeyStore.getDefaultType());
            trust.load(null, null);
            trust.setCertificateEntry("test-ca", certificate);
            TrustManagerFactory factory = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
            factory.init(trust);
            SSLContext context = SSLContext.getInstance("TLS");
            context.init(null, factory.getTrustManagers(), null);
            return context;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + caPem(), e);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("cannot build a trust store from " + caPem(), e);
        }
    }

    private void generate() {
        write("server-ext.cnf", """
                basicConstraints = critical, CA:FALSE
                keyUsage = critical, digitalSignature, keyEncipherment
                extendedKeyUsage = serverAuth, clientAuth
                subjectAltName = IP:127.0.0.1, DNS:127.0.0.1, DNS:localhost
                """);
        openssl("req", "-x509", "-newkey", "rsa:2048", "-nodes", "-sha256", "-days", "30",
                "-keyout", "ca.key", "-out", "ca.pem", "-subj", "/O=Pult/CN=" + name,
                "-addext", "basicConstraints=critical,CA:TRUE",
                "-addext", "keyUsage=critical,keyCertSign,cRLSign");
        openssl("req", "-new", "-newkey", "rsa:2048", "-nodes", "-sha256",
                "-keyout", "server.key", "-out", "server.csr", "-subj", "/O=Pult/CN=127.0.0.1");
        openssl("x509", "-req", "-sha256", "-days", "30", "-in", "server.csr", "-CA", "ca.pem", "-CAkey", "ca.key",
                "-CAcreateserial", "-out", "server.pem", "-extfile", "server-ext.cnf");
    }

    private void openssl(String... arguments) {
        List<String> command = new ArrayList<>();
        command.add("openssl");
        command.addAll(List.of(arguments));
        CommandResult result;
        try {
            result = ExternalCommand.run(command, directory, OPENSSL_TIMEOUT);
        } catch (UncheckedIOException e) {
            throw new IllegalStateException("the openssl command line is needed for the test CA (apt-get install openssl)", e);
        }
        if (!result.succeeded()) {
            throw new IllegalStateException("openssl failed: " + result.describe());
        }
    }

    private void write(String file, String text) {
        try {
            Files.writeString(directory.resolve(file), text);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file, e);
        }
    }

    @Override
    public String toString() {
        return "TestCa[" + name + " in " + directory + "]";
    }
}
