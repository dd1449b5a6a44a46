package cn.singlewindow.realname.api.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.oauth2.server.resource.web.DefaultBearerTokenResolver;

/** The resolver answers, or refuses, exactly as Spring Security's standard one does. */
class BearerTokensTest {

    private final BearerTokens tokens = new BearerTokens();
    private final DefaultBearerTokenResolver standard = new DefaultBearerTokenResolver();

    @Property(tries = 3000)
    void every_authorization_header_gets_the_standard_answer(@ForAll("authorizations") String authorization) {
        MockHttpServletRequest request = new MockHttpServletRequest("POST", "/graphql");
        request.addHeader("Authorization", authorization);
        assertThat(outcome(() -> tokens.resolve(request))).isEqualTo(outcome(() -> standard.resolve(request)));
    }

    @Test
    void a_request_without_a_token_has_none() {
        assertThat(tokens.resolve(new MockHttpServletRequest("POST", "/graphql"))).isNull();
    }

    @Test
    void a_malformed_bearer_token_is_refused() {
        MockHttpServletRequest request = new MockHttpServletRequest("POST", "/graphql");
        request.addHeader("Authorization", "Bearer abc=def");
        assertThatThrownBy(() -> tokens.resolve(request)).isInstanceOf(OAuth2AuthenticationException.class)
                .hasMessageContaining("malformed");
        assertThat(resolve("bearer eyJ.a-b_c~d+e/f==")).isEqualTo("eyJ.a-b_c~d+e/f==");
    }

    private String resolve(String authorization) {
        MockHttpServletRequest request = new MockHttpServletRequest("POST", "/graphql");
        request.addHeader("Authorization", authorization);
        return tokens.resolve(request);
    }

    private static String outcome(java.util.function.Supplier<String> resolution) {
        try {
            return "token " + resolution.get();
        } catch (OAuth2AuthenticationException refused) {
            return "refused " + refused.getError().getDescription();
        }
    }

    /** Schemes in any case, then token characters with padding, spaces and stray characters among them. */
    @Provide
    Arbitrary<String> authorizations() {
        Arbitrary<String> scheme = Arbitraries.of("Bearer ", "bearer ", "BEARER ", "Bearer", "Bearer  ", "Basic ",
                "Bearerx ", "");
        Arbitrary<String> token = Arbitraries.strings()
                .withChars("abcXYZ019-._~+/").withChars('=', ' ', '\t', '!', 'é', ',')
                .ofMaxLength(30);
        return Combinators.combine(scheme, token).as(String::concat);
    }
}
