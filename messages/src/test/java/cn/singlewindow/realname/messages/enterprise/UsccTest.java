package cn.singlewindow.realname.messages.enterprise;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.singlewindow.realname.messages.common.RejectedException;
import cn.singlewindow.realname.messages.testing.SampleCodes;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Test;

class UsccTest {

    // Worked examples published with GB 32100-2015 and GB 11714-1997 explanations.
    @Test
    void the_standards_worked_examples_are_valid() {
        assertThat(Uscc.isValid("91350100M000100Y43")).isTrue();
        assertThat(OrgCode.isValid("D2143569X")).isTrue();
        assertThat(OrgCode.of("D2143569-X").value()).isEqualTo("D2143569X");
    }

    @Test
    void a_uscc_fills_in_its_organisation_code_from_positions_9_to_17() {
        assertThat(Uscc.of("91350100M000100Y43").orgCode()).isEqualTo(new OrgCode("M000100Y4"));
    }

    @Test
    void full_width_lower_case_and_spaced_input_is_normalised() {
        assertThat(Uscc.of(" ９１３５０１００ｍ０００１００ｙ４３ ").value()).isEqualTo("91350100M000100Y43");
    }

    @Test
    void letters_outside_the_character_set_are_refused_with_a_typed_error() {
        assertThatThrownBy(() -> Uscc.of("91350100M000100I43"))
                .isInstanceOf(RejectedException.class)
                .extracting(e -> ((RejectedException) e).rejection().code()).isEqualTo("INVALID_USCC");
    }

    @Test
    void a_uscc_whose_embedded_organisation_code_is_wrong_is_refused() {
        // Body with a wrong organisation check character but a correct USCC check character over it.
        String first17 = "91110105" + "12345678" + "1";
        String uscc = first17 + Uscc.checkCharacter(first17);
        assertThat(OrgCode.isValid("123456781")).isFalse();
        assertThat(Uscc.isValid(uscc)).isFalse();
    }

    @Test
    void a_code_no_registration_authority_issues_is_refused_though_its_check_characters_fit() {
        // All zeros: authority 0 does not exist, and the check characters of zeros are zeros.
        assertThat(Uscc.isValid("000000000000000000")).isFalse();
        assertThat(withCheck("Z2110105" + SampleCodes.orgCodeFor("MA9Y0001"))).as("authority Z").isFalse();
        assertThat(withCheck("94110105" + SampleCodes.orgCodeFor("MA9Y0001"))).as("market regulator, kind 4")
                .isFalse();
        assertThat(withCheck("Y2110105" + SampleCodes.orgCodeFor("MA9Y0001"))).as("others, kind 2").isFalse();
        assertThat(withCheck("9111A105" + SampleCodes.orgCodeFor("MA9Y0001"))).as("letter in the division code")
                .isFalse();
        assertThat(withCheck("52110105" + SampleCodes.orgCodeFor("MA9Y0001"))).as("a private non-enterprise unit")
                .isTrue();
        assertThat(withCheck("12110105" + SampleCodes.orgCodeFor("MA9Y0001"))).as("a public institution").isTrue();
    }

    private static boolean withCheck(String first17) {
        Character check = Uscc.checkCharacter(first17);
        return check != null && Uscc.isValid(first17 + check);
    }

    @Property
    void every_generated_uscc_is_valid(@ForAll("orgBodies") String body) {
        String uscc = SampleCodes.usccFor(body);
        assertThat(Uscc.isValid(uscc)).isTrue();
        assertThat(Uscc.of(uscc).orgCode().value()).isEqualTo(SampleCodes.orgCodeFor(body));
    }

    @Property
    void changing_any_one_character_of_a_valid_uscc_is_caught(@ForAll("orgBodies") String body,
                                                               @ForAll("positions") int position,
                                                               @ForAll("charsetIndexes") int replacement) {
        String uscc = SampleCodes.usccFor(body);
        char original = uscc.charAt(position);
        char other = SampleCodes.BODY_CHARS.charAt(replacement);
        if (other == original) {
            return;
        }
        String corrupted = uscc.substring(0, position) + other + uscc.substring(position + 1);
        // A single substitution always changes the weighted sum modulo 31 (31 is prime, weights are non-zero).
        assertThat(Uscc.isValid(corrupted)).isFalse();
    }

    @Property
    void changing_one_digit_of_an_organisation_code_body_to_another_digit_is_caught(@ForAll("orgBodies") String body,
                                                                       @ForAll("bodyPositions") int position,
                                                                       @ForAll("digits") int digit) {
        String code = SampleCodes.orgCodeFor(body);
        char replacement = (char) ('0' + digit);
        // Only digit for digit is guaranteed: a letter worth 11 replaced by 0 keeps the sum modulo 11.
        if (!Character.isDigit(code.charAt(position)) || replacement == code.charAt(position)) {
            return;
        }
        String corrupted = code.substring(0, position) + replacement + code.substring(position + 1);
        // Digits differ by 1 to 9 and no weight is a multiple of 11 (a prime): the sum modulo 11 changes.
        assertThat(OrgCode.isValid(corrupted)).isFalse();
    }

    @Provide
    Arbitrary<String> orgBodies() {
        return Arbitraries.strings().withChars(SampleCodes.BODY_CHARS.toCharArray()).ofLength(8);
    }

    @Provide
    Arbitrary<Integer> positions() {
        return Arbitraries.integers().between(0, 17);
    }

    @Provide
    Arbitrary<Integer> bodyPositions() {
        return Arbitraries.integers().between(0, 7);
    }

    @Provide
    Arbitrary<Integer> charsetIndexes() {
        return Arbitraries.integers().between(0, SampleCodes.BODY_CHARS.length() - 1);
    }

    @Provide
    Arbitrary<Integer> digits() {
        return Arbitraries.integers().between(0, 9);
    }
}
