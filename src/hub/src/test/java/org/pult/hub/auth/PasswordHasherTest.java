package org.pult.hub.auth;

import static org.assertj.core.api.Assertions.assertThat;

import java.security.SecureRandom;
import org.junit.jupiter.api.Test;

class PasswordHasherTest {

    // Few iterations keep the test fast; the format and the checks do not depend on the count.
    private final PasswordHasher hasher = new PasswordHasher(new SecureRandom(), 1_000);

    @Test
    void theRightPasswordVerifiesAndAWrongOneDoesNot() {
        String stored = hasher.hash("pult-demo".toCharArray());

        assertThat(hasher.verify("pult-demo".toCharArray(), stored)).isTrue();
        assertThat(hasher.verify("pult-demo ".toCharArray(), stored)).isFalse();
        assertThat(hasher.verify("".toCharArray(), stored)).isFalse();
    }

    @Test
    void theSamePasswordHashesDifferentlyEachTimeBecauseOfTheSalt() {
        String first = hasher.hash("pult-demo".toCharArray());
        String second = hasher.hash("pult-demo".toCharArray());

        assertThat(first).isNotEqualTo(second).doesNotContain("pult-demo").startsWith("pbkdf2-sha256$1000$");
    }

    @Test
    void aHashRemembersItsIterationCountSoItCanBeRaisedLater() {
        String old = hasher.hash("pult-demo".toCharArray());
        PasswordHasher stronger = new PasswordHasher(new SecureRandom(), 2_000);

        assertThat(stronger.verify("pult-demo".toCharArray(), old)).isTrue();
    }

    @Test
    void theDecoyNeverMatches() {
        assertThat(hasher.verifyAgainstDecoy("pult-demo".toCharArray())).isFalse();
        assertThat(hasher.verifyAgainstDecoy("".toCharArray())).isFalse();
    }

    @Test
    void theDefaultIsOwaspsIterationCount() {
        assertThat(new PasswordHasher(new SecureRandom()).hash("x".toCharArray())).startsWith("pbkdf2-sha256$600000$");
    }
}
