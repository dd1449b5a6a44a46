package cn.singlewindow.realname.api.security;

import cn.singlewindow.realname.messages.account.AccountId;
import cn.singlewindow.realname.messages.account.AccountRole;
import cn.singlewindow.realname.messages.enterprise.EnterpriseId;
import java.time.Instant;
import java.util.Optional;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.oauth2.jwt.Jwt;

/**
 * The logged-in account behind a request, read from its bearer token, and the session the token stands for: its id
 * (null for tokens issued before sessions had one), when it began and when its token expires.
 */
public record Actor(AccountId accountId, String username, AccountRole role, EnterpriseId enterpriseId,
                    String sessionId, Instant sessionStarted, Instant sessionExpires) {

    static final String CLAIM_USERNAME = "username";
    static final String CLAIM_STARTED = "started";
    static final String CLAIM_ROLE = "role";
    static final String CLAIM_ENTERPRISE = "enterprise";

    /** Key of the actor in the GraphQL context, for WebSocket requests (authenticated at connection_init). */
    public static final String CONTEXT_KEY = "realname.actor";

    /** The caller of an HTTP request, from the security context of the request's thread. */
    public static Optional<Actor> current() {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        if (authentication == null || !(authentication.getPrincipal() instanceof Jwt jwt)) {
            return Optional.empty();
        }
        return Optional.of(of(jwt));
    }

    /** The caller of a GraphQL request over either transport. */
    public static Optional<Actor> current(graphql.GraphQLContext context) {
        Actor fromContext = context == null ? null : context.get(CONTEXT_KEY);
        return fromContext != null ? Optional.of(fromContext) : current();
    }

    /** Whether a GraphQL request's caller has logged in, without reading the token's claims. */
    public static boolean isAuthenticated(graphql.GraphQLContext context) {
        if (context != null && context.hasKey(CONTEXT_KEY)) {
            return true;
        }
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        return authentication != null && authentication.getPrincipal() instanceof Jwt;
    }

    static Actor of(Jwt jwt) {
        String enterprise = jwt.getClaimAsString(CLAIM_ENTERPRISE);
        return new Actor(new AccountId(jwt.getSubject()), jwt.getClaimAsString(CLAIM_USERNAME),
                AccountRole.valueOf(jwt.getClaimAsString(CLAIM_ROLE)),
                enterprise == null ? null : new EnterpriseId(enterprise), jwt.getId(), started(jwt),
                jwt.getExpiresAt());
    }

    /** When the token's session began: to the millisecond where the token says so, else its issue time. */
    static Instant started(Jwt jwt) {
        Object started = jwt.getClaim(CLAIM_STARTED);
        return started instanceof Number millis ? Instant.ofEpochMilli(millis.longValue()) : jwt.getIssuedAt();
    }

    public boolean belongsTo(EnterpriseId enterprise) {
        return enterpriseId != null && enterpriseId.equals(enterprise);
    }
}
