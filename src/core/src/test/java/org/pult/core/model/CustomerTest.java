package org.pult.core.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatNullPointerException;

import org.junit.jupiter.api.Test;

class CustomerTest {

    @Test
    void initialsTakeTheFirstLetterOfTheFirstTwoNames() {
        assertThat(new Customer("c1", "Ирина Соколова", null, null, null).initials()).isEqualTo("ИС");
        assertThat(new Customer("c2", "  john   smith  jr ", null, null, null).initials()).isEqualTo("JS");
        assertThat(new Customer("c3", "Madonna", null, null, null).initials()).isEqualTo("M");
    }

    @Test
    void aCustomerNeedsAnIdAndAName() {
        assertThatNullPointerException().isThrownBy(() -> new Customer(null, "x", null, null, null));
        assertThatNullPointerException().isThrownBy(() -> new Customer("c", null, null, null, null));
    }
}
