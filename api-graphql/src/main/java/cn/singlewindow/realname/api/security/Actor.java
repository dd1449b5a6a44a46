package cn.singlewindow.realname.api.security;

import cn.singlewindow.realname.messages.account.AccountId;
import cn.singlewindow.realname.messages.account.AccountRole;
import cn.singlewindow.realname.messages.enterprise.EnterpriseId;
import java.util.Optional;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.oauth2.jwt.Jwt;

/** The logged-in account behind a request, read from its bearer token. */
public record Actor(AccountId accountId, String username, AccountRole role, EnterpriseId enterpriseId) {

    static final String CLAIM_USERNAME = "username";
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
                enterprise == null ? null : new EnterpriseId(enterprise));
    }

    public boolean belongsTo(EnterpriseId enterprise) {
        return enterpriseId != null && enterpriseId.equals(enterprise);
    }
}
