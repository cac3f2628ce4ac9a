package org.pult.cache;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class SearchQueryTest {

    @Test
    void everyWordIsQuotedSoNothingIsSyntax() {
        assertThat(SearchQuery.parse("cats OR dogs").textExpression()).isEqualTo("\"cats\"* AND \"or\" AND \"dogs\"*");
        assertThat(SearchQuery.parse("NEAR(a b) -c d* ^e f:g").textExpression())
                .isEqualTo("\"near\"* AND \"a\" AND \"b\" AND \"c\" AND \"d\" AND \"e\" AND \"f\" AND \"g\"");
        assertThat(SearchQuery.parse("\"\"\"").isEmpty()).isTrue();
        assertThat(SearchQuery.parse("  -*()  ").isEmpty()).isTrue();
    }

    @Test
    void pairedQuotesMakeAPhraseAndAnUnpairedOneIsIgnored() {
        assertThat(SearchQuery.parse("\"card declined\" now").textExpression())
                .isEqualTo("\"card declined\" AND \"now\"*");
        assertThat(SearchQuery.parse("\"card declined").textExpression()).isEqualTo("\"card\"* AND \"declin\"*");
        assertThat(SearchQuery.parse("\"a b\" \"c").textExpression()).isEqualTo("\"a b\" AND \"c\"");
    }

    @Test
    void russianWordsLoseOneEndingAndBecomePrefixes() {
        assertThat(SearchQuery.stem("доставки")).isEqualTo("доставк");
        assertThat(SearchQuery.stem("заказами")).isEqualTo("заказ");
        assertThat(SearchQuery.stem("соколовой")).isEqualTo("соколов");
        assertThat(SearchQuery.stem("счета")).isEqualTo("счет");
        // Short words keep their ending: the stem would say too little.
        assertThat(SearchQuery.stem("счёт")).isEqualTo("счёт");
        assertThat(SearchQuery.stem("ноги")).isEqualTo("ноги");
        assertThat(SearchQuery.parse("Доставки ЗАКАЗОВ").textExpression()).isEqualTo("\"доставк\"* AND \"заказ\"*");
    }

    @Test
    void yoIsReadAsYeAndCaseIsFolded() {
        assertThat(SearchQuery.parse("ЁЛКА Платёж").textExpression()).isEqualTo("\"елка\"* AND \"платеж\"*");
    }

    @Test
    void aPhoneLikeQueryAlsoSearchesItsDigitsAsOneRunInThePhoneKeys() {
        SearchQuery phone = SearchQuery.parse("+7 (912) 345-67");
        assertThat(phone.phoneDigits()).isEqualTo("791234567");
        assertThat(phone.customerExpression())
                .isEqualTo("(\"7\" AND \"912\"* AND \"345\"* AND \"67\") OR phone_keys : \"791234567\"*");
        assertThat(SearchQuery.parse("Anna 912").phoneDigits()).isNull();
        assertThat(SearchQuery.parse("12").phoneDigits()).isNull();
    }
}
