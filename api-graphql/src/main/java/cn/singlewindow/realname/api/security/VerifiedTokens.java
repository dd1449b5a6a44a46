package cn.singlewindow.realname.api.security;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import cn.singlewindow.realname.command.account.SessionRevocations;
import cn.singlewindow.realname.messages.account.AccountId;
import java.time.Duration;
import java.util.List;
import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.oauth2.core.OAuth2TokenValidator;
import org.springframework.security.oauth2.core.OAuth2TokenValidatorResult;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtException;
import org.springframework.security.oauth2.jwt.JwtValidationException;

/**
 * Remembers tokens whose signature was verified, so a client's next request with the same token skips the HMAC and
 * the parsing (6% of a read's CPU); the validity checks (expiry, issuer) still run on every request, and so does the
 * question whether the token's session has ended (a lookup in memory, {@link SessionRevocations}). The same key
 * verifies the same string the same way, so a remembered answer is the one the decoder would give again.
 */
final class VerifiedTokens implements JwtDecoder {

    private final JwtDecoder decoder;
    private final OAuth2TokenValidator<Jwt> validator;
    private final SessionRevocations sessions;
    private final Cache<String, Jwt> verified;

    VerifiedTokens(JwtDecoder decoder, OAuth2TokenValidator<Jwt> validator, SessionRevocations sessions,
                   long maximumSize, Duration idle) {
        this.decoder = decoder;
        this.validator = validator;
        this.sessions = sessions;
        this.verified = Caffeine.newBuilder().maximumSize(maximumSize).expireAfterAccess(idle).build();
    }

    @Override
    public Jwt decode(String token) throws JwtException {
        Jwt known = verified.getIfPresent(token);
        if (known == null) {
            // Validated by the decoder itself; remembered only once it passed.
            Jwt decoded = decoder.decode(token);
            verified.put(token, decoded);
            return inSession(decoded);
        }
        OAuth2TokenValidatorResult result = validator.validate(known);
        if (result.hasErrors()) {
            verified.invalidate(token);
            throw new JwtValidationException("the token is no longer valid", result.getErrors());
        }
        return inSession(known);
    }

    private Jwt inSession(Jwt jwt) {
        if (sessions.ended(new AccountId(jwt.getSubject()), jwt.getId(), Actor.started(jwt))) {
            throw new JwtValidationException("the session has ended",
                    List.of(new OAuth2Error("invalid_token", "the session has ended", null)));
        }
        return jwt;
    }
}
