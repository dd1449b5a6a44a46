package cn.singlewindow.realname.api.security;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.time.Duration;
import org.springframework.security.oauth2.core.OAuth2TokenValidator;
import org.springframework.security.oauth2.core.OAuth2TokenValidatorResult;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtException;
import org.springframework.security.oauth2.jwt.JwtValidationException;

/**
 * Remembers tokens whose signature was verified, so a client's next request with the same token skips the HMAC and
 * the parsing (6% of a read's CPU); the validity checks (expiry, issuer) still run on every request. The same key
 * verifies the same string the same way, so a remembered answer is the one the decoder would give again.
 */
final class VerifiedTokens implements JwtDecoder {

    private final JwtDecoder decoder;
    private final OAuth2TokenValidator<Jwt> validator;
    private final Cache<String, Jwt> verified;

    VerifiedTokens(JwtDecoder decoder, OAuth2TokenValidator<Jwt> validator, long maximumSize, Duration idle) {
        this.decoder = decoder;
        this.validator = validator;
        this.verified = Caffeine.newBuilder().maximumSize(maximumSize).expireAfterAccess(idle).build();
    }

    @Override
    public Jwt decode(String token) throws JwtException {
        Jwt known = verified.getIfPresent(token);
        if (known == null) {
            // Validated by the decoder itself; remembered only once it passed.
            Jwt decoded = decoder.decode(token);
            verified.put(token, decoded);
            return decoded;
        }
        OAuth2TokenValidatorResult result = validator.validate(known);
        if (result.hasErrors()) {
            verified.invalidate(token);
            throw new JwtValidationException("the token is no longer valid", result.getErrors());
        }
        return known;
    }
}
