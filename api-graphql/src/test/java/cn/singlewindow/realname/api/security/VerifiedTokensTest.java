package cn.singlewindow.realname.api.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.springframework.security.oauth2.jwt.BadJwtException;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtTimestampValidator;
import org.springframework.security.oauth2.jwt.JwtValidationException;

class VerifiedTokensTest {

    private static final Instant NOW = Instant.parse("2026-11-29T03:00:00Z");

    private final AtomicInteger verifications = new AtomicInteger();
    private final JwtDecoder verifying = token -> {
        verifications.incrementAndGet();
        if (!token.startsWith("good")) {
            throw new BadJwtException("bad signature");
        }
        return Jwt.withTokenValue(token).header("alg", "HS256").subject("someone").jti("session-" + token)
                .issuedAt(NOW).expiresAt(NOW.plusSeconds(60)).build();
    };
    private final JwtTimestampValidator expiry = new JwtTimestampValidator(Duration.ZERO);
    private final java.util.Set<String> endedSessions = new java.util.HashSet<>();
    private final VerifiedTokens tokens = new VerifiedTokens(verifying, expiry,
            (account, sessionId, issuedAt) -> endedSessions.contains(sessionId), 100, Duration.ofMinutes(10));

    @Test
    void a_token_seen_again_is_not_verified_again() {
        expiry.setClock(Clock.fixed(NOW, ZoneOffset.UTC));
        assertThat(tokens.decode("good-1").getSubject()).isEqualTo("someone");
        assertThat(tokens.decode("good-1").getSubject()).isEqualTo("someone");
        assertThat(verifications).hasValue(1);
        tokens.decode("good-2");
        assertThat(verifications).hasValue(2);
    }

    @Test
    void a_remembered_token_past_its_expiry_is_refused() {
        expiry.setClock(Clock.fixed(NOW, ZoneOffset.UTC));
        tokens.decode("good-1");
        expiry.setClock(Clock.fixed(NOW.plusSeconds(61), ZoneOffset.UTC));
        assertThatThrownBy(() -> tokens.decode("good-1")).isInstanceOf(JwtValidationException.class);
    }

    @Test
    void a_remembered_token_whose_session_ended_is_refused() {
        expiry.setClock(Clock.fixed(NOW, ZoneOffset.UTC));
        tokens.decode("good-1");
        endedSessions.add("session-good-1");
        assertThatThrownBy(() -> tokens.decode("good-1")).isInstanceOf(JwtValidationException.class)
                .hasMessageContaining("session has ended");
        assertThat(tokens.decode("good-2").getSubject()).isEqualTo("someone");
    }

    @Test
    void a_refused_token_is_verified_again_each_time() {
        assertThatThrownBy(() -> tokens.decode("forged")).isInstanceOf(BadJwtException.class);
        assertThatThrownBy(() -> tokens.decode("forged")).isInstanceOf(BadJwtException.class);
        assertThat(verifications).hasValue(2);
    }
}
