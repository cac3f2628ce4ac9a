package org.pult.siplab;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TestCaTest {

    @TempDir
    Path folder;

    @Test
    void serverCertificateIsForLoopbackAndSignedByTheCa() throws Exception {
        TestCa ca = TestCa.create(folder.resolve("ca"));
        X509Certificate authority = read(ca.caPem());
        X509Certificate server = read(ca.serverCertificate());

        server.verify(authority.getPublicKey());
        assertThat(authority.getBasicConstraints()).as("the CA may sign").isGreaterThanOrEqualTo(0);
        assertThat(server.getBasicConstraints()).as("the server certificate may not").isEqualTo(-1);
        assertThat(server.getSubjectAlternativeNames()).extracting(name -> name.get(0) + ":" + name.get(1))
                .contains("7:127.0.0.1", "2:localhost", "2:127.0.0.1");
        assertThat(authority.getSubjectX500Principal().getName()).contains(ca.name());
        assertThat(ca.serverKey()).isRegularFile();
    }

    @Test
    void twoCasAreUnrelated() throws Exception {
        TestCa first = TestCa.create(folder.resolve("first"));
        TestCa second = TestCa.create(folder.resolve("second"));

        assertThat(first.name()).isNotEqualTo(second.name());
        assertThat(List.of(read(first.caPem()).getPublicKey())).doesNotContain(read(second.caPem()).getPublicKey());
        org.assertj.core.api.Assertions.assertThatException()
                .isThrownBy(() -> read(first.serverCertificate()).verify(read(second.caPem()).getPublicKey()));
    }

    private static X509Certificate read(Path pem) throws IOException, CertificateException {
        try (InputStream in = Files.newInputStream(pem)) {
            return (X509Certificate) CertificateFactory.getInstance("X.509").generateCertificate(in);
        }
    }
}
