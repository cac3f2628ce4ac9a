package org.pult.core.model;

import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatNullPointerException;

import java.time.Instant;
import org.junit.jupiter.api.Test;

class ConversationTest {

    private static final Customer CUSTOMER = new Customer("c1", "Anna", null, null, null);

    @Test
    void unreadCountCannotBeNegative() {
        assertThatIllegalArgumentException().isThrownBy(() -> new Conversation(
                "v1", CUSTOMER, ConversationStatus.OPEN, Channel.CHAT, MessageKind.TEXT, null, "hi", Instant.EPOCH, -1))
                .withMessageContaining("-1");
    }

    @Test
    void theKindOfTheNewestEntryIsRequired() {
        assertThatNullPointerException().isThrownBy(() -> new Conversation(
                "v1", CUSTOMER, ConversationStatus.OPEN, Channel.VOICE, null, null, "+14155550142", Instant.EPOCH, 1))
                .withMessage("lastKind");
    }
}
