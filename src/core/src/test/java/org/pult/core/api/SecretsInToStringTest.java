package org.pult.core.api;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.pult.core.model.OperatorProfile;
import org.pult.core.model.OperatorState;
import org.pult.core.model.Role;

/** Records end up in logs; a password or token must never be printed with them. */
class SecretsInToStringTest {

    @Test
    void loginRequestHidesThePassword() {
        assertThat(new LoginRequest("anna", "s3cret!").toString()).contains("anna").doesNotContain("s3cret!");
    }

    @Test
    void aRenewedTokenIsHiddenToo() {
        assertThat(new TokenResponse("tok-987654", java.time.Instant.EPOCH).toString())
                .contains("1970").doesNotContain("tok-987654");
    }

    @Test
    void loginResponseHidesTheToken() {
        var profile = new OperatorProfile("u1", "anna", "Anna", Role.OPERATOR, OperatorState.NOT_READY);
        assertThat(new LoginResponse("tok-123456", profile).toString()).contains("Anna").doesNotContain("tok-123456");
    }

    @Test
    void theSipPasswordNeverAppearsInTheProfile() {
        var sip = new org.pult.core.model.SipProfile("sip:anna@pbx.example.org", "sip:pbx.example.org:5061",
                org.pult.core.model.SipTransport.TLS, "anna", "sip-Secr3t");
        var profile = new OperatorProfile("u1", "anna", "Anna", Role.OPERATOR, OperatorState.READY, sip);
        assertThat(profile.toString()).contains("sip:anna@pbx.example.org").doesNotContain("sip-Secr3t");
        assertThat(new LoginResponse("tok-1", profile).toString()).doesNotContain("sip-Secr3t");
    }

    @Test
    void theTurnPasswordNeverAppearsInTheProfile() {
        var nat = new org.pult.core.model.NatTraversal("turn.example.org:3478", true, "1767225600:anna", "tUrN-Secr3t");
        var sip = new org.pult.core.model.SipProfile("sip:anna@pbx.example.org", "sip:pbx.example.org:5061",
                org.pult.core.model.SipTransport.TLS, "anna", "sip-Secr3t", nat);
        assertThat(sip.toString()).contains("turn.example.org:3478").contains("1767225600:anna").doesNotContain("tUrN-Secr3t");
    }

    @Test
    void anActionPrintsTheLengthOfItsTextNotTheText() {
        var reply = ActionRequest.reply("k1", "c1", "Ваш пароль: 12345", java.time.Instant.EPOCH);
        assertThat(reply.toString()).contains("k1").contains("REPLY").doesNotContain("12345");
    }

    @Test
    void messagesPathNamesTheConversation() {
        assertThat(ApiPaths.messagesOf("c42")).isEqualTo("/api/v1/conversations/c42/messages");
    }
}
