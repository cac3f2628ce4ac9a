package org.pult.app.softphone;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class PhoneNumbersTest {

    @Test
    void oneNumberWrittenThreeWaysIsTheSameNumber() {
        assertThat(PhoneNumbers.same("+7 916 234-56-78", "89162345678")).isTrue();
        assertThat(PhoneNumbers.same("79162345678", "(916) 234 56 78")).isTrue();
        assertThat(PhoneNumbers.same("+79162345678", "+79162345679")).isFalse();
        assertThat(PhoneNumbers.same("1042", "1042")).isTrue();
        assertThat(PhoneNumbers.same("1042", "21042")).isFalse();
        assertThat(PhoneNumbers.same(null, "1042")).isFalse();
    }

    @Test
    void russianNumbersAreShownGroupedAndOthersAsTheyCame() {
        assertThat(PhoneNumbers.display("79162345678")).isEqualTo("+7 916 234-56-78");
        assertThat(PhoneNumbers.display("+79162345678")).isEqualTo("+7 916 234-56-78");
        assertThat(PhoneNumbers.display("89162345678")).isEqualTo("+7 916 234-56-78");
        assertThat(PhoneNumbers.display("+442079460958")).isEqualTo("+442079460958");
        assertThat(PhoneNumbers.display("1042")).isEqualTo("1042");
        assertThat(PhoneNumbers.display("anna")).isEqualTo("anna");
    }
}
