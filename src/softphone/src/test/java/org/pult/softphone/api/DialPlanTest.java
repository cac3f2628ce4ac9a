package org.pult.softphone.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class DialPlanTest {

    private final DialPlan plan = DialPlan.RUSSIA;

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "8 916 123-45-67      | +79161234567",
            "+7 (916) 123 45 67   | +79161234567",
            "9161234567           | +79161234567",
            "79161234567          | +79161234567",
            "8-495-123-45-67      | +74951234567",
            "810 49 30 1234567    | +49301234567",
            "+44 20 7946 0958     | +442079460958",
            "1042                 | 1042",
            "*72#                 | *72#",
            "tel:+7-916-123-45-67 | +79161234567"})
    void numbersBecomeE164OrStayExtensions(String typed, String expected) {
        assertThat(plan.normalize(typed.replace("tel:", ""))).isEqualTo(expected);
        assertThat(plan.toSipUri(typed, "pbx.example.ru"))
                .isEqualTo("sip:" + expected + "@pbx.example.ru" + (expected.startsWith("+") ? ";user=phone" : ""));
    }

    @Test
    void sipAddressesPassThrough() {
        assertThat(plan.toSipUri("sip:james@127.0.0.1:5070", "pbx")).isEqualTo("sip:james@127.0.0.1:5070");
        assertThat(plan.toSipUri(" sips:james@pbx.example.ru;transport=tls ", "pbx"))
                .isEqualTo("sips:james@pbx.example.ru;transport=tls");
        assertThat(plan.toSipUri("james@pbx.example.ru", "pbx")).isEqualTo("sip:james@pbx.example.ru");
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "   ", "- ( )"})
    void emptyInputIsRefused(String typed) {
        assertThatThrownBy(() -> plan.toSipUri(typed, "pbx"))
                .isInstanceOfSatisfying(DialPlan.InvalidNumber.class, e -> assertThat(e.problem()).isEqualTo(DialPlan.Problem.EMPTY));
    }

    @ParameterizedTest
    @ValueSource(strings = {"call mom", "8916abc4567", "+7 916 123 45 67 ext", "12+34"})
    void wordsAreNotNumbers(String typed) {
        assertThatThrownBy(() -> plan.toSipUri(typed, "pbx"))
                .isInstanceOfSatisfying(DialPlan.InvalidNumber.class,
                        e -> assertThat(e.problem()).isEqualTo(DialPlan.Problem.NOT_A_NUMBER_OR_ADDRESS));
    }

    @ParameterizedTest
    @ValueSource(strings = {"sip:", "sip:@host", "sip:james@", "sip:ja mes@host", "sip:james@host:port", "a@b c", "sip:<james>@host"})
    void malformedSipAddressesAreRefused(String typed) {
        assertThatThrownBy(() -> plan.toSipUri(typed, "pbx"))
                .isInstanceOfSatisfying(DialPlan.InvalidNumber.class,
                        e -> assertThat(e.problem()).isEqualTo(DialPlan.Problem.BAD_SIP_ADDRESS));
    }
}
