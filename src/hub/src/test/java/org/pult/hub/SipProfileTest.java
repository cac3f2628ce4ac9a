package org.pult.hub;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.pult.core.api.ApiPaths;
import org.pult.core.api.LoginResponse;
import org.pult.core.model.NatTraversal;
import org.pult.core.model.OperatorProfile;
import org.pult.core.model.SipTransport;
import org.pult.hub.sip.MediaRelay;
import org.pult.hub.sip.SipDomain;

class SipProfileTest {

    @TempDir
    Path dataDir;

    @Test
    void withASipDomainEveryProfileCarriesTheOperatorsSipAccount() {
        try (HubServer hub = HubServer.start(HubConfig.embedded(dataDir).withSip("pbx.example.org:5061", SipTransport.TLS))) {
            ApiCalls api = new ApiCalls(hub.baseUri());
            LoginResponse login = api.read(api.login("anna", ApiCalls.DEMO_PASSWORD), LoginResponse.class);
            OperatorProfile me = api.read(api.get(ApiPaths.ME, login.token()), OperatorProfile.class);

            assertThat(me.sip()).isEqualTo(login.operator().sip()).isNotNull();
            assertThat(me.sip().identity()).isEqualTo("sip:anna@pbx.example.org");
            assertThat(me.sip().registrar()).isEqualTo("sip:pbx.example.org:5061");
            assertThat(me.sip().transport()).isEqualTo(SipTransport.TLS);
            assertThat(me.sip().username()).isEqualTo("anna");
            assertThat(me.sip().password()).isEqualTo(SipDomain.demoPassword("anna")).isEqualTo("anna-sip-demo");
            assertThat(me.toString()).doesNotContain("anna-sip-demo");
        }
    }

    @Test
    void withAMediaRelayTheProfileCarriesTimeLimitedTurnCredentialsInCoturnsRestScheme() throws Exception {
        MutableClock clock = new MutableClock(Instant.parse("2026-11-23T08:00:00Z"));
        SipDomain domain = SipDomain.parse("pbx.example.org", SipTransport.TLS)
                .withRelay(new MediaRelay("turn.example.org:3478", true, "shared-secret", Duration.ofHours(16)));
        try (HubServer hub = HubServer.start(HubConfig.embedded(dataDir).withSip(domain), clock)) {
            ApiCalls api = new ApiCalls(hub.baseUri());
            NatTraversal nat = api.read(api.login("anna", ApiCalls.DEMO_PASSWORD), LoginResponse.class).operator().sip().nat();

            assertThat(nat.stunServer()).isEqualTo("turn.example.org:3478");
            assertThat(nat.ice()).isTrue();
            long expiry = Instant.parse("2026-11-24T00:00:00Z").getEpochSecond();
            assertThat(nat.turnUsername()).isEqualTo(expiry + ":anna");
            Mac mac = Mac.getInstance("HmacSHA1");
            mac.init(new SecretKeySpec("shared-secret".getBytes(StandardCharsets.UTF_8), "HmacSHA1"));
            assertThat(nat.turnPassword()).isEqualTo(Base64.getEncoder()
                    .encodeToString(mac.doFinal(nat.turnUsername().getBytes(StandardCharsets.UTF_8))));
            String jamesPassword = api.read(api.login("james", ApiCalls.DEMO_PASSWORD), LoginResponse.class)
                    .operator().sip().nat().turnPassword();
            assertThat(jamesPassword).as("each operator has their own TURN credentials").isNotEqualTo(nat.turnPassword());
        }
    }

    @Test
    void withoutAMediaRelayTheProfileCarriesNoNatTraversal() {
        try (HubServer hub = HubServer.start(HubConfig.embedded(dataDir).withSip("pbx.example.org", SipTransport.UDP))) {
            ApiCalls api = new ApiCalls(hub.baseUri());
            assertThat(api.read(api.login("anna", ApiCalls.DEMO_PASSWORD), LoginResponse.class).operator().sip().nat())
                    .isEqualTo(NatTraversal.NONE);
        }
    }

    @Test
    void withoutASipDomainTheProfileHasNoSipAccount() {
        try (HubServer hub = HubServer.start(HubConfig.embedded(dataDir))) {
            ApiCalls api = new ApiCalls(hub.baseUri());
            String token = api.tokenFor("james");

            assertThat(api.read(api.get(ApiPaths.ME, token), OperatorProfile.class).sip()).isNull();
            assertThat(api.get(ApiPaths.ME, token).body()).doesNotContain("sip-demo");
        }
    }

    @Test
    void aConfiguredPasswordReplacesTheDemoOneAndNeverShowsInToString() {
        SipDomain domain = SipDomain.parse("10.0.0.5", SipTransport.UDP).withPassword("anna", "s3cret-sip");

        assertThat(domain.port()).isEqualTo(5060);
        assertThat(domain.passwordFor("anna")).isEqualTo("s3cret-sip");
        assertThat(domain.passwordFor("james")).isEqualTo("james-sip-demo");
        assertThat(domain.toString()).doesNotContain("s3cret-sip");
        assertThat(SipDomain.parse("pbx.example.org", SipTransport.TLS).port()).isEqualTo(5061);
        assertThat(SipDomain.parse("[::1]:5070", SipTransport.TCP).host()).isEqualTo("[::1]");
    }

    @Test
    void aBadDomainIsRefusedWithAReason() {
        assertThatIllegalArgumentException().isThrownBy(() -> SipDomain.parse("pbx:fifty", SipTransport.UDP))
                .withMessageContaining("number");
        assertThatIllegalArgumentException().isThrownBy(() -> SipDomain.parse("pbx:70000", SipTransport.UDP))
                .withMessageContaining("65535");
        assertThatIllegalArgumentException().isThrownBy(() -> SipDomain.parse("anna@pbx", SipTransport.UDP));
    }
}
