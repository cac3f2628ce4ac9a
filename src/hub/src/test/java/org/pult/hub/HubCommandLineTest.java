package org.pult.hub;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.pult.hub.HubCommandLine.UsageException;

class HubCommandLineTest {

    @Test
    void portDataAndHostComeFromTheArguments() throws UsageException {
        HubConfig config = parse(Map.of(), "--port", "8081", "--data", "/var/lib/pult-hub", "--host", "0.0.0.0");

        assertThat(config).isEqualTo(new HubConfig("0.0.0.0", 8081, Path.of("/var/lib/pult-hub")));
    }

    @Test
    void theEnvironmentSuppliesDefaultsThatArgumentsOverride() throws UsageException {
        Map<String, String> env = Map.of("PULT_HUB_PORT", "9000", "PULT_HUB_DATA", "/srv/hub");

        assertThat(parse(env)).isEqualTo(new HubConfig("127.0.0.1", 9000, Path.of("/srv/hub")));
        assertThat(parse(env, "--port=9001").port()).isEqualTo(9001);
    }

    @Test
    void thePortDefaultsTo8080AndTheHostToLoopback() throws UsageException {
        HubConfig config = parse(Map.of(), "--data", "d");

        assertThat(config.port()).isEqualTo(8080);
        assertThat(config.host()).isEqualTo("127.0.0.1");
    }

    @Test
    void badArgumentsAreRefusedWithAReason() {
        assertRefused("Unknown option: --verbose", "--data", "d", "--verbose");
        assertRefused("--port needs a value", "--data", "d", "--port");
        assertRefused("--data needs a value", "--data", "--port", "80");
        assertRefused("must be a number", "--data", "d", "--port", "eighty");
        assertRefused("between 0 and 65535", "--data", "d", "--port", "70000");
        assertRefused("No data directory", "--port", "8080");
        assertRefused("must be a number", "--port", "eighty");
    }

    @Test
    void aSipDomainAndTransportGiveOperatorsSipAccounts() throws UsageException {
        HubConfig config = parse(Map.of(), "--data", "d", "--sip-domain", "pbx.example.org:5070", "--sip-transport", "udp");

        assertThat(config.sip().host()).isEqualTo("pbx.example.org");
        assertThat(config.sip().port()).isEqualTo(5070);
        assertThat(config.sip().transport()).isEqualTo(org.pult.core.model.SipTransport.UDP);
        assertThat(parse(Map.of(), "--data", "d", "--sip-domain", "pbx").sip().transport())
                .isEqualTo(org.pult.core.model.SipTransport.TLS);
        assertThat(parse(Map.of(), "--data", "d").sip()).isNull();
    }

    @Test
    void badSipOptionsAreRefusedWithAReason() {
        assertRefused("UDP, TCP or TLS", "--data", "d", "--sip-domain", "pbx", "--sip-transport", "WSS");
        assertRefused("--sip-transport needs --sip-domain", "--data", "d", "--sip-transport", "TLS");
        assertRefused("Bad --sip-domain", "--data", "d", "--sip-domain", "pbx:port");
    }

    @Test
    void aStunServerIceAndTurnSecretGiveOperatorsNatTraversal(@TempDir Path dir) throws Exception {
        Path secret = Files.writeString(dir.resolve("turn-secret"), "  shared-Secr3t\n");

        HubConfig config = parse(Map.of(), "--data", "d", "--sip-domain", "pbx", "--stun-server", "turn.example.org:3478",
                "--ice", "--turn-secret-file", secret.toString());

        var nat = config.sip().relay().traversalFor("anna", java.time.Instant.EPOCH);
        assertThat(nat.stunServer()).isEqualTo("turn.example.org:3478");
        assertThat(nat.ice()).isTrue();
        assertThat(nat.turn()).isTrue();
        assertThat(config.toString()).doesNotContain("shared-Secr3t");
        var stunOnly = parse(Map.of(), "--data", "d", "--sip-domain", "pbx", "--stun-server", "stun.example.org")
                .sip().relay().traversalFor("anna", java.time.Instant.EPOCH);
        assertThat(stunOnly.ice()).isFalse();
        assertThat(stunOnly.turn()).isFalse();
    }

    @Test
    void badNatOptionsAreRefusedWithAReason(@TempDir Path dir) throws Exception {
        Path empty = Files.writeString(dir.resolve("empty"), "\n");
        assertRefused("need --sip-domain", "--data", "d", "--stun-server", "stun.example.org");
        assertRefused("need --stun-server", "--data", "d", "--sip-domain", "pbx", "--ice");
        assertRefused("Cannot read the TURN secret file", "--data", "d", "--sip-domain", "pbx", "--stun-server", "s",
                "--turn-secret-file", dir.resolve("missing").toString());
        assertRefused("is empty", "--data", "d", "--sip-domain", "pbx", "--stun-server", "s",
                "--turn-secret-file", empty.toString());
        assertRefused("Bad --stun-server", "--data", "d", "--sip-domain", "pbx", "--stun-server", "user@host");
    }

    @Test
    void helpIsNotAnError() throws UsageException {
        assertThat(HubCommandLine.parse(new String[] {"--help"}, Map.of()).helpRequested()).isTrue();
    }

    private static void assertRefused(String reason, String... args) {
        assertThatThrownBy(() -> HubCommandLine.parse(args, Map.of()))
                .isInstanceOf(UsageException.class)
                .hasMessageContaining(reason);
    }

    private static HubConfig parse(Map<String, String> env, String... args) throws UsageException {
        return HubCommandLine.parse(args, env).config();
    }
}
