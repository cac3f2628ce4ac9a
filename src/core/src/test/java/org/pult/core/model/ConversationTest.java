package org.pult.core.model;

import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.time.Instant;
import org.junit.jupiter.api.Test;

class ConversationTest {

    @Test
    void unreadCountCannotBeNegative() {
        Customer customer = new Customer("c1", "Anna", null, null, null);
        assertThatIllegalArgumentException().isThrownBy(() -> new Conversation(
                "v1", customer, ConversationStatus.OPEN, Channel.CHAT, null, "hi", Instant.EPOCH, -1))
                .withMessageContaining("-1");
    }
}
