package cn.singlewindow.realname.api.security;

import static org.assertj.core.api.Assertions.assertThat;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Test;
import org.springframework.security.web.firewall.StrictHttpFirewall;

/** The loop decides every header name and value exactly as the strict firewall's own expressions do. */
class HeaderCharactersTest {

    @Property(tries = 3000)
    void names_are_judged_as_the_firewall_judges_them(@ForAll("headerTexts") String text) {
        assertThat(HeaderCharacters.validName(text)).isEqualTo(StrictHttpFirewall.ALLOWED_HEADER_NAMES.test(text));
    }

    @Property(tries = 3000)
    void values_are_judged_as_the_firewall_judges_them(@ForAll("headerTexts") String text) {
        assertThat(HeaderCharacters.validValue(text)).isEqualTo(StrictHttpFirewall.ALLOWED_HEADER_VALUES.test(text));
    }

    @Test
    void control_characters_unassigned_code_points_and_tabs() {
        assertThat(HeaderCharacters.validValue("Bearer abc.def")).isTrue();
        assertThat(HeaderCharacters.validValue("a\tb")).isTrue();
        assertThat(HeaderCharacters.validName("a\tb")).isFalse();
        assertThat(HeaderCharacters.validValue("a\nb")).isFalse();
        assertThat(HeaderCharacters.validValue("a\u0085b")).isFalse();
        assertThat(HeaderCharacters.validValue("a\u0378b")).isFalse();
        assertThat(HeaderCharacters.validValue("企业\uD83D\uDE00")).isTrue();
    }

    /** Mostly printable ASCII (the fast path), with control characters, tabs, any code point and lone surrogates. */
    @Provide
    Arbitrary<String> headerTexts() {
        Arbitrary<Character> characters = Arbitraries.frequencyOf(
                net.jqwik.api.Tuple.of(8, Arbitraries.chars().range(' ', '~')),
                net.jqwik.api.Tuple.of(1, Arbitraries.chars().range('\u0000', '\u00ff')),
                net.jqwik.api.Tuple.of(1, Arbitraries.chars().all()));
        return Arbitraries.oneOf(characters.list().ofMaxSize(60).map(HeaderCharactersTest::join),
                Arbitraries.strings().all().ofMaxLength(20));
    }

    private static String join(java.util.List<Character> characters) {
        StringBuilder text = new StringBuilder();
        characters.forEach(text::append);
        return text.toString();
    }
}
