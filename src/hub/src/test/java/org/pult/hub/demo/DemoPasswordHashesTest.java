package org.pult.hub.demo;

import static org.assertj.core.api.Assertions.assertThat;

import java.security.SecureRandom;
import org.junit.jupiter.api.Test;
import org.pult.hub.auth.PasswordHasher;

/** The demo users' stored hashes are real hashes of the published demo password, each salted apart. */
class DemoPasswordHashesTest {

    @Test
    void everyDemoHashVerifiesTheDemoPasswordAndNothingElse() {
        PasswordHasher hasher = new PasswordHasher(new SecureRandom());
        assertThat(DemoInbox.USERS).allSatisfy(user -> {
            assertThat(hasher.verify(DemoInbox.PASSWORD.toCharArray(), user.passwordHash())).as(user.username()).isTrue();
            assertThat(hasher.verify("pult-demo2".toCharArray(), user.passwordHash())).as(user.username()).isFalse();
        });
        assertThat(DemoInbox.USERS).extracting(DemoInbox.DemoUser::passwordHash).doesNotHaveDuplicates();
    }
}
