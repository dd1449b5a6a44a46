package cn.singlewindow.realname.messages.common;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class MaskingTest {

    @Test
    void an_id_number_keeps_four_characters_at_each_end() {
        assertThat(Masking.documentNumber("11010519491231002X")).isEqualTo("1101**********002X");
    }

    @Test
    void a_phone_keeps_the_first_three_and_last_four_digits() {
        assertThat(Masking.phone("13812345678")).isEqualTo("138****5678");
    }

    @Test
    void a_bank_card_keeps_four_digits_at_each_end() {
        assertThat(Masking.bankCard("6222021234567890123")).isEqualTo("6222***********0123");
    }

    @Test
    void a_short_value_shows_only_its_last_character() {
        assertThat(Masking.documentNumber("E1234")).isEqualTo("****4");
        assertThat(Masking.documentNumber(null)).isNull();
    }
}
