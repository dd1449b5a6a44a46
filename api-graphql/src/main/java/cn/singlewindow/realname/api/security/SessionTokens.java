package cn.singlewindow.realname.api.security;

import cn.singlewindow.realname.messages.account.LoginOutcome;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import org.springframework.security.oauth2.jose.jws.MacAlgorithm;
import org.springframework.security.oauth2.jwt.JwsHeader;
import org.springframework.security.oauth2.jwt.JwtClaimsSet;
import org.springframework.security.oauth2.jwt.JwtEncoder;
import org.springframework.security.oauth2.jwt.JwtEncoderParameters;
import org.springframework.stereotype.Component;

/**
 * Issues the bearer token that a successful login answers with. Each token is a session of its own: its id ({@code
 * jti}) is what a logout ends, and when it began ({@code started}, in milliseconds: {@code iat} has whole seconds only)
 * is what a password change or a disabled account compares with.
 */
@Component
public class SessionTokens {

    static final String ISSUER = "realname";

    private final JwtEncoder encoder;
    private final Duration ttl;
    private final Clock clock;

    SessionTokens(JwtEncoder encoder, SecuritySettings settings, Clock clock) {
        this.encoder = encoder;
        this.ttl = settings.tokenTtl();
        this.clock = clock;
    }

    public IssuedToken issue(LoginOutcome login) {
        Instant now = clock.instant();
        Instant expiresAt = now.plus(ttl);
        JwtClaimsSet.Builder claims = JwtClaimsSet.builder()
                .issuer(ISSUER)
                .id(UUID.randomUUID().toString())
                .subject(login.accountId().value())
                .issuedAt(now)
                .expiresAt(expiresAt)
                .claim(Actor.CLAIM_STARTED, now.toEpochMilli())
                .claim(Actor.CLAIM_USERNAME, login.username())
                .claim(Actor.CLAIM_ROLE, login.role().name());
        if (login.enterpriseId() != null) {
            claims.claim(Actor.CLAIM_ENTERPRISE, login.enterpriseId().value());
        }
        String token = encoder.encode(JwtEncoderParameters.from(JwsHeader.with(MacAlgorithm.HS256).build(),
                claims.build())).getTokenValue();
        return new IssuedToken(token, expiresAt);
    }

    public record IssuedToken(String token, Instant expiresAt) {
    }
}
